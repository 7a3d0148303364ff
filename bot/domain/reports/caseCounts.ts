import type { CaseRecord, CaseTransition } from '../cases/caseModel';
import { currentForum } from '../routing/routingModel';
import { daysFromSubmission, median, NONE, type CaseYearStats } from './annualStats';

/**
 * A year's case figures kept as counters beside the cases, changed in the same transaction as the case
 * they count, so the statistics and the case counts read a handful of rows however many cases there
 * are. The medians come from histograms of the days (one decimal, as the statistics round them), which
 * give exactly the median of the values themselves.
 */
export type Histogram = Record<string, number>;

export interface YearCounts extends CaseYearStats {
  /** Days from submission to the first routing, per case that got there. */
  daysToRouting: Histogram;
  /** Days from submission to the outcome, per case that got there. */
  daysToOutcome: Histogram;
}

export function emptyYearCounts(year: number): YearCounts {
  return {
    year,
    total: 0,
    byForum: {},
    byState: {},
    byAgreementPart: {},
    daysToRouting: {},
    daysToOutcome: {},
  };
}

function add(map: Record<string, number>, key: string, by: number): void {
  const value = (map[key] ?? 0) + by;
  // A count back at zero is dropped, so counters kept step by step equal a recount.
  if (value === 0) delete map[key];
  else map[key] = value;
}

function copy(counts: YearCounts): YearCounts {
  return structuredClone(counts);
}

/** Adds (1) or takes away (-1) what one case counts as it stands. */
function countCase(counts: YearCounts, record: Omit<CaseRecord, 'etag'>, by: 1 | -1): void {
  counts.total += by;
  add(counts.byState, record.state, by);
  add(counts.byForum, currentForum(record) ?? NONE, by);
  const parts = record.answers.agreementParts;
  const list = Array.isArray(parts) ? parts : parts ? [parts] : [];
  if (list.length === 0) add(counts.byAgreementPart, NONE, by);
  for (const part of new Set(list)) add(counts.byAgreementPart, part, by);
}

/** A step that brings a case to routed or decided for the first time adds its days to the histogram. */
function countArrival(counts: YearCounts, record: Omit<CaseRecord, 'etag'>, step: CaseTransition): void {
  if (step.from === step.to) return;
  const days = String(daysFromSubmission(record, step.at));
  if (step.to === 'routed') add(counts.daysToRouting, days, 1);
  if (step.to === 'decided') add(counts.daysToOutcome, days, 1);
}

/** The counters after a new case is stored. */
export function countersAfterCreate(counts: YearCounts, record: Omit<CaseRecord, 'etag'>): YearCounts {
  const next = copy(counts);
  countCase(next, record, 1);
  return next;
}

/** The counters after a case moved from `before` to `after` by `step`. */
export function countersAfterTransition(
  counts: YearCounts,
  before: Omit<CaseRecord, 'etag'>,
  after: Omit<CaseRecord, 'etag'>,
  step: CaseTransition,
): YearCounts {
  const next = copy(counts);
  countCase(next, before, -1);
  countCase(next, after, 1);
  countArrival(next, after, step);
  return next;
}

/**
 * Counters added together: a year's base counts and the changes kept beside them (which may hold
 * negative numbers), or the counts of cases stored in separate batches. Zeros are dropped, as `add`
 * drops them, so the sum equals a recount.
 */
export function sumCounts(year: number, parts: readonly YearCounts[]): YearCounts {
  const sum = emptyYearCounts(year);
  for (const part of parts) {
    sum.total += part.total;
    for (const key of ['byForum', 'byState', 'byAgreementPart', 'daysToRouting', 'daysToOutcome'] as const)
      for (const [k, n] of Object.entries(part[key])) add(sum[key], k, n);
  }
  return sum;
}

/** The counters of a year counted afresh from its cases and their histories (backfill and checks). */
export function recount(
  year: number,
  cases: readonly { record: Omit<CaseRecord, 'etag'>; history: readonly CaseTransition[] }[],
): YearCounts {
  const counts = emptyYearCounts(year);
  for (const { record, history } of cases) {
    countCase(counts, record, 1);
    for (const step of [...history].sort((a, b) => a.seq - b.seq)) countArrival(counts, record, step);
  }
  return counts;
}

/** The median of the values several histograms hold together, one decimal; null when they are empty. */
export function medianOfHistograms(histograms: readonly Histogram[]): number | null {
  const merged = new Map<number, number>();
  for (const histogram of histograms)
    for (const [value, n] of Object.entries(histogram))
      merged.set(Number(value), (merged.get(Number(value)) ?? 0) + n);
  const sorted = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (index < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const middle = Math.floor(total / 2);
  const value = total % 2 ? at(middle) : median([at(middle - 1), at(middle)])!;
  return Math.round(value * 10) / 10;
}

/** The year's figures as the statistics show them (without the histograms). */
export function yearStats({ daysToRouting: _r, daysToOutcome: _o, ...stats }: YearCounts): CaseYearStats {
  return stats;
}
