import type { CaseRecord, CaseTransition, Person } from '../cases/caseModel';
import type { CaseRepository } from '../cases/caseRepository';
import { AccessDenied, authorize } from '../roles/authorize';
import type { RoleRepository } from '../roles/roleRepository';
import {
  DECISIONS,
  RoutingInputError,
  type DecisionInput,
  type DecisionPolicy,
  type InputError,
} from './decisions';
import type { DecisionVerb, RoutingEvent } from './routingModel';

/** What happens after a step is stored: notifications, updated card copies. */
export interface CaseEffects {
  caseSubmitted(record: CaseRecord): Promise<void>;
  afterTransition(record: CaseRecord, entry: CaseTransition): Promise<void>;
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
   * The case's history count the card was rendered from, if the card said. It is a concurrency token
   * only (like If-Match): who may act is decided from storage, never from the card.
   */
  cardVersion?: number;
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
    await this.deps.effects?.caseSubmitted(record);
  }

  async decide(request: DecideRequest): Promise<DecideOutcome> {
    const { cases, roles } = this.deps;
    const record = await cases.get(request.caseNumber);
    if (!record) return { kind: 'notFound' };
    const spec = DECISIONS[request.verb];
    const now = this.deps.now();

    if (spec.submitterOnly) {
      if (request.actor.id !== record.submitter.id) {
        await roles.recordDenied({
          at: now.toISOString(),
          personId: request.actor.id,
          action: spec.action,
          target: record.number,
        });
        return { kind: 'denied', record };
      }
    } else {
      try {
        await authorize(roles, {
          personId: request.actor.id,
          action: spec.action,
          target: record.number,
          now,
        });
      } catch (error) {
        if (error instanceof AccessDenied) return { kind: 'denied', record };
        throw error;
      }
    }

    if (request.cardVersion !== undefined && request.cardVersion !== record.historyCount) {
      return { kind: 'unchanged', record, reason: await this.staleReason(record, request) };
    }
    if (!spec.from.includes(record.state)) return { kind: 'unchanged', record, reason: 'stale' };

    let result;
    try {
      result = spec.apply(record, request.actor, request.input, now, this.deps.policy);
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
    await this.deps.effects?.afterTransition(stored, entry);
    return { kind: 'applied', record: stored, entry };
  }

  /** A click on an older card: was it this person's own decision that moved the case on? */
  private async staleReason(record: CaseRecord, request: DecideRequest): Promise<'alreadyApplied' | 'stale'> {
    const since = (await this.deps.cases.history(record.number)).filter(
      (h) => h.seq > (request.cardVersion ?? 0),
    );
    const events = EVENTS_OF[request.verb];
    const own = since.some(
      (h) =>
        h.by.id === request.actor.id && h.event !== undefined && events.includes(h.event as RoutingEvent),
    );
    return own ? 'alreadyApplied' : 'stale';
  }
}
