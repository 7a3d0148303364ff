import assert from 'node:assert/strict';
import type { CaseDetailResponse, CaseListItem } from '../../bot/http/api/apiTypes';
import { IDS, RoutingWorld } from '../routing/routingWorld';
import { call, type Caller } from './apiSupport';

const secretariat: Caller = { local: IDS.secretariat };
const rehabLeader: Caller = { local: IDS.rehabLeader };
const submitter: Caller = { local: IDS.submitter };

/**
 * "Ikkje levert til nokon" in the tab: a case routed (through /api/messages) to FSU rehabilitering
 * while its leader has never opened the chat with the bot is marked in the committee's list and on
 * the case; one routed after the leader installed the app is not.
 */
describe("tab API: a routed case that reached nobody in the forum's leadership", () => {
  let world: RoutingWorld;

  async function routedToRehab(): Promise<string> {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Koordinering.',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routed');
    return number;
  }

  beforeEach(async () => {
    world = await RoutingWorld.start({ localIdentity: true });
    for (const who of ['submitter', 'secretariat', 'ssuLeader', 'ssuDeputy', 'admin'] as const) {
      await world.users[who].join();
    }
  });
  afterEach(async () => {
    await world.stop();
  });

  it("is marked in the committee's list and on the case, until the leader can be reached", async () => {
    const unreached = await routedToRehab();
    await world.users.rehabLeader.join();
    const reached = await routedToRehab();

    for (const who of [secretariat, rehabLeader]) {
      const listed = await call<CaseListItem[]>(
        bot(),
        'GET',
        '/api/committees/fsu-rehabilitering/cases',
        who,
      );
      assert.equal(listed.status, 200);
      const marks = Object.fromEntries(listed.body.map((c) => [c.number, c.deliveredToNobody === true]));
      assert.deepEqual(marks, { [unreached]: true, [reached]: false });
    }

    const detail = (number: string, who: Caller) =>
      call<CaseDetailResponse>(bot(), 'GET', `/api/cases/${number}`, who);
    assert.equal((await detail(unreached, secretariat)).body.case.deliveredToNobody, true);
    assert.equal((await detail(reached, secretariat)).body.case.deliveredToNobody, undefined);
    // The submitter's own view shows no internal steps, this one included.
    const own = await detail(unreached, submitter);
    assert.equal(own.status, 200);
    assert.equal(own.body.case.deliveredToNobody, undefined);
  });

  const bot = () => world.bot;
});
