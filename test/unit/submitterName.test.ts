import assert from 'node:assert/strict';
import { submitterLine, submitterName } from '../../bot/domain/cases/submitterName';

describe('the submitter as shown: the form\'s "Kven melder saka", with the Teams identity where it differs', () => {
  const submitter = { id: 'aad-1', name: 'Alex Wilber', lang: 'nn' as const };

  it("shows the form's name and the Teams name beside it", () => {
    const record = { answers: { submitterName: 'Runa Bakke' }, submitter };
    assert.deepEqual(submitterName(record), { name: 'Runa Bakke', teamsName: 'Alex Wilber' });
    assert.equal(submitterLine(record), 'Runa Bakke (Alex Wilber)');
  });

  it('shows one name where the two are the same, and the Teams name where the form has none', () => {
    assert.deepEqual(submitterName({ answers: { submitterName: 'Alex Wilber' }, submitter }), {
      name: 'Alex Wilber',
    });
    assert.equal(submitterLine({ answers: {}, submitter }), 'Alex Wilber');
  });
});
