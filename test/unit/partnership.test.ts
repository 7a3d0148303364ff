import assert from 'node:assert/strict';
import { FORUMS } from '../../bot/domain/partnership';
import seed from '../../bot/domain/plans/seed/joint-action-plan.json';

describe('reference lists', () => {
  it('has the forums of seed 003: the partnership meeting, the SSU, 12 FSU and 4 LSU, each once', () => {
    const count = (kind: string) => FORUMS.filter((f) => f.kind === kind).length;
    assert.deepEqual([count('partnership_meeting'), count('SSU'), count('FSU'), count('LSU')], [1, 1, 12, 4]);
    assert.equal(new Set(FORUMS.map((f) => f.value)).size, FORUMS.length);
  });

  it('names every FSU by the committee id of its action plan, so routing and plans mean the same committee', () => {
    const committees = new Set(seed.committees.map((c) => c.id));
    for (const forum of FORUMS.filter((f) => f.kind === 'FSU')) {
      assert.ok(committees.has(forum.value), `${forum.value} is no committee in the plan seed`);
    }
  });
});
