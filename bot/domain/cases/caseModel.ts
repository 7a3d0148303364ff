import type { Answers } from '../form/intakeForm';
import type { Lang } from '../i18n/language';
import type { Person } from '../person';

/** The case life cycle of DESIGN.md. */
export const CASE_STATES = [
  'submitted',
  'routing_proposed',
  'routed',
  'decided',
  'returned',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Which states may follow which. Every transition is recorded and never edited. */
const TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  // submitted → submitted: more information asked for or added (recorded like any other step).
  submitted: ['routing_proposed', 'submitted', 'returned', 'withdrawn'],
  routing_proposed: ['routed', 'routing_proposed', 'returned', 'withdrawn'],
  routed: ['decided', 'routed'],
  decided: [],
  returned: [],
  withdrawn: [],
};

export function canTransition(from: CaseState, to: CaseState): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface Submitter extends Person {
  email?: string;
  /** The submitter's language at submission; notifications use their current preference. */
  lang: Lang;
}

export interface CaseRecord {
  /** "2026-007": year and sequence within the year, unique and without gaps. */
  number: string;
  year: number;
  seq: number;
  title: string;
  state: CaseState;
  answers: Answers;
  submitter: Submitter;
  submittedAt: string;
  updatedAt: string;
  /** How many history entries the case has; the next entry gets this + 1. */
  historyCount: number;
  /** Routing, info requests and outcome (CaseRouting below); absent until the first routing step. */
  routing?: CaseRouting;
  /** Storage version the record was read at; writes are conditioned on it. */
  etag?: string;
}

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

export interface CaseTransition {
  caseNumber: string;
  seq: number;
  at: string;
  by: Person;
  from: CaseState | null;
  to: CaseState;
  comment?: string;
  /** What happened, where the state alone does not say (e.g. 'info_requested'); see routingModel. */
  event?: string;
  /** The forum the step was about, if any (a FORUMS value). */
  forum?: string;
}

export function formatCaseNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(3, '0')}`;
}

/**
 * A case number in its one canonical form, as formatCaseNumber() writes it ("2026-007", "2026-1234"):
 * "2026-7", "2026-0007" or " 2026-007" are not case numbers, so nobody reaches a case by another
 * spelling of its number (and every lookup, check and audit record names it the same way).
 */
export function parseCaseNumber(number: unknown): { year: number; seq: number } | undefined {
  if (typeof number !== 'string') return undefined;
  const match = /^(\d{4})-(\d{3,6})$/.exec(number);
  if (!match) return undefined;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (seq < 1 || formatCaseNumber(year, seq) !== number) return undefined;
  return { year, seq };
}
