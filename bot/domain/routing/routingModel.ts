import type { CaseRecord, CaseRouting, CaseState, InfoRequest } from '../cases/caseModel';

/**
 * The routing vocabulary (history events, card verbs, input limits) and what a case's routing says
 * now. The data a case carries about its routing is part of the case record (cases/caseModel.ts).
 */

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
