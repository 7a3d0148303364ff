import { z } from 'zod';
import { caseViewFor } from '../cases/caseAccess';
import { parseCaseNumber, type CaseRecord, type CaseState } from '../cases/caseModel';
import type { CaseRepository } from '../cases/caseRepository';
import type { Person } from '../person';
import { findItem, type MeasureRecord, type Plan } from '../plans/plan';
import { PlanInputError } from '../plans/planInput';
import type { PlanRepository } from '../plans/planRepository';
import { PlanNotFound, planPermissions, type PlanPermissions, type PlanService } from '../plans/planService';
import { authorize } from '../roles/authorize';
import type { RoleRepository } from '../roles/roleRepository';
import { can } from '../roles/roles';
import { routingOf } from '../routing/routingModel';
import type { CaseLinkRepository, PlanWithLinksReader } from './caseLink';
import { measureDraftFromCase } from './measureFromCase';

/** No such case, or one the person may not see: the same answer, so nobody learns it exists. */
export class CaseNotVisible extends Error {
  constructor() {
    super('No case with that number that you may see.');
  }
}

/** The case and the measure are linked already (one link per case and measure). */
export class AlreadyLinked extends Error {
  constructor() {
    super('The case is already linked to that measure.');
  }
}

/** A case as a measure shows it. */
export interface LinkedCase {
  number: string;
  title: string;
  state: CaseState;
}

/** A measure as a case shows it. */
export interface LinkedMeasure {
  committeeId: string;
  committeeName: string;
  measureId: string;
  text: string;
}

const id = (field: string) =>
  z
    .string({ error: `${field} is required.` })
    .trim()
    .min(1, `${field} is required.`)
    .max(200, `${field} is too long.`);
const LinkInput = z.strictObject({ committeeId: id('committeeId'), measureId: id('measureId') });
const NewMeasureInput = z.strictObject({
  committeeId: id('committeeId'),
  subGoalId: id('subGoalId'),
  // Left out: the case's own (measureFromCase.ts); the plan's checks of the texts apply either way.
  text: z.string().optional(),
  responsible: z.string().optional(),
});

/** zod's first complaint as the plan's bad-input error (400 with the field). */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown field: ${issue.keys.join(', ')}.`
      : issue.code === 'invalid_type' && !field
        ? 'The request body must be a JSON object.'
        : issue.message;
  throw new PlanInputError(message, field);
}

/**
 * Cases tied to the measures of the committees' plans. Who may: the secretariat, and the leader and
 * deputy of the committee whose plan holds the measure (the one authorisation rule, 'case.link_measure').
 * Which cases: one the person may see, or one that was routed or forwarded to that committee. Every
 * link and unlink is written to the measure's history (who, when, which case); a refusal is recorded.
 */
export class CaseLinkService {
  constructor(
    private readonly deps: {
      links: CaseLinkRepository;
      cases: CaseRepository;
      roles: RoleRepository;
      plans: PlanRepository & PlanWithLinksReader;
      planService: PlanService;
      now: () => Date;
    },
  ) {}

  async link(actor: Person, caseNumber: string, body: unknown): Promise<LinkedMeasure> {
    const { committeeId, measureId } = parse(LinkInput, body);
    const record = await this.caseFor(actor, caseNumber, committeeId);
    const plan = await this.deps.planService.plan(committeeId);
    await this.authorize(actor, record, committeeId, measureId);
    const measure = measureOf(plan, measureId);
    if (measure.retired)
      throw new PlanInputError('The measure is retired: bring it back before linking a case to it.');
    return this.store(actor, record, plan, measure);
  }

  async unlink(actor: Person, caseNumber: string, committeeId: string, measureId: string): Promise<void> {
    const record = await this.caseFor(actor, caseNumber, committeeId);
    await this.deps.planService.plan(committeeId);
    await this.authorize(actor, record, committeeId, measureId);
    const removed = await this.deps.links.remove(record.number, committeeId, measureId);
    if (!removed) throw new PlanNotFound('The case is not linked to that measure.');
    await this.audit(actor, committeeId, measureId, { kind: 'case_unlinked', from: record.number });
  }

  /**
   * A new measure in a sub-goal of the committee's plan, made from the case (text and responsible
   * from the case unless given), and linked to it.
   */
  async createMeasure(
    actor: Person,
    caseNumber: string,
    body: unknown,
  ): Promise<{ measure: MeasureRecord; link: LinkedMeasure }> {
    const input = parse(NewMeasureInput, body);
    const record = await this.caseFor(actor, caseNumber, input.committeeId);
    await this.deps.planService.plan(input.committeeId);
    await this.authorize(actor, record, input.committeeId, input.subGoalId);
    const draft = measureDraftFromCase(record);
    const measure = await this.deps.planService.addMeasure(
      actor,
      input.committeeId,
      input.subGoalId,
      { text: input.text ?? draft.text, responsible: input.responsible ?? draft.responsible },
      'case.link_measure',
    );
    const plan = await this.deps.planService.plan(input.committeeId);
    return { measure, link: await this.store(actor, record, plan, measure) };
  }

  /** The measures a case is linked to, for someone who may see the case. */
  async measuresOf(record: Pick<CaseRecord, 'number'>): Promise<LinkedMeasure[]> {
    const links = await this.deps.links.linksOfCase(record.number);
    const committees = [...new Set(links.map((l) => l.committeeId))];
    const plans = new Map(
      await Promise.all(committees.map(async (c) => [c, await this.deps.plans.getPlan(c)] as const)),
    );
    return links.flatMap((link) => {
      const plan = plans.get(link.committeeId);
      const measure = plan && findItem(plan, link.measureId);
      if (!plan || measure?.type !== 'measure') return [];
      return [linkedMeasure(plan, measure)];
    });
  }

  /**
   * A committee's plan as the person reads it on the board: the plan, what they may do to it, and the
   * cases linked to each measure (by measure id) that they may see: a case's title is not for everyone
   * who reads the plan. Two storage requests side by side, the plan's partition (with its links) and
   * the person's roles, then one read per linked case (its title, state and who may see it live in
   * the case, so they are read, not copied). PlanNotFound for an unknown committee.
   */
  async planFor(
    personId: string,
    committeeId: string,
  ): Promise<{ plan: Plan; permissions: PlanPermissions; cases: Map<string, LinkedCase[]> }> {
    const roles = this.deps.roles.rolesOf(personId);
    // Not left unhandled when the plan read fails first; the failure that counts is the plan's.
    roles.catch(() => undefined);
    const read = await this.deps.plans.planWithLinks(committeeId);
    if (!read) throw new PlanNotFound(`No committee "${committeeId}".`);
    const [assignments, records] = await Promise.all([
      roles,
      Promise.all([...new Set(read.links.map((l) => l.caseNumber))].map((n) => this.deps.cases.get(n))),
    ]);
    const visible = new Map(
      records
        .filter(
          (r): r is CaseRecord => r !== undefined && caseViewFor(assignments, personId, r) !== undefined,
        )
        .map((r) => [r.number, r]),
    );
    const cases = new Map<string, LinkedCase[]>();
    for (const link of read.links) {
      const record = visible.get(link.caseNumber);
      if (!record) continue;
      const onMeasure = cases.get(link.measureId) ?? [];
      onMeasure.push({ number: record.number, title: record.title, state: record.state });
      cases.set(link.measureId, onMeasure);
    }
    return { plan: read.plan, permissions: planPermissions(assignments, committeeId), cases };
  }

  private async store(
    actor: Person,
    record: CaseRecord,
    plan: Plan,
    measure: MeasureRecord,
  ): Promise<LinkedMeasure> {
    const at = this.deps.now().toISOString();
    const committeeId = plan.committee.id;
    const added = await this.deps.links.add({
      caseNumber: record.number,
      committeeId,
      measureId: measure.id,
      by: actor,
      at,
    });
    if (!added) throw new AlreadyLinked();
    await this.audit(actor, committeeId, measure.id, { kind: 'case_linked', to: record.number });
    return linkedMeasure(plan, measure);
  }

  /** The link's entry in the measure's history, the same history as its status changes and edits. */
  private async audit(
    actor: Person,
    committeeId: string,
    measureId: string,
    change: { kind: 'case_linked'; to: string } | { kind: 'case_unlinked'; from: string },
  ): Promise<void> {
    await this.deps.plans.write(committeeId, {
      items: [],
      history: [{ itemId: measureId, at: this.deps.now().toISOString(), by: actor, ...change }],
    });
  }

  /**
   * The case, if the person may reach it for this committee: they may see it, or it went to the
   * committee and they may link for it. Otherwise the refusal is recorded and the case stays hidden.
   */
  private async caseFor(actor: Person, caseNumber: string, committeeId: string): Promise<CaseRecord> {
    const canonical = parseCaseNumber(caseNumber) ? caseNumber : undefined;
    const record = canonical ? await this.deps.cases.get(canonical) : undefined;
    if (record) {
      const assignments = await this.deps.roles.rolesOf(actor.id);
      if (caseViewFor(assignments, actor.id, record)) return record;
      const wentThere = routingOf(record).forumChain.some((step) => step.forum === committeeId);
      if (wentThere && can(assignments, 'case.link_measure', committeeId)) return record;
    }
    await this.deps.roles.recordDenied({
      at: this.deps.now().toISOString(),
      personId: actor.id,
      action: 'case.view',
      // Only a well-formed number is recorded, as CaseQueries.open does.
      target: canonical ? `case:${canonical}` : 'case:invalid-number',
    });
    throw new CaseNotVisible();
  }

  private authorize(actor: Person, record: CaseRecord, committeeId: string, itemId: string): Promise<void> {
    return authorize(this.deps.roles, {
      personId: actor.id,
      action: 'case.link_measure',
      committee: committeeId,
      target: `case:${record.number}/plan:${committeeId}/${itemId}`,
      now: this.deps.now(),
    });
  }
}

function measureOf(plan: Plan, measureId: string): MeasureRecord {
  const item = findItem(plan, measureId);
  if (item?.type !== 'measure') throw new PlanNotFound(`No measure "${measureId}".`);
  return item;
}

function linkedMeasure(plan: Plan, measure: MeasureRecord): LinkedMeasure {
  return {
    committeeId: plan.committee.id,
    committeeName: plan.committee.name,
    measureId: measure.id,
    text: measure.text,
  };
}
