import type { CaseRecord, CaseTransition } from '../cases/caseModel';
import { countsByYear, type Plan, type StatusCounts } from '../plans/plan';
import { currentForum } from '../routing/routingModel';

/**
 * Figures for the partnership's annual report: cases per year by forum, state and agreement part,
 * median days from submission to routing and to outcome, and each committee's status counts per
 * year. Pure functions over what storage returns.
 */
export interface CaseYearStats {
  year: number;
  total: number;
  byForum: Record<string, number>;
  byState: Record<string, number>;
  byAgreementPart: Record<string, number>;
}

export interface CommitteeStats {
  id: string;
  name: string;
  shortName?: string;
  countsByYear: Record<string, StatusCounts>;
  /** Cases at this committee per year ("2026": n); null for someone who may not see its cases. */
  casesByYear: Record<string, number> | null;
}

/** Key used where a case has no forum yet, or names no part of the agreement. */
export const NONE = 'none';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the case was submitted, as the case list and its export show them. */
export function ageDays(record: Pick<CaseRecord, 'submittedAt'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(record.submittedAt)) / DAY_MS));
}

function increment(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function casesPerYear(cases: readonly CaseRecord[]): CaseYearStats[] {
  const byYear = new Map<number, CaseYearStats>();
  for (const record of cases) {
    let stats = byYear.get(record.year);
    if (!stats) {
      stats = { year: record.year, total: 0, byForum: {}, byState: {}, byAgreementPart: {} };
      byYear.set(record.year, stats);
    }
    stats.total++;
    increment(stats.byForum, currentForum(record) ?? NONE);
    increment(stats.byState, record.state);
    const parts = record.answers.agreementParts;
    const list = Array.isArray(parts) ? parts : parts ? [parts] : [];
    if (list.length === 0) increment(stats.byAgreementPart, NONE);
    for (const part of new Set(list)) increment(stats.byAgreementPart, part);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days (one decimal) from the case's submission to `at`. */
export function daysFromSubmission(record: Pick<CaseRecord, 'submittedAt'>, at: string): number {
  const days = (Date.parse(at) - Date.parse(record.submittedAt)) / DAY_MS;
  return Math.round(Math.max(0, days) * 10) / 10;
}

/** Days (one decimal) from submission to the first transition into `state`, or undefined if never. */
function daysUntil(
  record: CaseRecord,
  history: readonly CaseTransition[],
  state: string,
): number | undefined {
  const entry = [...history].sort((a, b) => a.seq - b.seq).find((t) => t.to === state);
  return entry ? daysFromSubmission(record, entry.at) : undefined;
}

/** Median days to routing (first `routed`) and to outcome (first `decided`), over the cases that got there. */
export function medianDays(cases: readonly { record: CaseRecord; history: readonly CaseTransition[] }[]): {
  toRouting: number | null;
  toOutcome: number | null;
} {
  const routing: number[] = [];
  const outcome: number[] = [];
  for (const { record, history } of cases) {
    const r = daysUntil(record, history, 'routed');
    if (r !== undefined) routing.push(r);
    const o = daysUntil(record, history, 'decided');
    if (o !== undefined) outcome.push(o);
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { toRouting: round(median(routing)), toOutcome: round(median(outcome)) };
}

/** The cases each forum has now, per year (from the counters), and whose cases the person may count. */
export interface ForumCaseCounts {
  mayView: (forum: string) => boolean;
  /** forum → year ("2026") → cases there now. */
  byForum: Record<string, Record<string, number>>;
}

/** How many cases a committee has per year ("2026": n), or null when the person may not see them. */
export function casesByYear(counts: ForumCaseCounts, committeeId: string): Record<string, number> | null {
  if (!counts.mayView(committeeId)) return null;
  return { ...counts.byForum[committeeId] };
}

export function committeeStats(plans: readonly Plan[], caseCounts: ForumCaseCounts): CommitteeStats[] {
  return plans.map((plan) => ({
    id: plan.committee.id,
    name: plan.committee.name,
    ...(plan.committee.shortName ? { shortName: plan.committee.shortName } : {}),
    countsByYear: countsByYear(plan),
    casesByYear: casesByYear(caseCounts, plan.committee.id),
  }));
}
