import assert from 'node:assert/strict';
import type { CaseState } from '../../bot/domain/cases/caseModel';
import { deliveredToNobody } from '../../bot/domain/notifications/deliveredToNobody';
import type { NotificationRecord } from '../../bot/domain/notifications/notificationModel';

/** When the tab marks a case "ikkje levert til nokon": the fact `varsel` lists, for the forum it is at. */
const at = (state: CaseState, ...forums: string[]) => ({
  number: '2026-001',
  state,
  routing: {
    forumChain: forums.map((forum) => ({
      forum,
      kind: 'routed' as const,
      reason: 'r',
      by: { id: 'x', name: 'X' },
      at: '',
    })),
    infoRequests: [],
  },
});

const note = (recipient: string, over: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: `unreached|${recipient}`,
  caseNumber: '2026-001',
  kind: 'message',
  recipient,
  label: 'case card → leadership',
  status: 'undeliverable',
  attempts: 0,
  createdAt: '2026-03-01T09:00:00Z',
  ...over,
});

describe('delivered to nobody (pure)', () => {
  const rows: [string, ReturnType<typeof at>, NotificationRecord[], boolean][] = [
    ['routed, nobody reached at its forum', at('routed', 'fsu-ikt'), [note('forum:fsu-ikt')], true],
    ['routed, nothing recorded', at('routed', 'fsu-ikt'), [], false],
    ['forwarded on from the unreached forum', at('routed', 'fsu-ikt', 'ssu'), [note('forum:fsu-ikt')], false],
    ['decided since', at('decided', 'fsu-ikt'), [note('forum:fsu-ikt')], false],
    [
      "another case's record",
      at('routed', 'fsu-ikt'),
      [note('forum:fsu-ikt', { caseNumber: '2026-002' })],
      false,
    ],
    [
      'a person who failed is not the whole forum',
      at('routed', 'fsu-ikt'),
      [note('person:aad-1', { status: 'failed' })],
      false,
    ],
    ['not routed yet', at('submitted'), [note('forum:fsu-ikt')], false],
  ];
  for (const [what, record, notifications, expected] of rows) {
    it(`${what}: ${expected}`, () => assert.equal(deliveredToNobody(record, notifications), expected));
  }
});
