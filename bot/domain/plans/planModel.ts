/**
 * Types for the default content of the action-plan board
 * (`bot/domain/plans/seed/joint-action-plan.json`).
 *
 * Shape of a plan (DESIGN.md, "Action plans"): a committee has one plan with a period;
 * the plan has main goals (hovudmål, "Kvar vil vi?"), a main goal has sub-goals (delmål),
 * a sub-goal has measures (tiltak, "Korleis skal vi få det til?"). Each measure has a
 * status for each year of the plan period.
 *
 * Plain types only: no library imports, so the domain, the API, the tab and scripts can
 * all use them.
 */

/** The four priority patient groups of the health partnerships. */
export type PriorityGroup =
  /** Barn og unge */
  | 'children_youth'
  /** Personar med alvorlege psykiske lidingar og rusavhengigheit */
  | 'mental_health_substance'
  /** Skrøpelege eldre */
  | 'frail_elderly'
  /** Personar med fleire kroniske lidingar */
  | 'multiple_chronic';

export const PRIORITY_GROUPS: readonly PriorityGroup[] = [
  'children_youth',
  'mental_health_substance',
  'frail_elderly',
  'multiple_chronic',
];

/**
 * Status of a measure in one year, after the colour coding of the joint action plan:
 * - `not_started`: Ikkje gjennomført (red)
 * - `in_progress`: Under planlegging / under arbeid (yellow)
 * - `done`: Gjennomført (green)
 * - `not_assessed`: no status given yet (the default; the PDF text carries no colours).
 */
export type MeasureStatus = 'not_assessed' | 'not_started' | 'in_progress' | 'done';

export const MEASURE_STATUSES: readonly MeasureStatus[] = [
  'not_assessed',
  'not_started',
  'in_progress',
  'done',
];

/** The kinds of forum that keep an action plan (forums/forums.ts names each committee). */
export type CommitteeKind = 'FSU' | 'LSU' | 'SSU' | 'working_group';

/** A measure's optional free-text fields besides its text: every reader and writer lists the same ones. */
export const MEASURE_TEXT_FIELDS = [
  'responsible',
  'timeline',
  'taskHospital',
  'taskMunicipalities',
  'measuringTool',
] as const;

export interface SeedMeasure {
  /** Stable id, unique in the whole file: `<committee>.g<n>.s<n>.m<n>`. */
  id: string;
  /** The measure (tiltak), wording as in the source. May contain `\n` between list items. */
  text: string;
  /** Ansvar. */
  responsible?: string;
  /** Tidsplan (free text as in the source, e.g. "2022-2024", "Årleg", "I løpet av 2023"). */
  timeline?: string;
  /** Task of the hospital trust (Helse Møre og Romsdal HF). */
  taskHospital?: string;
  /** Task of the municipalities. */
  taskMunicipalities?: string;
  /** Måleverktøy. */
  measuringTool?: string;
  priorityGroups: PriorityGroup[];
  /** One key per status year of the plan (`planYears`: "2022", "2023", ...), no more, no less. */
  statusByYear: Record<string, MeasureStatus>;
  /**
   * Reviewer-facing note on how the entry was reconstructed from the flattened PDF text.
   * Not plan content: importers should not show it as part of the measure.
   */
  note?: string;
}

export interface SeedSubGoal {
  /** `<committee>.g<n>.s<n>` */
  id: string;
  /** Delmål, wording as in the source. */
  text: string;
  /** Reconstruction note (not plan content). */
  note?: string;
  measures: SeedMeasure[];
}

export interface SeedMainGoal {
  /** `<committee>.g<n>` */
  id: string;
  /** Hovudmål, wording as in the source. */
  text: string;
  /** Reconstruction note (not plan content). */
  note?: string;
  subGoals: SeedSubGoal[];
}

export interface SeedPlan {
  title: string;
  /** First year of the plan period (inclusive). */
  periodStart: number;
  /** Last year of the plan period (inclusive). */
  periodEnd: number;
  /**
   * The first year with a status column, where the source's status columns start before the period
   * (seed 002: period 2023-2026, columns 2022, 2023, 2024); else the period's first year.
   */
  firstStatusYear?: number;
  mainGoals: SeedMainGoal[];
}

/**
 * A committee's plan content. Its kind and names are not here: they come from the forum definition
 * (forums/forums.ts), and the id must be one of its forums.
 */
export interface SeedCommittee {
  /** A forum id, e.g. 'fsu-rehabilitering'. */
  id: string;
  /** Leiar, as published. */
  leader?: string;
  /** Nestleiar, as published. */
  deputy?: string;
  /** Reconstruction note; required when no leader is published (says why). */
  note?: string;
  plan: SeedPlan;
}

export interface SeedFile {
  /** Where the content comes from. */
  source: string;
  committees: SeedCommittee[];
}

/**
 * The years a plan keeps a status for, as statusByYear keys: from the first status column (or the
 * period's start) to the period's end, e.g. 2022..2026 → ["2022", ..., "2026"].
 */
export function planYears(plan: Pick<SeedPlan, 'periodStart' | 'periodEnd' | 'firstStatusYear'>): string[] {
  const years: string[] = [];
  for (let y = firstStatusYear(plan); y <= plan.periodEnd; y++) years.push(String(y));
  return years;
}

/** The first year a plan keeps a status for. */
export function firstStatusYear(plan: Pick<SeedPlan, 'periodStart' | 'firstStatusYear'>): number {
  return Math.min(plan.firstStatusYear ?? plan.periodStart, plan.periodStart);
}
