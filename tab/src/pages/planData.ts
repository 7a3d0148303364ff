import { MEASURE_STATUSES, planYears } from '../../../bot/domain/plans/planModel';
import type { Measure, MeasureStatus, Plan, PlanResponse } from '../api/types';
import { visible } from './boardContext';

/** The plan with one measure replaced by its newer version (after a status change). */
export function replaceMeasure(data: PlanResponse, measure: Measure): PlanResponse {
  return {
    ...data,
    plan: {
      ...data.plan,
      mainGoals: data.plan.mainGoals.map((g) => ({
        ...g,
        subGoals: g.subGoals.map((s) => ({
          ...s,
          measures: s.measures.map((m) => (m.id === measure.id ? { ...m, ...measure } : m)),
        })),
      })),
    },
  };
}

/** A sub-goal in force, numbered as the joint action plan numbers them ("1.2"). */
export interface NumberedSubGoal {
  id: string;
  number: string;
  text: string;
}

/** A measure in force with the sub-goal it serves. */
export interface BoardMeasure {
  measure: Measure;
  subGoal: NumberedSubGoal;
}

/** The measures in force (not retired, nor under a retired goal), in the plan's order. */
export function activeMeasures(plan: Plan): BoardMeasure[] {
  return visible(plan.mainGoals, false).flatMap((goal, gi) =>
    visible(goal.subGoals, false).flatMap((sub, si) => {
      const subGoal = { id: sub.id, number: `${gi + 1}.${si + 1}`, text: sub.text };
      return visible(sub.measures, false).map((measure) => ({ measure, subGoal }));
    }),
  );
}

/** The year the board opens on: `wanted` if the plan covers it, else this year clamped to the period. */
export function boardYear(
  plan: Pick<Plan, 'periodStart' | 'periodEnd'>,
  thisYear: number,
  wanted?: string | null,
): string {
  const years = planYears(plan);
  if (wanted && years.includes(wanted)) return wanted;
  return String(Math.min(Math.max(thisYear, plan.periodStart), plan.periodEnd));
}

/** The board's filters; an empty value means "all". Kept in the address's query. */
export interface BoardFilters {
  subGoal: string;
  responsible: string;
  priorityGroup: string;
}

const FILTER_KEYS: (keyof BoardFilters)[] = ['subGoal', 'responsible', 'priorityGroup'];

export function filtersFrom(query: URLSearchParams): BoardFilters {
  return {
    subGoal: query.get('subGoal') ?? '',
    responsible: query.get('responsible') ?? '',
    priorityGroup: query.get('priorityGroup') ?? '',
  };
}

/** The query for the address: the year and the filters that are set. */
export function boardQuery(year: string, filters: BoardFilters): URLSearchParams {
  const query = new URLSearchParams({ year });
  for (const key of FILTER_KEYS) if (filters[key]) query.set(key, filters[key]);
  return query;
}

export function matches({ measure, subGoal }: BoardMeasure, filters: BoardFilters): boolean {
  if (filters.subGoal && subGoal.id !== filters.subGoal) return false;
  if (filters.responsible && (measure.responsible ?? '').trim() !== filters.responsible) return false;
  if (filters.priorityGroup && !(measure.priorityGroups as string[]).includes(filters.priorityGroup))
    return false;
  return true;
}

/** One column per status, in the order of the plan's colour key, each with its measures for `year`. */
export function statusColumns(
  measures: BoardMeasure[],
  year: string,
): { status: MeasureStatus; measures: BoardMeasure[] }[] {
  return MEASURE_STATUSES.map((status) => ({
    status,
    measures: measures.filter((m) => (m.measure.statusByYear[year] ?? 'not_assessed') === status),
  }));
}

/** The status of the column next to `status` on the Tavle (`step` 1: right, -1: left); none past the ends. */
export function neighbourStatus(status: MeasureStatus, step: 1 | -1): MeasureStatus | undefined {
  return MEASURE_STATUSES[MEASURE_STATUSES.indexOf(status) + step];
}

/** The distinct responsibles named on the measures, sorted, for the filter. */
export function responsibles(measures: BoardMeasure[]): string[] {
  const names = new Set(measures.map((m) => m.measure.responsible?.trim()).filter((r): r is string => !!r));
  return [...names].sort((a, b) => a.localeCompare(b, 'nb'));
}
