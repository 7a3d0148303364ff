import type { Person } from '../person';
import {
  firstStatusYear,
  planYears,
  type CommitteeKind,
  type MeasureStatus,
  type PriorityGroup,
} from './planModel';

/**
 * The stored action-plan model (what storage holds and the API returns), as opposed to the seed
 * file's types in planModel.ts. Plain types only: no storage, HTTP or Teams imports.
 *
 * Every item carries `order` (its place among its siblings, 1-based), `retired` (retired items stay
 * stored and keep their history; views grey or hide them) and `version` (how many times it was
 * written; the seeded state is 1). `etag` is the storage version the item was read at: every write
 * is conditioned on it.
 */
export interface Committee {
  id: string;
  /** Kind and names come from the forum definition (forums/forums.ts), not from what is stored. */
  kind: CommitteeKind;
  /** The official name in nynorsk. */
  name: string;
  shortName?: string;
  /** The committee a working group works under. */
  parentId?: string;
  leader?: string;
  deputy?: string;
  /** The plan's title, e.g. "Felles handlingsplan for Helsefellesskap Møre og Romsdal 2023-2026". */
  title: string;
  periodStart: number;
  periodEnd: number;
  /** Where statuses start before the period (see SeedPlan.firstStatusYear). */
  firstStatusYear?: number;
  /** Place in lists (the source's order); committees without one come last. */
  order?: number;
  /** Bumped by every structural change (add, edit, move, retire); status changes leave it alone. */
  version: number;
  etag?: string;
}

export interface MeasureFields {
  text: string;
  responsible?: string;
  timeline?: string;
  taskHospital?: string;
  taskMunicipalities?: string;
  measuringTool?: string;
  priorityGroups: PriorityGroup[];
}

export interface MeasureRecord extends MeasureFields {
  type: 'measure';
  id: string;
  goalId: string;
  subGoalId: string;
  /** One key per year of the plan period ("2023": "done", ...). */
  statusByYear: Record<string, MeasureStatus>;
  order: number;
  retired: boolean;
  version: number;
  etag?: string;
}

export interface SubGoalRecord {
  type: 'subgoal';
  id: string;
  goalId: string;
  text: string;
  order: number;
  retired: boolean;
  version: number;
  etag?: string;
}

export interface GoalRecord {
  type: 'goal';
  id: string;
  text: string;
  order: number;
  retired: boolean;
  version: number;
  etag?: string;
}

export type PlanItem = GoalRecord | SubGoalRecord | MeasureRecord;

export interface SubGoal extends SubGoalRecord {
  measures: MeasureRecord[];
}

export interface MainGoal extends GoalRecord {
  subGoals: SubGoal[];
}

/** A committee's whole plan, as one partition read gives it; children sorted by `order`. */
export interface Plan {
  committee: Committee;
  mainGoals: MainGoal[];
}

/** 'case_linked'/'case_unlinked': a case was tied to the measure or untied (`to`/`from`: its number). */
export type HistoryKind = 'status' | 'edit' | 'add' | 'retire' | 'reorder' | 'case_linked' | 'case_unlinked';

export interface FieldChange {
  field: string;
  from?: string;
  to?: string;
}

/**
 * One change to a plan item, never edited afterwards. `from`/`to` are the statuses for 'status',
 * the positions ("3" → "2") for 'reorder', and "active"/"retired" for 'retire'; 'edit' lists the
 * changed fields in `changes`.
 */
export interface HistoryEntry {
  itemId: string;
  at: string;
  by: Person;
  kind: HistoryKind;
  year?: number;
  from?: string;
  to?: string;
  comment?: string;
  changes?: FieldChange[];
}

export interface StatusCounts {
  done: number;
  in_progress: number;
  not_started: number;
  not_assessed: number;
}

const emptyCounts = (): StatusCounts => ({ done: 0, in_progress: 0, not_started: 0, not_assessed: 0 });

export function bySortOrder<T extends { order: number; id: string }>(a: T, b: T): number {
  return a.order - b.order || a.id.localeCompare(b.id);
}

/** Every item of the plan, flattened, with `active` false when it or a parent is retired. */
export function* walkPlan(
  plan: Plan,
): Generator<{ item: PlanItem; active: boolean; goal: MainGoal; subGoal?: SubGoal }> {
  for (const goal of plan.mainGoals) {
    yield { item: goal, active: !goal.retired, goal };
    for (const subGoal of goal.subGoals) {
      const subActive = !goal.retired && !subGoal.retired;
      yield { item: subGoal, active: subActive, goal, subGoal };
      for (const measure of subGoal.measures) {
        yield { item: measure, active: subActive && !measure.retired, goal, subGoal };
      }
    }
  }
}

export function findItem(plan: Plan, itemId: string): PlanItem | undefined {
  for (const { item } of walkPlan(plan)) if (item.id === itemId) return item;
  return undefined;
}

/** Measures that count: not retired themselves and not under a retired goal or sub-goal. */
function activeMeasures(plan: Plan): MeasureRecord[] {
  const result: MeasureRecord[] = [];
  for (const { item, active } of walkPlan(plan)) if (active && item.type === 'measure') result.push(item);
  return result;
}

/** Status counts of the active measures for one year; a year without a status column counts nothing. */
export function countsForYear(plan: Plan, year: number): StatusCounts {
  const counts = emptyCounts();
  if (year < firstStatusYear(plan.committee) || year > plan.committee.periodEnd) return counts;
  for (const measure of activeMeasures(plan)) {
    const status = measure.statusByYear[String(year)] ?? 'not_assessed';
    counts[status]++;
  }
  return counts;
}

export function countsByYear(plan: Plan): Record<string, StatusCounts> {
  const result: Record<string, StatusCounts> = {};
  for (const year of planYears(plan.committee)) result[year] = countsForYear(plan, Number(year));
  return result;
}

/** The latest year in which some active measure has a status set (not "not assessed"), if any. */
export function latestStatusYear(plan: Plan): number | undefined {
  let latest: number | undefined;
  for (const measure of activeMeasures(plan)) {
    for (const [year, status] of Object.entries(measure.statusByYear)) {
      if (status !== 'not_assessed' && (latest === undefined || Number(year) > latest)) latest = Number(year);
    }
  }
  return latest;
}

/** The priority groups any active measure of the plan is tagged with, in the canonical order. */
export function priorityGroupsOf(plan: Plan, order: readonly PriorityGroup[]): PriorityGroup[] {
  const found = new Set<PriorityGroup>();
  for (const measure of activeMeasures(plan)) measure.priorityGroups.forEach((g) => found.add(g));
  return order.filter((g) => found.has(g));
}

/** `year` moved into the committee's period (the overview's default year). */
export function clampYear(committee: Pick<Committee, 'periodStart' | 'periodEnd'>, year: number): number {
  return Math.min(committee.periodEnd, Math.max(committee.periodStart, year));
}
