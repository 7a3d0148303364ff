import assert from 'node:assert/strict';
import type { CaseRecord, CaseTransition } from '../../bot/domain/cases/caseModel';
import { median, medianDays, NONE } from '../../bot/domain/reports/annualStats';
import {
  countersAfterCreate,
  countersAfterTransition,
  emptyYearCounts,
  medianOfHistograms,
  recount,
  sumCounts,
  type Histogram,
  type YearCounts,
} from '../../bot/domain/reports/caseCounts';

const by = { id: 'x', name: 'X' };

function submitted(seq: number, submittedAt: string): CaseRecord {
  return {
    number: `2026-${String(seq).padStart(3, '0')}`,
    year: 2026,
    seq,
    title: 't',
    state: 'submitted',
    answers: { title: 't', agreementParts: seq % 2 ? ['hovudavtale'] : [] },
    submitter: { id: 's', name: 'S', lang: 'nn' },
    submittedAt,
    updatedAt: submittedAt,
    historyCount: 1,
  };
}

/** Moves a case one step, as a transition would, with the forum chain where it is routed. */
function step(record: CaseRecord, to: CaseRecord['state'], at: string, forum?: string) {
  const entry: CaseTransition = {
    caseNumber: record.number,
    seq: record.historyCount + 1,
    at,
    by,
    from: record.state,
    to,
  };
  const chain = record.routing?.forumChain ?? [];
  const next: CaseRecord = {
    ...record,
    state: to,
    historyCount: entry.seq,
    updatedAt: at,
    ...(forum
      ? {
          routing: {
            forumChain: [
              ...chain,
              { forum, kind: chain.length ? 'forwarded' : 'routed', reason: 'r', by, at },
            ],
            infoRequests: [],
          },
        }
      : {}),
  };
  return { next, entry };
}

describe('year counters (caseCounts.ts)', () => {
  it('the median of histograms is the median of the values themselves', () => {
    const lists = [[1.5], [1.5, 2, 10], [0, 0, 3.2, 7.1], [4, 4, 4, 4.1, 9, 12.3, 0.1]];
    for (const values of lists) {
      const halves = [values.slice(0, 2), values.slice(2)];
      const histograms = halves.map((half) => {
        const h: Histogram = {};
        for (const v of half) h[String(v)] = (h[String(v)] ?? 0) + 1;
        return h;
      });
      assert.equal(medianOfHistograms(histograms), median(values), JSON.stringify(values));
    }
    assert.equal(medianOfHistograms([{}, {}]), null);
  });

  it('counters kept step by step equal a recount, and give the medians medianDays gives', () => {
    const histories = new Map<string, CaseTransition[]>();
    let counts = emptyYearCounts(2026);
    const records: CaseRecord[] = [];
    for (let seq = 1; seq <= 6; seq++) {
      const record = submitted(seq, `2026-03-0${seq}T09:00:00Z`);
      counts = countersAfterCreate(counts, record);
      histories.set(record.number, [
        { caseNumber: record.number, seq: 1, at: record.submittedAt, by, from: null, to: 'submitted' },
      ]);
      records.push(record);
    }
    const apply = (i: number, to: CaseRecord['state'], at: string, forum?: string) => {
      const { next, entry } = step(records[i]!, to, at, forum);
      counts = countersAfterTransition(counts, records[i]!, next, entry);
      histories.get(next.number)!.push(entry);
      records[i] = next;
    };
    apply(0, 'routing_proposed', '2026-03-05T09:00:00Z');
    apply(0, 'routed', '2026-03-11T21:00:00Z', 'fsu-ikt');
    apply(0, 'routed', '2026-03-20T09:00:00Z', 'ssu');
    apply(0, 'decided', '2026-04-10T09:00:00Z');
    apply(1, 'routing_proposed', '2026-03-05T09:00:00Z');
    apply(1, 'routed', '2026-03-06T09:00:00Z', 'fsu-ikt');
    apply(2, 'withdrawn', '2026-03-07T09:00:00Z');
    apply(3, 'returned', '2026-03-08T09:00:00Z');

    const withHistory = records.map((record) => ({ record, history: histories.get(record.number)! }));
    assert.deepEqual(counts, recount(2026, withHistory));
    assert.deepEqual(counts.byForum, { ssu: 1, 'fsu-ikt': 1, [NONE]: 4 });
    assert.deepEqual(counts.byState, { decided: 1, routed: 1, withdrawn: 1, returned: 1, submitted: 2 });
    const medians = medianDays(withHistory);
    assert.equal(medianOfHistograms([counts.daysToRouting]), medians.toRouting);
    assert.equal(medianOfHistograms([counts.daysToOutcome]), medians.toOutcome);
  });

  it('a base and shards of changes (negative where a case left a state) sum to a recount', () => {
    let base = emptyYearCounts(2026);
    const records: CaseRecord[] = [];
    const histories = new Map<string, CaseTransition[]>();
    for (let seq = 1; seq <= 4; seq++) {
      const record = submitted(seq, `2026-03-0${seq}T09:00:00Z`);
      base = countersAfterCreate(base, record);
      records.push(record);
      histories.set(record.number, [
        { caseNumber: record.number, seq: 1, at: record.submittedAt, by, from: null, to: 'submitted' },
      ]);
    }
    const shards: YearCounts[] = [emptyYearCounts(2026), emptyYearCounts(2026), emptyYearCounts(2026)];
    const apply = (i: number, shard: number, to: CaseRecord['state'], at: string, forum?: string) => {
      const { next, entry } = step(records[i]!, to, at, forum);
      shards[shard] = countersAfterTransition(shards[shard]!, records[i]!, next, entry);
      histories.get(next.number)!.push(entry);
      records[i] = next;
    };
    apply(0, 0, 'routing_proposed', '2026-03-05T09:00:00Z');
    apply(0, 1, 'routed', '2026-03-11T21:00:00Z', 'fsu-ikt');
    apply(1, 1, 'routing_proposed', '2026-03-05T09:00:00Z');
    apply(1, 2, 'routed', '2026-03-06T09:00:00Z', 'ssu');
    apply(1, 0, 'decided', '2026-04-01T09:00:00Z');
    apply(2, 2, 'withdrawn', '2026-03-07T09:00:00Z');

    assert.equal(shards[0]!.byState.routed, -1, 'a shard holds changes, not counts');
    const withHistory = records.map((record) => ({ record, history: histories.get(record.number)! }));
    const summed = sumCounts(2026, [base, ...shards]);
    assert.deepEqual(summed, recount(2026, withHistory));
    assert.ok(!('routing_proposed' in summed.byState), 'a state back at zero is not listed');
    // Counts of cases stored in separate batches add up as well.
    const [a, b] = [withHistory.slice(0, 2), withHistory.slice(2)];
    assert.deepEqual(sumCounts(2026, [recount(2026, a), recount(2026, b)]), recount(2026, withHistory));
  });
});
