/**
 * The tab API's response shapes (API.md in words). Types only, no imports from the server's
 * runtime, so the tab and the tests can `import type` them.
 */
import type { CaseRouting } from '../../domain/cases/caseModel';
import type { SubmitterRouting } from '../../domain/cases/submitterView';

export type MeasureStatus = 'not_assessed' | 'not_started' | 'in_progress' | 'done';
export type PriorityGroup =
  'children_youth' | 'mental_health_substance' | 'frail_elderly' | 'multiple_chronic';
export type CommitteeKind = 'FSU' | 'LSU' | 'SSU' | 'working_group';

export interface ApiErrorBody {
  error: string;
  code: string;
  field?: string;
  /** 409 only: the item as stored now (null if it is gone). */
  current?: ApiItem | null;
}

export interface RoleAssignmentDto {
  personId: string;
  role: string;
  scope: string;
  personName?: string;
  grantedBy: string;
  grantedAt: string;
}

export interface MeResponse {
  personId: string;
  name: string;
  roles: RoleAssignmentDto[];
  localIdentity: boolean;
  signedInWith: 'sso' | 'local';
  canViewAllCases: boolean;
}

export interface LocalPerson {
  personId: string;
  name: string;
  roles: { role: string; scope: string }[];
}

export interface StatusCounts {
  done: number;
  in_progress: number;
  not_started: number;
  not_assessed: number;
}

export interface CommitteeDto {
  id: string;
  kind: CommitteeKind;
  /** The official name (nynorsk) from the forum definition; the tab names it in its own language. */
  name: string;
  shortName?: string;
  /** A working group's committee. */
  parentId?: string;
  leader?: string;
  deputy?: string;
  periodStart: number;
  periodEnd: number;
  /** Where statuses start before the period (the joint plan's 2022 column); else periodStart. */
  firstStatusYear?: number;
  priorityGroups: PriorityGroup[];
}

export interface CommitteeSummary extends CommitteeDto {
  /** The year the counts are for. */
  year: number;
  counts: StatusCounts;
  /** The committee's cases of that year; null for someone who may not see its cases. */
  caseCount: number | null;
  /** The latest year in which any measure has a status set; null while none has. */
  latestStatusYear: number | null;
}

interface ItemBase {
  id: string;
  text: string;
  order: number;
  retired: boolean;
  version: number;
  etag: string;
}

export interface GoalDto extends ItemBase {
  type: 'goal';
}

export interface SubGoalDto extends ItemBase {
  type: 'subgoal';
  goalId: string;
}

export interface MeasureDto extends ItemBase {
  type: 'measure';
  goalId: string;
  subGoalId: string;
  responsible?: string;
  timeline?: string;
  taskHospital?: string;
  taskMunicipalities?: string;
  measuringTool?: string;
  priorityGroups: PriorityGroup[];
  statusByYear: Record<string, MeasureStatus>;
  cases?: LinkedCaseDto[];
}

export interface LinkedCaseDto {
  number: string;
  title: string;
  state: string;
}

/** A measure a case led to, as the case shows it (measureId is '' in the submitter's own view). */
export interface LinkedMeasureDto {
  committeeId: string;
  committeeName: string;
  measureId: string;
  text: string;
}

export type ApiItem = GoalDto | SubGoalDto | MeasureDto;

export interface PlanResponse {
  committee: CommitteeDto & { title: string };
  plan: {
    title: string;
    periodStart: number;
    periodEnd: number;
    firstStatusYear?: number;
    version: number;
    mainGoals: (GoalDto & { subGoals: (SubGoalDto & { measures: MeasureDto[] })[] })[];
  };
  permissions: { updateStatus: boolean; edit: boolean };
}

export interface HistoryEntryDto {
  at: string;
  by: { id: string; name: string };
  kind: 'status' | 'edit' | 'add' | 'retire' | 'reorder' | 'case_linked' | 'case_unlinked';
  year?: number;
  from?: string;
  to?: string;
  comment?: string;
  changes?: { field: string; from?: string; to?: string }[];
}

export interface CaseListItem {
  number: string;
  year: number;
  title: string;
  state: string;
  forum?: string;
  submittedAt: string;
  updatedAt: string;
  ageDays: number;
  submitterName: string;
  /** Routed, but nobody in the forum's leadership could be given it (committee lists only). */
  deliveredToNobody?: boolean;
}

/** GET /api/cases: a page of the cases one may see; `next` (or null on the last page) as `?cursor=`. */
export interface CaseListPageResponse {
  cases: CaseListItem[];
  next: string | null;
}

export interface CaseDetailResponse {
  case: {
    number: string;
    title: string;
    state: string;
    answers: Record<string, string | string[]>;
    submitter: { name: string };
    submittedAt: string;
    updatedAt: string;
    ageDays: number;
    forum?: string;
    /** Routed, but nobody in the forum's leadership could be given it (not in the submitter's view). */
    deliveredToNobody?: boolean;
    /** Everything the routing holds: only for those who see the whole case (not the submitter). */
    routing?: CaseRouting;
    /** The submitter's own view (bot/domain/cases/submitterView.ts) instead of `routing`. */
    forumChain?: SubmitterRouting['forumChain'];
    infoRequests?: SubmitterRouting['infoRequests'];
    returned?: SubmitterRouting['returned'];
    withdrawn?: SubmitterRouting['withdrawn'];
    outcome?: SubmitterRouting['outcome'];
  };
  /** The measures of the committees' plans the case is linked to. */
  measures?: LinkedMeasureDto[];
  history: {
    seq: number;
    at: string;
    /** `id` only for those who see the whole case. */
    by: { id?: string; name: string };
    from: string | null;
    to: string;
    comment?: string;
    event?: string;
    forum?: string;
  }[];
  form: {
    id: string;
    kind: string;
    label: Record<'nn' | 'nb' | 'en', string>;
    options?: { value: string; label: Record<'nn' | 'nb' | 'en', string> }[];
  }[];
}

export interface StatsResponse {
  /** False when the person may not see case figures (then they are empty/null). */
  caseStats: boolean;
  casesPerYear: {
    year: number;
    total: number;
    byForum: Record<string, number>;
    byState: Record<string, number>;
    byAgreementPart: Record<string, number>;
  }[];
  medianDaysToRouting: number | null;
  medianDaysToOutcome: number | null;
  committees: {
    id: string;
    name: string;
    shortName?: string;
    countsByYear: Record<string, StatusCounts>;
    /** Cases at the committee per year; null for someone who may not see its cases. */
    casesByYear: Record<string, number> | null;
  }[];
}

/** The SSU's annual report for one year (bot/domain/reports/annualReport.ts). */
export interface AnnualReportResponse {
  year: number;
  /** The years a report can be asked for: the plans' periods and the cases' years. */
  years: number[];
  /** The four priority groups, then 'untagged', then 'all' (each measure and case once). */
  groups: {
    group: string;
    measures: StatusCounts;
    measureTotal: number;
    /** Forums with cases of the year ('none': not routed yet), each by case state. */
    cases: { forum: string; byState: Record<string, number>; total: number }[];
    caseTotal: number;
  }[];
}
