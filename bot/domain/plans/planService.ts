import { underParents } from '../forums/forums';
import { authorize } from '../roles/authorize';
import { can, type Action, type RoleAssignment } from '../roles/roles';
import type { RoleRepository } from '../roles/roleRepository';
import { osloYear } from '../time';
import {
  bySortOrder,
  clampYear,
  countsForYear,
  findItem,
  latestStatusYear,
  type Committee,
  type FieldChange,
  type GoalRecord,
  type HistoryEntry,
  type MeasureRecord,
  type Plan,
  type PlanItem,
  type StatusCounts,
  type SubGoalRecord,
} from './plan';
import type { Person } from '../person';
import * as input from './planInput';
import { LIMITS, PlanInputError } from './planInput';
import { firstStatusYear, MEASURE_TEXT_FIELDS, planYears } from './planModel';
import { WriteConflict, type PlanRepository, type PlanWrite } from './planRepository';

/** The committee or item does not exist. */
export class PlanNotFound extends Error {}

/** The item changed since the person read it: `current` is what storage holds now. */
export class PlanConflict extends Error {
  constructor(readonly current: PlanItem | undefined) {
    super('The item was changed by someone else since you read it.');
  }
}

const MEASURE_FIELDS = ['text', ...MEASURE_TEXT_FIELDS] as const;
type MeasureTextField = (typeof MEASURE_FIELDS)[number];
const MEASURE_LIMITS: Record<MeasureTextField, number> = {
  text: LIMITS.measureText,
  responsible: LIMITS.responsible,
  timeline: LIMITS.timeline,
  taskHospital: LIMITS.taskHospital,
  taskMunicipalities: LIMITS.taskMunicipalities,
  measuringTool: LIMITS.measuringTool,
};

/** A committee's plan in the overview: the year shown, its status counts, the latest year with a status. */
export interface PlanOverview {
  plan: Plan;
  year: number;
  counts: StatusCounts;
  latestStatusYear: number | undefined;
}

/** What a person may do to a plan, so the tab offers only what will be accepted. */
export interface PlanPermissions {
  updateStatus: boolean;
  edit: boolean;
}

/** What someone holding `assignments` (read from storage for this request) may do to the plan. */
export function planPermissions(
  assignments: readonly RoleAssignment[],
  committeeId: string,
): PlanPermissions {
  return {
    updateStatus: can(assignments, 'plan.update_status', committeeId),
    edit: can(assignments, 'plan.edit', committeeId),
  };
}

/** How many times a structural change is retried when another change to the same plan won the race. */
const MAX_ATTEMPTS = 6;

/**
 * Action plans, read and changed. Every change: the committee exists (404), the person may (403, through
 * the one authorisation rule), the input is valid (400), the item exists (404), the item is still as
 * the person saw it (409); then the item and its history entry are written in one transaction.
 */
export class PlanService {
  constructor(private readonly deps: { plans: PlanRepository; roles: RoleRepository; now: () => Date }) {}

  /**
   * Every committee's plan for the overview, counted for the year asked for, else for this year kept
   * inside the committee's period (a plan that has ended shows its last year).
   */
  async overview(requestedYear?: number): Promise<PlanOverview[]> {
    const current = osloYear(this.deps.now());
    const plans = await this.allPlans();
    return plans.map((plan) => {
      const year = requestedYear ?? clampYear(plan.committee, current);
      return { plan, year, counts: countsForYear(plan, year), latestStatusYear: latestStatusYear(plan) };
    });
  }

  /** Every committee with its whole plan (the statistics), a working group right after its committee. */
  async allPlans(): Promise<Plan[]> {
    return underParents(await this.deps.plans.allPlans(), (plan) => plan.committee.id);
  }

  /** A committee's whole plan; PlanNotFound for an unknown committee. */
  async plan(committeeId: string): Promise<Plan> {
    const plan = await this.deps.plans.getPlan(committeeId);
    if (!plan) throw new PlanNotFound(`No committee "${committeeId}".`);
    return plan;
  }

  private async committeeOrThrow(committeeId: string): Promise<Committee> {
    const committee = await this.deps.plans.getCommittee(committeeId);
    if (!committee) throw new PlanNotFound(`No committee "${committeeId}".`);
    return committee;
  }

  private async authorize(actor: Person, action: Action, committeeId: string, target: string): Promise<void> {
    await authorize(this.deps.roles, {
      personId: actor.id,
      action,
      committee: committeeId,
      target: `plan:${committeeId}/${target}`,
      now: this.deps.now(),
    });
  }

  async updateStatus(
    actor: Person,
    committeeId: string,
    measureId: string,
    body: unknown,
  ): Promise<MeasureRecord> {
    const committee = await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.update_status', committeeId, measureId);
    const fields = input.requireObject(body);
    input.onlyFields(fields, ['year', 'status', 'comment', 'etag']);
    const year = input.year(fields.year, firstStatusYear(committee), committee.periodEnd);
    const to = input.status(fields.status);
    const comment = input.text(fields.comment, 'comment', LIMITS.comment, false);
    const etag = input.etag(fields.etag);

    const measure = await this.deps.plans.getItem(committeeId, measureId);
    if (!measure || measure.type !== 'measure') throw new PlanNotFound(`No measure "${measureId}".`);
    if (measure.etag !== etag) throw new PlanConflict(measure);
    if (measure.retired) {
      throw new PlanInputError('The measure is retired: bring it back before changing its status.');
    }
    const from = measure.statusByYear[String(year)] ?? 'not_assessed';
    if (from === to && !comment) return measure; // nothing changes, nothing to record

    const next: MeasureRecord = {
      ...measure,
      statusByYear: { ...measure.statusByYear, [String(year)]: to },
      version: measure.version + 1,
    };
    const entry: HistoryEntry = {
      itemId: measureId,
      at: this.deps.now().toISOString(),
      by: actor,
      kind: 'status',
      year,
      from,
      to,
      ...(comment ? { comment } : {}),
    };
    try {
      await this.deps.plans.write(committeeId, { items: [{ next, expectedEtag: etag }], history: [entry] });
    } catch (error) {
      if (error instanceof WriteConflict) {
        throw new PlanConflict(await this.deps.plans.getItem(committeeId, measureId));
      }
      throw error;
    }
    return (await this.deps.plans.getItem(committeeId, measureId)) as MeasureRecord;
  }

  async history(committeeId: string, itemId: string): Promise<HistoryEntry[]> {
    await this.committeeOrThrow(committeeId);
    const item = await this.deps.plans.getItem(committeeId, itemId);
    if (!item) throw new PlanNotFound(`No item "${itemId}".`);
    return this.deps.plans.history(committeeId, itemId);
  }

  /**
   * A structural change: reads the whole plan, lets `build` decide the write, and writes it together
   * with a bump of the committee's version. A race with another structural change is retried on a
   * fresh read; a change to the item the person based their edit on (`clientEtag`) is a conflict.
   */
  private async structural(
    actor: Person,
    committeeId: string,
    build: (plan: Plan, at: string) => { write: PlanWrite; resultId: string } | { unchanged: PlanItem },
    clientEtag?: { itemId: string; etag: string },
  ): Promise<PlanItem> {
    for (let attempt = 1; ; attempt++) {
      const plan = await this.deps.plans.getPlan(committeeId);
      if (!plan) throw new PlanNotFound(`No committee "${committeeId}".`);
      if (clientEtag) {
        const item = findItem(plan, clientEtag.itemId);
        if (!item) throw new PlanNotFound(`No item "${clientEtag.itemId}".`);
        if (item.etag !== clientEtag.etag) throw new PlanConflict(item);
      }
      const decided = build(plan, this.deps.now().toISOString());
      if ('unchanged' in decided) return decided.unchanged;
      const { committee } = plan;
      const write: PlanWrite = {
        ...decided.write,
        committee: {
          next: { ...committee, version: committee.version + 1 },
          expectedEtag: committee.etag ?? '',
        },
      };
      try {
        await this.deps.plans.write(committeeId, write);
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new PlanConflict(
            clientEtag ? await this.deps.plans.getItem(committeeId, clientEtag.itemId) : undefined,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
        continue;
      }
      const stored = await this.deps.plans.getItem(committeeId, decided.resultId);
      if (!stored) throw new Error(`Item ${decided.resultId} vanished right after it was written`);
      return stored;
    }
  }

  async addGoal(actor: Person, committeeId: string, body: unknown): Promise<GoalRecord> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.edit', committeeId, 'goals');
    const fields = input.requireObject(body);
    input.onlyFields(fields, ['text']);
    const text = input.text(fields.text, 'text', LIMITS.goalText, true)!;
    const item = await this.structural(actor, committeeId, (plan, at) => {
      const siblings = plan.mainGoals;
      checkRoom(siblings.length);
      const goal: GoalRecord = {
        type: 'goal',
        id: nextChildId(committeeId, 'g', siblings),
        text,
        order: nextOrder(siblings),
        retired: false,
        version: 1,
      };
      return { write: added(goal, actor, at), resultId: goal.id };
    });
    return item as GoalRecord;
  }

  async addSubGoal(
    actor: Person,
    committeeId: string,
    goalId: string,
    body: unknown,
  ): Promise<SubGoalRecord> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.edit', committeeId, goalId);
    const fields = input.requireObject(body);
    input.onlyFields(fields, ['text']);
    const text = input.text(fields.text, 'text', LIMITS.subGoalText, true)!;
    const item = await this.structural(actor, committeeId, (plan, at) => {
      const goal = plan.mainGoals.find((g) => g.id === goalId);
      if (!goal) throw new PlanNotFound(`No main goal "${goalId}".`);
      checkRoom(goal.subGoals.length);
      const subGoal: SubGoalRecord = {
        type: 'subgoal',
        id: nextChildId(goalId, 's', goal.subGoals),
        goalId,
        text,
        order: nextOrder(goal.subGoals),
        retired: false,
        version: 1,
      };
      return { write: added(subGoal, actor, at), resultId: subGoal.id };
    });
    return item as SubGoalRecord;
  }

  /**
   * `action`: what allows it; 'case.link_measure' when the measure is made from a case (then the
   * secretariat may too, see bot/domain/caseLinks).
   */
  async addMeasure(
    actor: Person,
    committeeId: string,
    subGoalId: string,
    body: unknown,
    action: Extract<Action, 'plan.edit' | 'case.link_measure'> = 'plan.edit',
  ): Promise<MeasureRecord> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, action, committeeId, subGoalId);
    const fields = input.requireObject(body);
    input.onlyFields(fields, [...MEASURE_FIELDS, 'priorityGroups']);
    const values: Partial<Record<MeasureTextField, string>> = {};
    for (const field of MEASURE_FIELDS) {
      const value = input.text(fields[field], field, MEASURE_LIMITS[field], field === 'text');
      if (value !== undefined) values[field] = value;
    }
    const priorityGroups = input.priorityGroups(fields.priorityGroups) ?? [];
    const item = await this.structural(actor, committeeId, (plan, at) => {
      const subGoal = plan.mainGoals.flatMap((g) => g.subGoals).find((s) => s.id === subGoalId);
      if (!subGoal) throw new PlanNotFound(`No sub-goal "${subGoalId}".`);
      checkRoom(subGoal.measures.length);
      const measure: MeasureRecord = {
        type: 'measure',
        id: nextChildId(subGoalId, 'm', subGoal.measures),
        goalId: subGoal.goalId,
        subGoalId,
        text: values.text!,
        ...values,
        priorityGroups,
        statusByYear: Object.fromEntries(planYears(plan.committee).map((y) => [y, 'not_assessed' as const])),
        order: nextOrder(subGoal.measures),
        retired: false,
        version: 1,
      };
      return { write: added(measure, actor, at), resultId: measure.id };
    });
    return item as MeasureRecord;
  }

  async editItem(actor: Person, committeeId: string, itemId: string, body: unknown): Promise<PlanItem> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.edit', committeeId, itemId);
    const fields = input.requireObject(body);
    const etag = input.etag(fields.etag);
    const current = await this.deps.plans.getItem(committeeId, itemId);
    if (!current) throw new PlanNotFound(`No item "${itemId}".`);

    let apply: (item: PlanItem) => { next: PlanItem; changes: FieldChange[] };
    if (current.type === 'measure') {
      input.onlyFields(fields, ['etag', ...MEASURE_FIELDS, 'priorityGroups']);
      const updates: Partial<Record<MeasureTextField, string | null>> = {};
      for (const field of MEASURE_FIELDS) {
        if (!(field in fields)) continue;
        updates[field] = input.text(fields[field], field, MEASURE_LIMITS[field], field === 'text') ?? null;
      }
      const groups =
        'priorityGroups' in fields ? (input.priorityGroups(fields.priorityGroups) ?? []) : undefined;
      apply = (item) => {
        const measure = item as MeasureRecord;
        const next: MeasureRecord = { ...measure };
        const changes: FieldChange[] = [];
        for (const [field, value] of Object.entries(updates) as [MeasureTextField, string | null][]) {
          const before = measure[field];
          if ((before ?? null) === value) continue;
          if (value === null) delete next[field];
          else next[field] = value;
          changes.push({ field, ...(before ? { from: before } : {}), ...(value ? { to: value } : {}) });
        }
        if (groups && groups.join(',') !== measure.priorityGroups.join(',')) {
          next.priorityGroups = groups;
          changes.push({
            field: 'priorityGroups',
            from: measure.priorityGroups.join(','),
            to: groups.join(','),
          });
        }
        return { next, changes };
      };
    } else {
      input.onlyFields(fields, ['etag', 'text']);
      const limit = current.type === 'goal' ? LIMITS.goalText : LIMITS.subGoalText;
      const text = 'text' in fields ? input.text(fields.text, 'text', limit, true) : undefined;
      apply = (item) => {
        if (text === undefined || text === item.text) return { next: item, changes: [] };
        return { next: { ...item, text }, changes: [{ field: 'text', from: item.text, to: text }] };
      };
    }

    return this.structural(
      actor,
      committeeId,
      (plan, at) => {
        const item = findItem(plan, itemId)!;
        const { next, changes } = apply(item);
        if (changes.length === 0) return { unchanged: item };
        return {
          write: {
            items: [{ next: { ...next, version: item.version + 1 }, expectedEtag: etag }],
            history: [{ itemId, at, by: actor, kind: 'edit', changes }],
          },
          resultId: itemId,
        };
      },
      { itemId, etag },
    );
  }

  /** Moves an item one place up or down among its siblings; returns the siblings in their new order. */
  async moveItem(actor: Person, committeeId: string, itemId: string, body: unknown): Promise<PlanItem[]> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.edit', committeeId, itemId);
    const fields = input.requireObject(body);
    input.onlyFields(fields, ['direction']);
    const direction = input.direction(fields.direction);
    await this.structural(actor, committeeId, (plan, at) => {
      const siblings = siblingsOf(plan, itemId);
      if (!siblings) throw new PlanNotFound(`No item "${itemId}".`);
      const sorted = [...siblings].sort(bySortOrder);
      const from = sorted.findIndex((s) => s.id === itemId);
      const to = direction === 'up' ? from - 1 : from + 1;
      const moved = sorted[from]!;
      if (to < 0 || to >= sorted.length) return { unchanged: moved }; // already first or last
      sorted.splice(from, 1);
      sorted.splice(to, 0, moved);
      // Orders become 1..n: two swapped normally, all of them if earlier orders had gaps or ties.
      const items = sorted
        .map((s, i) => ({ s, order: i + 1 }))
        .filter(({ s, order }) => s.order !== order)
        .map(({ s, order }) => ({ next: { ...s, order, version: s.version + 1 }, expectedEtag: s.etag }));
      return {
        write: {
          items,
          history: [{ itemId, at, by: actor, kind: 'reorder', from: String(from + 1), to: String(to + 1) }],
        },
        resultId: itemId,
      };
    });
    const plan = await this.deps.plans.getPlan(committeeId);
    return [...(siblingsOf(plan!, itemId) ?? [])].sort(bySortOrder);
  }

  async retireItem(actor: Person, committeeId: string, itemId: string, body: unknown): Promise<PlanItem> {
    await this.committeeOrThrow(committeeId);
    await this.authorize(actor, 'plan.edit', committeeId, itemId);
    const fields = input.requireObject(body);
    input.onlyFields(fields, ['etag', 'retired', 'comment']);
    const etag = input.etag(fields.etag);
    const retired = input.bool(fields.retired, 'retired');
    const comment = input.text(fields.comment, 'comment', LIMITS.comment, false);
    return this.structural(
      actor,
      committeeId,
      (plan, at) => {
        const item = findItem(plan, itemId)!;
        if (item.retired === retired) return { unchanged: item };
        return {
          write: {
            items: [{ next: { ...item, retired, version: item.version + 1 }, expectedEtag: etag }],
            history: [
              {
                itemId,
                at,
                by: actor,
                kind: 'retire',
                from: item.retired ? 'retired' : 'active',
                to: retired ? 'retired' : 'active',
                ...(comment ? { comment } : {}),
              },
            ],
          },
          resultId: itemId,
        };
      },
      { itemId, etag },
    );
  }
}

function added(item: PlanItem, actor: Person, at: string): PlanWrite {
  return { items: [{ next: item }], history: [{ itemId: item.id, at, by: actor, kind: 'add' }] };
}

function checkRoom(count: number): void {
  if (count >= LIMITS.siblings) {
    throw new PlanInputError(
      `There are already ${count} items here; at most ${LIMITS.siblings} are allowed.`,
    );
  }
}

function nextOrder(siblings: readonly { order: number }[]): number {
  return siblings.reduce((max, s) => Math.max(max, s.order), 0) + 1;
}

/** `<parent>.<letter><n>` with n one more than the highest in use, as the seed's ids. */
function nextChildId(parentId: string, letter: 'g' | 's' | 'm', siblings: readonly { id: string }[]): string {
  const prefix = `${parentId}.${letter}`;
  let max = 0;
  for (const { id } of siblings) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n)) max = Math.max(max, n);
  }
  return `${prefix}${max + 1}`;
}

function siblingsOf(plan: Plan, itemId: string): PlanItem[] | undefined {
  if (plan.mainGoals.some((g) => g.id === itemId)) return plan.mainGoals;
  for (const goal of plan.mainGoals) {
    if (goal.subGoals.some((s) => s.id === itemId)) return goal.subGoals;
    for (const subGoal of goal.subGoals) {
      if (subGoal.measures.some((m) => m.id === itemId)) return subGoal.measures;
    }
  }
  return undefined;
}
