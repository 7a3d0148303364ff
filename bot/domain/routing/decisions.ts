import type { CaseRecord, CaseRouting, CaseState, CaseTransition } from '../cases/caseModel';
import { canTransition } from '../cases/caseModel';
import type { Person } from '../person';
import { containsNationalId } from '../form/nationalId';
import { FORUMS } from '../partnership';
import type { Action } from '../roles/roles';
import {
  BEFORE_ROUTING,
  LIMITS,
  currentForum,
  openInfoRequest,
  routingOf,
  type DecisionVerb,
  type RoutingEvent,
} from './routingModel';
import { isCalendarDate } from './workingDays';

/**
 * The routing rules of guideline steps 2-5 as pure functions: each takes the case as stored, the
 * person deciding, what they entered on the card and the time, checks the input, and gives the next
 * case record and the history entry. Who may take a step is checked by the case service with
 * authorize() before any of this runs; whether the step fits the state is checked here and there.
 */
export type InputErrorCode =
  'required' | 'tooLong' | 'forum' | 'sameForum' | 'url' | 'date' | 'nationalId' | 'noOpenQuestion';

export interface InputError {
  field: string;
  code: InputErrorCode;
  max?: number;
}

export class RoutingInputError extends Error {
  constructor(readonly errors: InputError[]) {
    super(`Invalid input: ${errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
  }
}

export interface DecisionPolicy {
  /** How many distinct SSU leaders/deputies must approve a proposal before the case is routed. */
  approvalsRequired: number;
}

/**
 * How many SSU approvals route a case: the configured number, but never more than there are people
 * holding the SSU leader or deputy role (where only one holds it, that one decides), and at least one.
 */
export function approvalsNeeded(setting: number, ssuLeadershipHolders: number): number {
  return Math.max(1, Math.min(setting, ssuLeadershipHolders));
}

export interface Decision {
  next: CaseRecord;
  entry: CaseTransition;
  event: RoutingEvent;
}

/** Either a decision to store, or the recognition that this very decision is already in the case. */
export type DecisionResult = { kind: 'decision'; decision: Decision } | { kind: 'alreadyApplied' };

export type DecisionInput = Record<string, unknown>;

export interface DecisionSpec {
  /** The action checked with authorize(); for submitter-only steps, recorded when someone else tries. */
  action: Action;
  /** Only the case's submitter may take this step (no role grants it). */
  submitterOnly?: boolean;
  /** States the step can be taken from. */
  from: readonly CaseState[];
  apply(
    record: CaseRecord,
    actor: Person,
    input: DecisionInput,
    now: Date,
    policy: DecisionPolicy,
  ): DecisionResult;
}

// ---- input checks ----

class Checker {
  readonly errors: InputError[] = [];
  constructor(private readonly input: DecisionInput) {}

  /** Free text, kept exactly as typed; required means something other than whitespace. */
  text(field: string, max: number, required: boolean): string {
    const raw = this.input[field];
    const value = typeof raw === 'string' ? raw : '';
    if (value.trim() === '') {
      if (required) this.errors.push({ field, code: 'required' });
      return '';
    }
    if ([...value].length > max) this.errors.push({ field, code: 'tooLong', max });
    else if (containsNationalId(value)) this.errors.push({ field, code: 'nationalId' });
    return value;
  }

  /** A value that is not prose (a forum id, a date, a link): trimmed; empty is recorded as missing. */
  private requiredValue(field: string): string {
    const raw = this.input[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') this.errors.push({ field, code: 'required' });
    return value;
  }

  forum(field: string): string {
    const value = this.requiredValue(field);
    if (value !== '' && !FORUMS.some((f) => f.value === value)) this.errors.push({ field, code: 'forum' });
    return value;
  }

  /** yyyy-mm-dd (what Input.Date sends) or dd.mm.yyyy (typed), as yyyy-mm-dd. */
  date(field: string): string {
    const value = this.requiredValue(field);
    if (value === '') return '';
    const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    const iso = norwegian
      ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`
      : value;
    const year = Number(iso.slice(0, 4));
    if (!isCalendarDate(iso) || year < 2000 || year > 2100) this.errors.push({ field, code: 'date' });
    return iso;
  }

  url(field: string): string {
    const value = this.requiredValue(field);
    if (value === '') return '';
    if (!isHttpUrl(value) || [...value].length > LIMITS.url) this.errors.push({ field, code: 'url' });
    // A link is stored and shown like the text beside it: no identity number in it either.
    else if (containsNationalId(value)) this.errors.push({ field, code: 'nationalId' });
    return value;
  }

  fail(field: string, code: InputErrorCode): void {
    this.errors.push({ field, code });
  }

  done(): void {
    if (this.errors.length > 0) throw new RoutingInputError(this.errors);
  }
}

function isHttpUrl(text: string): boolean {
  // No whitespace or control characters anywhere in a link that people will click.
  if ([...text].some((ch) => /\s/.test(ch) || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// ---- building the step ----

const who = (p: Person): Person => ({ id: p.id, name: p.name });

function step(
  record: CaseRecord,
  actor: Person,
  now: Date,
  to: CaseState,
  event: RoutingEvent,
  routing: CaseRouting,
  extra: { comment?: string; forum?: string } = {},
): DecisionResult {
  if (!canTransition(record.state, to)) {
    throw new Error(`Transition ${record.state} → ${to} is not in the case life cycle`);
  }
  const at = now.toISOString();
  const seq = record.historyCount + 1;
  const { etag: _etag, ...stored } = record;
  const next: CaseRecord = { ...stored, state: to, updatedAt: at, historyCount: seq, routing };
  const entry: CaseTransition = {
    caseNumber: record.number,
    seq,
    at,
    by: who(actor),
    from: record.state,
    to,
    event,
    ...(extra.comment ? { comment: extra.comment } : {}),
    ...(extra.forum ? { forum: extra.forum } : {}),
  };
  return { kind: 'decision', decision: { next, entry, event } };
}

function route(routing: CaseRouting, actor: Person, at: string, forum: string, reason: string): CaseRouting {
  return {
    ...routing,
    forumChain: [...routing.forumChain, { forum, kind: 'routed', reason, by: who(actor), at }],
  };
}

// ---- the steps ----

export const DECISIONS: Record<DecisionVerb, DecisionSpec> = {
  /** Secretariat: propose where the case is handled (step 3). Proposing again replaces the proposal. */
  propose: {
    action: 'case.propose_routing',
    from: BEFORE_ROUTING,
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const forum = check.forum('forum');
      const comment = check.text('comment', LIMITS.comment, true);
      check.done();
      const routing = routingOf(record);
      const p = routing.proposal;
      if (
        record.state === 'routing_proposed' &&
        p &&
        p.forum === forum &&
        p.comment === comment &&
        p.by.id === actor.id
      ) {
        return { kind: 'alreadyApplied' };
      }
      const at = now.toISOString();
      return step(
        record,
        actor,
        now,
        'routing_proposed',
        'routing_proposed',
        { ...routing, proposal: { forum, comment, by: who(actor), at, approvals: [] } },
        { comment, forum },
      );
    },
  },

  /** Secretariat: the partnership will not handle the case; it goes back with the reasons (step 4). */
  return: {
    action: 'case.return',
    from: BEFORE_ROUTING,
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const justification = check.text('justification', LIMITS.justification, true);
      check.done();
      const at = now.toISOString();
      return step(
        record,
        actor,
        now,
        'returned',
        'returned',
        { ...routingOf(record), returned: { justification, by: who(actor), at } },
        { comment: justification },
      );
    },
  },

  /** Secretariat: ask the submitter for more; the case stays where it is. */
  requestInfo: {
    action: 'case.request_info',
    from: BEFORE_ROUTING,
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const question = check.text('question', LIMITS.question, true);
      check.done();
      const routing = routingOf(record);
      const open = openInfoRequest(record);
      if (open && open.question === question && open.askedBy.id === actor.id)
        return { kind: 'alreadyApplied' };
      const at = now.toISOString();
      const request = { n: routing.infoRequests.length + 1, question, askedBy: who(actor), askedAt: at };
      return step(
        record,
        actor,
        now,
        record.state,
        'info_requested',
        { ...routing, infoRequests: [...routing.infoRequests, request] },
        { comment: question },
      );
    },
  },

  /** Submitter: the reply to the open question, added to the case. */
  replyInfo: {
    action: 'case.answer_info',
    submitterOnly: true,
    from: BEFORE_ROUTING,
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const reply = check.text('reply', LIMITS.reply, true);
      const open = openInfoRequest(record);
      if (!open) {
        // The same reply again (a double click) is recognised; anything else has nothing to answer.
        const last = routingOf(record).infoRequests.at(-1);
        if (last?.reply === reply) return { kind: 'alreadyApplied' };
        check.fail('reply', 'noOpenQuestion');
      }
      check.done();
      const routing = routingOf(record);
      const at = now.toISOString();
      const infoRequests = routing.infoRequests.map((r) =>
        r.n === open!.n ? { ...r, reply, repliedAt: at } : r,
      );
      return step(
        record,
        actor,
        now,
        record.state,
        'info_added',
        { ...routing, infoRequests },
        {
          comment: reply,
        },
      );
    },
  },

  /** SSU leader or deputy: agree with the proposal. Enough distinct approvals route the case. */
  approve: {
    action: 'case.approve_routing',
    from: ['routing_proposed'],
    apply(record, actor, input, now, policy) {
      const check = new Checker(input);
      const comment = check.text('comment', LIMITS.comment, false);
      check.done();
      const routing = routingOf(record);
      const proposal = routing.proposal;
      if (!proposal) throw new Error(`Case ${record.number} is routing_proposed without a proposal`);
      if (proposal.approvals.some((a) => a.by.id === actor.id)) return { kind: 'alreadyApplied' };
      const at = now.toISOString();
      const approvals = [...proposal.approvals, { by: who(actor), at, ...(comment ? { comment } : {}) }];
      const withApproval = { ...routing, proposal: { ...proposal, approvals } };
      if (approvals.length >= policy.approvalsRequired) {
        const reason = comment || proposal.comment;
        return step(
          record,
          actor,
          now,
          'routed',
          'routed',
          route(withApproval, actor, at, proposal.forum, reason),
          { comment, forum: proposal.forum },
        );
      }
      return step(record, actor, now, 'routing_proposed', 'routing_approved', withApproval, {
        comment,
        forum: proposal.forum,
      });
    },
  },

  /** SSU leader or deputy: route to another forum than proposed, saying why (counts as their approval). */
  changeForum: {
    action: 'case.approve_routing',
    from: ['routing_proposed'],
    apply(record, actor, input, now, policy) {
      const check = new Checker(input);
      const forum = check.forum('forum');
      const comment = check.text('comment', LIMITS.comment, true);
      const routing = routingOf(record);
      const proposal = routing.proposal;
      if (proposal && forum === proposal.forum) check.fail('forum', 'sameForum');
      check.done();
      const at = now.toISOString();
      const changed: CaseRouting = {
        ...routing,
        proposal: { forum, comment, by: who(actor), at, approvals: [{ by: who(actor), at, comment }] },
      };
      if (policy.approvalsRequired <= 1) {
        return step(record, actor, now, 'routed', 'routed', route(changed, actor, at, forum, comment), {
          comment,
          forum,
        });
      }
      return step(record, actor, now, 'routing_proposed', 'routing_changed', changed, { comment, forum });
    },
  },

  /** Secretariat: a forum sent the case on to another forum; the chain keeps every forum. */
  forward: {
    action: 'case.forward',
    from: ['routed'],
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const forum = check.forum('forum');
      const reason = check.text('comment', LIMITS.comment, true);
      if (forum && forum === currentForum(record)) check.fail('forum', 'sameForum');
      check.done();
      const routing = routingOf(record);
      const at = now.toISOString();
      return step(
        record,
        actor,
        now,
        'routed',
        'forwarded',
        {
          ...routing,
          forumChain: [...routing.forumChain, { forum, kind: 'forwarded', reason, by: who(actor), at }],
        },
        { comment: reason, forum },
      );
    },
  },

  /** Secretariat: the outcome, with the meeting, the forum's number and the minutes (step 5). */
  outcome: {
    action: 'case.register_outcome',
    from: ['routed'],
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const decision = check.text('decision', LIMITS.decision, true);
      const meetingDate = check.date('meetingDate');
      const forumCaseNumber = check.text('forumCaseNumber', LIMITS.forumCaseNumber, true);
      const minutesUrl = check.url('minutesUrl');
      check.done();
      const at = now.toISOString();
      const forum = currentForum(record);
      return step(
        record,
        actor,
        now,
        'decided',
        'outcome_registered',
        {
          ...routingOf(record),
          outcome: { decision, meetingDate, forumCaseNumber, minutesUrl, by: who(actor), at },
        },
        { comment: decision, ...(forum ? { forum } : {}) },
      );
    },
  },

  /** Submitter: take the case back before it is routed. */
  withdraw: {
    action: 'case.withdraw',
    submitterOnly: true,
    from: BEFORE_ROUTING,
    apply(record, actor, input, now) {
      const check = new Checker(input);
      const comment = check.text('comment', LIMITS.comment, false);
      check.done();
      const at = now.toISOString();
      return step(
        record,
        actor,
        now,
        'withdrawn',
        'withdrawn',
        { ...routingOf(record), withdrawn: { ...(comment ? { comment } : {}), at } },
        comment ? { comment } : {},
      );
    },
  },
};
