import type { CaseRecord, CaseState, Person } from '../cases/caseModel';

/**
 * What a case carries about its way through the partnership (guideline steps 2-5, seed 000): the
 * secretariat's proposal and the SSU leadership's approvals, the chain of forums it passed through,
 * questions to the submitter and their replies, a refusal, and the outcome with the minutes.
 * Stored inside the case entity, so every step is written atomically with its history entry.
 */
export interface Approval {
  by: Person;
  at: string;
  comment?: string;
}

export interface RoutingProposal {
  /** A FORUMS value (bot/domain/partnership.ts). */
  forum: string;
  comment: string;
  by: Person;
  at: string;
  /** Distinct SSU leaders/deputies who approved this forum; enough of them routes the case. */
  approvals: Approval[];
}

export interface ForumStep {
  forum: string;
  kind: 'routed' | 'forwarded';
  /** Why the case went (or was sent on) there. */
  reason: string;
  by: Person;
  at: string;
}

export interface InfoRequest {
  /** 1, 2, ... within the case. */
  n: number;
  question: string;
  askedBy: Person;
  askedAt: string;
  reply?: string;
  repliedAt?: string;
}

export interface Outcome {
  decision: string;
  /** yyyy-mm-dd, the meeting's date in Oslo. */
  meetingDate: string;
  /** The forum's own number, e.g. "Sak 39/22". */
  forumCaseNumber: string;
  /** Link to the minutes (referat), http(s) only. */
  minutesUrl: string;
  by: Person;
  at: string;
}

export interface CaseRouting {
  proposal?: RoutingProposal;
  /** Every forum the case was routed or forwarded to, in order; the last is where it is now. */
  forumChain: ForumStep[];
  infoRequests: InfoRequest[];
  returned?: { justification: string; by: Person; at: string };
  withdrawn?: { comment?: string; at: string };
  outcome?: Outcome;
}

/** History events: what each step was, where the state alone does not say it. */
export const EVENTS = [
  'routing_proposed',
  'routing_approved',
  'routing_changed',
  'routed',
  'returned',
  'info_requested',
  'info_added',
  'outcome_registered',
  'forwarded',
  'withdrawn',
] as const;
export type RoutingEvent = (typeof EVENTS)[number];

/** The card actions (Action.Execute verbs) that change a case. */
export const DECISION_VERBS = [
  'propose',
  'return',
  'requestInfo',
  'approve',
  'changeForum',
  'outcome',
  'forward',
  'withdraw',
  'replyInfo',
] as const;
export type DecisionVerb = (typeof DECISION_VERBS)[number];

export function isDecisionVerb(value: unknown): value is DecisionVerb {
  return typeof value === 'string' && (DECISION_VERBS as readonly string[]).includes(value);
}

/** Limits on what people type on the cards (characters as people count them). */
export const LIMITS = {
  comment: 2000,
  justification: 2000,
  question: 2000,
  reply: 4000,
  decision: 4000,
  forumCaseNumber: 60,
  url: 2000,
} as const;

/** States in which the case is still open before routing (the submitter may withdraw, info may be asked). */
export const BEFORE_ROUTING: readonly CaseState[] = ['submitted', 'routing_proposed'];

export function routingOf(record: Pick<CaseRecord, 'routing'>): CaseRouting {
  return record.routing ?? { forumChain: [], infoRequests: [] };
}

/** Where the case is handled now: the last forum of its chain. */
export function currentForum(record: Pick<CaseRecord, 'routing'>): string | undefined {
  const chain = routingOf(record).forumChain;
  return chain[chain.length - 1]?.forum;
}

/** The question to the submitter still waiting for a reply, if any. */
export function openInfoRequest(record: Pick<CaseRecord, 'routing'>): InfoRequest | undefined {
  return routingOf(record).infoRequests.find((r) => r.reply === undefined);
}
