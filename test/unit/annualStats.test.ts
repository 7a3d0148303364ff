import assert from 'node:assert/strict';
import type { CaseRecord, CaseState, CaseTransition } from '../../bot/domain/cases/caseModel';
import { NONE, casesPerYear, median, medianDays } from '../../bot/domain/reports/annualStats';

/** The annual report's case figures, from hand-made cases whose answers are known. */
function record(
  number: string,
  state: CaseState,
  opts: { forum?: string; parts?: string[] | string; submittedAt?: string } = {},
): CaseRecord {
  const [year, seq] = number.split('-').map(Number) as [number, number];
  return {
    number,
    year,
    seq,
    title: number,
    state,
    answers: { title: number, ...(opts.parts !== undefined ? { agreementParts: opts.parts } : {}) },
    submitter: { id: 's', name: 'S', lang: 'nn' },
    submittedAt: opts.submittedAt ?? `${year}-03-01T09:00:00Z`,
    updatedAt: `${year}-03-01T09:00:00Z`,
    historyCount: 1,
    ...(opts.forum
      ? {
          routing: {
            forumChain: [
              { forum: opts.forum, kind: 'routed' as const, reason: 'r', by: { id: 'x', name: 'X' }, at: '' },
            ],
            infoRequests: [],
          },
        }
      : {}),
  };
}

const step = (seq: number, to: CaseState, at: string): CaseTransition => ({
  caseNumber: '',
  seq,
  at,
  by: { id: 'x', name: 'X' },
  from: null,
  to,
});

describe('annual statistics (pure)', () => {
  it('counts cases per year by forum, state and agreement part', () => {
    const stats = casesPerYear([
      record('2025-001', 'decided', { forum: 'ssu', parts: ['hovudavtale', 'delavtale-1'] }),
      record('2025-002', 'routed', { forum: 'ssu', parts: 'delavtale-1' }),
      record('2025-003', 'submitted'),
      record('2026-001', 'returned', { parts: ['delavtale-2', 'delavtale-2'] }),
    ]);
    assert.deepEqual(stats, [
      {
        year: 2025,
        total: 3,
        byForum: { ssu: 2, [NONE]: 1 },
        byState: { decided: 1, routed: 1, submitted: 1 },
        byAgreementPart: { hovudavtale: 1, 'delavtale-1': 2, [NONE]: 1 },
      },
      {
        year: 2026,
        total: 1,
        byForum: { [NONE]: 1 },
        byState: { returned: 1 },
        byAgreementPart: { 'delavtale-2': 1 },
      },
    ]);
  });

  const MEDIANS: [number[], number | null][] = [
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ];
  for (const [values, expected] of MEDIANS) {
    it(`median of [${values.join(', ')}] is ${expected}`, () => assert.equal(median(values), expected));
  }

  it('median days to routing and to outcome, over the cases that got there', () => {
    const a = record('2026-001', 'decided', { submittedAt: '2026-01-01T00:00:00Z' });
    const b = record('2026-002', 'routed', { submittedAt: '2026-01-01T00:00:00Z' });
    const c = record('2026-003', 'submitted', { submittedAt: '2026-01-01T00:00:00Z' });
    const result = medianDays([
      {
        record: a,
        history: [step(3, 'decided', '2026-01-11T00:00:00Z'), step(2, 'routed', '2026-01-03T00:00:00Z')],
      },
      { record: b, history: [step(2, 'routed', '2026-01-05T12:00:00Z')] },
      { record: c, history: [] },
    ]);
    assert.deepEqual(result, { toRouting: 3.3, toOutcome: 10 });
  });
});
