/**
 * The API's JSON shapes. They are the server's own contract types (bot/http/api/apiTypes.ts,
 * type-only), so a change on either side fails the type check instead of the tab at run time.
 */
import type { MeasureFields as DomainMeasureFields } from '../../../bot/domain/plans/plan';
import type {
  AnnualReportResponse,
  CaseDetailResponse,
  CaseListItem,
  CaseListPageResponse,
  HistoryEntryDto,
  MeResponse,
  MeasureDto,
  PlanResponse,
  StatsResponse,
} from '../../../bot/http/api/apiTypes';

export type {
  CommitteeKind,
  CommitteeSummary,
  LocalPerson,
  MeasureStatus,
  PlanResponse,
  PriorityGroup,
  StatusCounts,
} from '../../../bot/http/api/apiTypes';

export type Me = MeResponse;
export type Measure = MeasureDto;
export type Plan = PlanResponse['plan'];
export type MainGoal = Plan['mainGoals'][number];
export type SubGoal = MainGoal['subGoals'][number];
export type HistoryEntry = HistoryEntryDto;
export type CaseSummary = CaseListItem;
export type CasePage = CaseListPageResponse;
/** The cases page's filters and where it goes on from (`cursor`: a page's `next`). */
export interface CaseListQuery {
  year?: string;
  state?: string;
  forum?: string;
  limit?: string;
  cursor?: string;
}
export type CaseDetail = CaseDetailResponse;
export type {
  LinkedCaseDto as LinkedCase,
  LinkedMeasureDto as LinkedMeasure,
} from '../../../bot/http/api/apiTypes';
export type Stats = StatsResponse;
export type AnnualReport = AnnualReportResponse;
export type CountMap = Record<string, number>;

/**
 * What the editor sends for a new or edited goal, sub-goal (text only) or measure: the domain's
 * measure fields, with the priority groups optional (the server checks their values).
 */
export type MeasureFields = Omit<DomainMeasureFields, 'priorityGroups'> & { priorityGroups?: string[] };
