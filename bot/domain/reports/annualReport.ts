import type { CaseListEntry } from '../cases/caseList';
import { CASE_STATES, type CaseState } from '../cases/caseModel';
import { FORUMS } from '../partnership';
import { countsForYear, walkPlan, type Plan, type StatusCounts } from '../plans/plan';
import { MEASURE_STATUSES, PRIORITY_GROUPS, type PriorityGroup } from '../plans/planModel';
import { NONE } from './annualStats';

/**
 * The SSU's annual report: for one year, per priority patient group, the measures of every
 * committee's plan by status and the cases of that year by forum and state. A measure or case
 * tagged with several groups counts under each of them, one with none under "untagged"; the "all"
 * figures count each measure and case once. Pure functions over what storage returns.
 */
export const UNTAGGED = 'untagged';
export const ALL_GROUPS = 'all';

/** The rows of the report, in the order it shows them. */
export const REPORT_GROUPS: readonly string[] = [...PRIORITY_GROUPS, UNTAGGED, ALL_GROUPS];

export interface ForumCases {
  /** A forum id, or NONE for cases not routed yet. */
  forum: string;
  byState: Record<CaseState, number>;
  total: number;
}

export interface GroupFigures {
  /** A priority group, UNTAGGED or ALL_GROUPS. */
  group: string;
  measures: StatusCounts;
  measureTotal: number;
  /** Only forums with cases, in the order of FORUMS; NONE last. */
  cases: ForumCases[];
  caseTotal: number;
}

export interface AnnualReport {
  year: number;
  groups: GroupFigures[];
}

const emptyCounts = (): StatusCounts => ({ done: 0, in_progress: 0, not_started: 0, not_assessed: 0 });
const emptyStates = (): Record<CaseState, number> =>
  Object.fromEntries(CASE_STATES.map((s) => [s, 0])) as Record<CaseState, number>;

/** The known priority groups among `values` (a case's answer or a measure's tags), each once. */
function priorityGroupsIn(values: unknown): PriorityGroup[] {
  const list = Array.isArray(values) ? values : values ? [values] : [];
  return PRIORITY_GROUPS.filter((g) => list.includes(g));
}

/** The groups a measure or case counts under: its priority groups, or UNTAGGED. */
function groupsOf(values: unknown): string[] {
  const groups = priorityGroupsIn(values);
  return groups.length ? groups : [UNTAGGED];
}

/**
 * Status counts for `year` of the active measures of every plan whose period covers it, per group;
 * ALL_GROUPS is the committees' own counts (as the overview shows them) added up.
 */
export function measuresByGroup(plans: readonly Plan[], year: number): Map<string, StatusCounts> {
  const result = new Map(REPORT_GROUPS.map((g) => [g, emptyCounts()]));
  const all = result.get(ALL_GROUPS)!;
  for (const plan of plans) {
    const counts = countsForYear(plan, year);
    for (const status of MEASURE_STATUSES) all[status] += counts[status];
    if (year < plan.committee.periodStart || year > plan.committee.periodEnd) continue;
    for (const { item, active } of walkPlan(plan)) {
      if (!active || item.type !== 'measure') continue;
      const status = item.statusByYear[String(year)] ?? 'not_assessed';
      for (const group of groupsOf(item.priorityGroups)) result.get(group)![status]++;
    }
  }
  return result;
}

function forumOrder(forum: string): number {
  if (forum === NONE) return Number.MAX_SAFE_INTEGER;
  const index = FORUMS.findIndex((f) => f.value === forum);
  return index < 0 ? FORUMS.length : index;
}

/** The cases of `year` (the year in their number) by forum (where each is now) and state, per group. */
/** What the report reads of a case: its list row (kept beside the case, with its priority groups). */
export type ReportCase = Pick<CaseListEntry, 'year' | 'state' | 'forum' | 'priorityGroups'>;

export function casesByGroup(cases: readonly ReportCase[], year: number): Map<string, ForumCases[]> {
  const byGroup = new Map(REPORT_GROUPS.map((g) => [g, new Map<string, ForumCases>()]));
  for (const record of cases) {
    if (record.year !== year) continue;
    const forum = record.forum ?? NONE;
    for (const group of [...groupsOf(record.priorityGroups), ALL_GROUPS]) {
      const forums = byGroup.get(group)!;
      let row = forums.get(forum);
      if (!row) forums.set(forum, (row = { forum, byState: emptyStates(), total: 0 }));
      row.byState[record.state]++;
      row.total++;
    }
  }
  const sorted = (rows: Iterable<ForumCases>) =>
    [...rows].sort((a, b) => forumOrder(a.forum) - forumOrder(b.forum) || a.forum.localeCompare(b.forum));
  return new Map([...byGroup].map(([group, forums]) => [group, sorted(forums.values())]));
}

export function annualReport(
  plans: readonly Plan[],
  cases: readonly ReportCase[],
  year: number,
): AnnualReport {
  const measures = measuresByGroup(plans, year);
  const caseRows = casesByGroup(cases, year);
  return {
    year,
    groups: REPORT_GROUPS.map((group) => {
      const counts = measures.get(group)!;
      const forums = caseRows.get(group)!;
      return {
        group,
        measures: counts,
        measureTotal: MEASURE_STATUSES.reduce((n, s) => n + counts[s], 0),
        cases: forums,
        caseTotal: forums.reduce((n, f) => n + f.total, 0),
      };
    }),
  };
}

/** The years a report can be asked for: every plan's period and every year with cases, with `year`. */
export function reportYears(plans: readonly Plan[], caseYears: readonly number[], year: number): number[] {
  const years = new Set<number>([year]);
  for (const { committee } of plans) {
    for (let y = committee.periodStart; y <= committee.periodEnd; y++) years.add(y);
  }
  for (const caseYear of caseYears) years.add(caseYear);
  return [...years].sort((a, b) => a - b);
}
