import assert from 'node:assert/strict';
import { intakeFromDialogState } from '../../bot/teams/intakeState';

/** Drafts stored by botbuilder-dialogs: the open intake was the one dialog on the stack. */
describe('the intake in a stored dialog stack (intakeFromDialogState)', () => {
  const intake = {
    draft: { id: 'd1', answers: { title: 'Ventetid' } },
    submitter: { id: 'aad-1', name: 'Åse' },
  };
  const cases: [string, unknown, unknown][] = [
    ['the open intake', { dialogStack: [{ id: 'intake', state: intake }] }, intake],
    ['no dialog state', undefined, undefined],
    ['an empty stack (no draft open)', { dialogStack: [] }, undefined],
    ['another dialog on top', { dialogStack: [{ id: 'other', state: intake }] }, undefined],
    ['an intake without its submitter', { dialogStack: [{ id: 'intake', state: { draft: {} } }] }, undefined],
    [
      'an intake without a draft',
      { dialogStack: [{ id: 'intake', state: { submitter: { id: 'x' } } }] },
      undefined,
    ],
  ];
  for (const [what, stored, expected] of cases) {
    it(what, () => {
      assert.deepEqual(
        intakeFromDialogState(stored as Parameters<typeof intakeFromDialogState>[0]),
        expected,
      );
    });
  }
});
