import type { CaseRecord, CaseTransition } from '../cases/caseModel';
import type { Person } from '../person';
import type { CaseRepository } from '../cases/caseRepository';
import { AccessDenied, authorize } from '../roles/authorize';
import type { RoleRepository } from '../roles/roleRepository';
import { forumLeadershipRoles, SSU_FORUM } from '../roles/roles';
import {
  DECISIONS,
  RoutingInputError,
  approvalsNeeded,
  type DecisionInput,
  type DecisionPolicy,
  type InputError,
} from './decisions';
import { currentForum, type DecisionVerb, type RoutingEvent } from './routingModel';

/** What happens after a step is stored: notifications, updated card copies. */
/** Tell people of a step; true once every notification is queued (then the step's mark is cleared). */
export interface CaseEffects {
  caseSubmitted(record: CaseRecord): Promise<boolean>;
  afterTransition(record: CaseRecord, entry: CaseTransition): Promise<boolean>;
}

export type DecideOutcome =
  | { kind: 'applied'; record: CaseRecord; entry: CaseTransition }
  /**
   * Nothing was written. alreadyApplied: this person's same decision is already in the case (a double
   * click, a retried invoke); stale: the case moved on since the card was shown; conflict: someone
   * else's decision was stored a moment earlier.
   */
  | { kind: 'unchanged'; record: CaseRecord; reason: 'alreadyApplied' | 'stale' | 'conflict' }
  | { kind: 'denied'; record: CaseRecord }
  | { kind: 'invalid'; record: CaseRecord; errors: InputError[] }
  | { kind: 'notFound' };

export interface DecideRequest {
  caseNumber: string;
  actor: Person;
  verb: DecisionVerb;
  input: DecisionInput;
  /**
   * The case's history count the card was rendered from. It is a concurrency token only (like
   * If-Match): who may act is decided from storage, never from the card. Always given: a card that
   * does not say which version it shows is out of date (the adapter answers so before calling).
   */
  cardVersion: number;
}

/** The history events a verb can produce, to recognise "this person's decision is already in". */
const EVENTS_OF: Record<DecisionVerb, readonly RoutingEvent[]> = {
  propose: ['routing_proposed'],
  return: ['returned'],
  requestInfo: ['info_requested'],
  replyInfo: ['info_added'],
  approve: ['routing_approved', 'routed'],
  changeForum: ['routing_changed', 'routed'],
  forward: ['forwarded'],
  outcome: ['outcome_registered'],
  withdraw: ['withdrawn'],
};

/**
 * Takes a routing step on a case: loads it by number, checks the person against the roles in storage
 * (recording refusals), applies the rule, and writes with the ETag the decision was based on. When
 * someone else wrote first, nothing is applied and the caller shows the current state.
 */
export class CaseService {
  constructor(
    private readonly deps: {
      cases: CaseRepository;
      roles: RoleRepository;
      now: () => Date;
      policy: DecisionPolicy;
      effects?: CaseEffects;
    },
  ) {}

  /** Called once a new case is stored (intake); tells the secretariat and the submitter. */
  async submitted(record: CaseRecord): Promise<void> {
    if (await this.deps.effects?.caseSubmitted(record)) await this.deps.cases.markNotified(record.number, 1);
  }

  /**
   * Queues what a crash or a storage hiccup kept from being queued right after a step (the step is
   * stored with a "to notify" mark in the same transaction). Queueing is idempotent, so a step whose
   * notifications were in fact queued just before the crash is not sent twice. Marks written before
   * `leftBefore` are taken as left behind (the caller decides how long a step may take to queue).
   */
  async recoverNotifications(leftBefore: Date): Promise<number> {
    const { cases, effects } = this.deps;
    if (!effects) return 0;
    let recovered = 0;
    for (const mark of await cases.unnotified(leftBefore)) {
      const record = await cases.get(mark.caseNumber);
      if (!record) continue;
      const entry = (await cases.history(mark.caseNumber)).find((h) => h.seq === mark.seq);
      const done =
        mark.seq === 1
          ? await effects.caseSubmitted(record)
          : !!entry && (await effects.afterTransition(record, entry));
      if (done) {
        await cases.markNotified(mark.caseNumber, mark.seq);
        recovered++;
      }
    }
    return recovered;
  }

  /**
   * Whether the person may take the step on the case, checked as decide() checks it (refusals are
   * recorded); nothing is written to the case. For card actions that only prepare a step's form.
   */
  async mayDecide(request: {
    caseNumber: string;
    actor: Person;
    verb: DecisionVerb;
  }): Promise<{ kind: 'allowed' | 'denied'; record: CaseRecord } | { kind: 'notFound' }> {
    const record = await this.deps.cases.get(request.caseNumber);
    if (!record) return { kind: 'notFound' };
    const allowed = await this.permitted(record, request.actor, request.verb, this.deps.now());
    return { kind: allowed ? 'allowed' : 'denied', record };
  }

  async decide(request: DecideRequest): Promise<DecideOutcome> {
    const { cases } = this.deps;
    const record = await cases.get(request.caseNumber);
    if (!record) return { kind: 'notFound' };
    const spec = DECISIONS[request.verb];
    const now = this.deps.now();

    if (!(await this.permitted(record, request.actor, request.verb, now))) return { kind: 'denied', record };

    if (request.cardVersion !== record.historyCount) {
      return { kind: 'unchanged', record, reason: await this.staleReason(record, request) };
    }
    if (!spec.from.includes(record.state)) return { kind: 'unchanged', record, reason: 'stale' };

    let result;
    try {
      result = spec.apply(record, request.actor, request.input, now, await this.policyFor(request.verb));
    } catch (error) {
      if (error instanceof RoutingInputError) return { kind: 'invalid', record, errors: error.errors };
      throw error;
    }
    if (result.kind === 'alreadyApplied') return { kind: 'unchanged', record, reason: 'alreadyApplied' };

    const { next, entry } = result.decision;
    const stored = await cases.transition(record, next, entry);
    if (!stored) {
      const current = (await cases.get(record.number)) ?? record;
      return { kind: 'unchanged', record: current, reason: 'conflict' };
    }
    if (await this.deps.effects?.afterTransition(stored, entry))
      await cases.markNotified(stored.number, entry.seq);
    return { kind: 'applied', record: stored, entry };
  }

  /** The policy a step is decided under: approvals needed as approvalsNeeded() says, from stored roles. */
  async policyFor(verb: DecisionVerb): Promise<DecisionPolicy> {
    const { policy } = this.deps;
    if (verb !== 'approve' && verb !== 'changeForum') return policy;
    return { ...policy, approvalsRequired: await this.approvalsRequired() };
  }

  /** How many distinct SSU leaders/deputies must approve a proposal now. */
  async approvalsRequired(): Promise<number> {
    const people = new Set<string>();
    for (const { role, scope } of forumLeadershipRoles(SSU_FORUM)) {
      for (const a of await this.deps.roles.holders(role)) if (a.scope === scope) people.add(a.personId);
    }
    return approvalsNeeded(this.deps.policy.approvalsRequired, people.size);
  }

  /**
   * The one role check of a step: authorize() against stored roles, or "is the submitter". Steps on a
   * routed case are checked for the forum that has it now, as stored (never as the card says).
   */
  private async permitted(
    record: CaseRecord,
    actor: Person,
    verb: DecisionVerb,
    now: Date,
  ): Promise<boolean> {
    const { roles } = this.deps;
    const spec = DECISIONS[verb];
    if (spec.submitterOnly) {
      if (actor.id === record.submitter.id) return true;
      await roles.recordDenied({
        at: now.toISOString(),
        personId: actor.id,
        action: spec.action,
        target: record.number,
      });
      return false;
    }
    try {
      const committee = currentForum(record);
      await authorize(roles, {
        personId: actor.id,
        action: spec.action,
        target: record.number,
        now,
        ...(committee ? { committee } : {}),
      });
      return true;
    } catch (error) {
      if (error instanceof AccessDenied) return false;
      throw error;
    }
  }

  /** A click on an older card: was it this person's own decision that moved the case on? */
  private async staleReason(record: CaseRecord, request: DecideRequest): Promise<'alreadyApplied' | 'stale'> {
    const since = (await this.deps.cases.history(record.number)).filter((h) => h.seq > request.cardVersion);
    const events = EVENTS_OF[request.verb];
    const own = since.some(
      (h) =>
        h.by.id === request.actor.id && h.event !== undefined && events.includes(h.event as RoutingEvent),
    );
    return own ? 'alreadyApplied' : 'stale';
  }
}
