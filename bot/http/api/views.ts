import type { LinkedCase, LinkedMeasure } from '../../domain/caseLinks/caseLinkService';
import type { CaseView } from '../../domain/cases/caseAccess';
import type { CaseListEntry } from '../../domain/cases/caseList';
import type { CaseRecord, CaseTransition } from '../../domain/cases/caseModel';
import { submitterMeasures, submitterView } from '../../domain/cases/submitterView';
import { FORM_FIELDS } from '../../domain/form/intakeForm';
import type { Committee, HistoryEntry, MeasureRecord, Plan, PlanItem } from '../../domain/plans/plan';
import { priorityGroupsOf } from '../../domain/plans/plan';
import { MEASURE_TEXT_FIELDS, PRIORITY_GROUPS } from '../../domain/plans/planModel';
import { ageDays } from '../../domain/reports/annualStats';
import { currentForum } from '../../domain/routing/routingModel';
import { submitterLine } from '../../domain/cases/submitterName';

/** What the API returns: the stored model shaped as API.md describes, nothing storage-internal. */
export function committeeView(committee: Committee, plan?: Plan) {
  return {
    id: committee.id,
    kind: committee.kind,
    name: committee.name,
    ...(committee.shortName ? { shortName: committee.shortName } : {}),
    ...(committee.parentId ? { parentId: committee.parentId } : {}),
    ...(committee.leader ? { leader: committee.leader } : {}),
    ...(committee.deputy ? { deputy: committee.deputy } : {}),
    periodStart: committee.periodStart,
    periodEnd: committee.periodEnd,
    ...(committee.firstStatusYear !== undefined ? { firstStatusYear: committee.firstStatusYear } : {}),
    ...(plan ? { priorityGroups: priorityGroupsOf(plan, PRIORITY_GROUPS) } : {}),
  };
}

/**
 * An item as the API returns it. Built field by field, not by spreading: the board maps every item
 * of a plan on each read, and spreads of optional fields cost it more than the rest of the mapping.
 */
export function itemView(item: PlanItem) {
  switch (item.type) {
    case 'goal':
      return commonView(item);
    case 'subgoal':
      return { ...commonView(item), goalId: item.goalId };
    case 'measure':
      return measureView(item);
  }
}

function commonView(item: PlanItem) {
  return {
    id: item.id,
    type: item.type,
    text: item.text,
    order: item.order,
    retired: item.retired,
    version: item.version,
    etag: item.etag ?? '',
  };
}

type MeasureView = ReturnType<typeof commonView> & {
  goalId: string;
  subGoalId: string;
  responsible?: string;
  timeline?: string;
  taskHospital?: string;
  taskMunicipalities?: string;
  measuringTool?: string;
  priorityGroups: MeasureRecord['priorityGroups'];
  statusByYear: MeasureRecord['statusByYear'];
  cases?: LinkedCase[];
};

function measureView(item: MeasureRecord): MeasureView {
  const view: MeasureView = {
    id: item.id,
    type: item.type,
    text: item.text,
    order: item.order,
    retired: item.retired,
    version: item.version,
    etag: item.etag ?? '',
    goalId: item.goalId,
    subGoalId: item.subGoalId,
    priorityGroups: item.priorityGroups,
    statusByYear: item.statusByYear,
  };
  for (const field of MEASURE_TEXT_FIELDS) {
    const value = item[field];
    if (value) view[field] = value;
  }
  return view;
}

/** The plan as the board reads it; `cases`: the linked cases the reader may see, by measure id. */
export function planView(plan: Plan, cases?: ReadonlyMap<string, LinkedCase[]>) {
  return {
    title: plan.committee.title,
    periodStart: plan.committee.periodStart,
    periodEnd: plan.committee.periodEnd,
    ...(plan.committee.firstStatusYear !== undefined
      ? { firstStatusYear: plan.committee.firstStatusYear }
      : {}),
    version: plan.committee.version,
    mainGoals: plan.mainGoals.map((goal) => ({
      ...commonView(goal),
      subGoals: goal.subGoals.map((subGoal) => ({
        ...commonView(subGoal),
        goalId: subGoal.goalId,
        measures: subGoal.measures.map((measure) => {
          const view = measureView(measure);
          if (cases) view.cases = cases.get(measure.id) ?? [];
          return view;
        }),
      })),
    })),
  };
}

export function historyView(entry: HistoryEntry) {
  const { itemId: _itemId, ...rest } = entry;
  return rest;
}

export function caseListView(entry: CaseListEntry, now: Date) {
  return {
    number: entry.number,
    year: entry.year,
    title: entry.title,
    state: entry.state,
    ...(entry.forum ? { forum: entry.forum } : {}),
    submittedAt: entry.submittedAt,
    updatedAt: entry.updatedAt,
    ageDays: ageDays(entry, now),
    submitterName: entry.submitterName,
  };
}

export function caseHistoryView(t: CaseTransition) {
  return {
    seq: t.seq,
    at: t.at,
    by: { id: t.by.id, name: t.by.name },
    from: t.from,
    to: t.to,
    ...(t.comment ? { comment: t.comment } : {}),
    ...((t as { event?: string }).event ? { event: (t as { event?: string }).event } : {}),
    ...((t as { forum?: string }).forum ? { forum: (t as { forum?: string }).forum } : {}),
  };
}

/**
 * A case as its reader may see it: the submitter gets their own view (submitterView.ts: no internal
 * steps or remarks), everyone else the whole routing and history. The form's fields come along so
 * the tab can show the answers under their questions.
 */
export function caseDetailView(
  record: CaseRecord,
  view: CaseView,
  history: CaseTransition[],
  now: Date,
  measures: LinkedMeasure[] = [],
) {
  const forum = currentForum(record);
  const common = {
    number: record.number,
    title: record.title,
    state: record.state,
    answers: record.answers,
    submitter: { name: submitterLine(record) },
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
    ageDays: ageDays(record, now),
    ...(forum ? { forum } : {}),
  };
  const own = view === 'submitter' ? submitterView(record, history) : undefined;
  return {
    case: own
      ? {
          ...common,
          ...(own.returned ? { returned: own.returned } : {}),
          ...(own.withdrawn ? { withdrawn: own.withdrawn } : {}),
          ...(own.outcome ? { outcome: own.outcome } : {}),
          forumChain: own.forumChain,
          infoRequests: own.infoRequests,
        }
      : { ...common, ...(record.routing ? { routing: record.routing } : {}) },
    // The submitter reads which measures their case led to, without the plan's internal ids.
    measures: own ? submitterMeasures(measures).map((m) => ({ ...m, measureId: '' })) : measures,
    history: own ? own.history : history.map(caseHistoryView),
    form: FORM_FIELDS.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: f.label,
      ...(f.options ? { options: f.options } : {}),
    })),
  };
}
