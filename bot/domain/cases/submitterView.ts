import type { Answers } from '../form/intakeForm';
import { currentForum, routingOf } from '../routing/routingModel';
import type {
  CaseRecord,
  CaseState,
  CaseTransition,
  ForumStep,
  InfoRequest,
  Outcome,
  Submitter,
} from './caseModel';

/** A history entry as the submitter sees it: who by name only; forum and comment only where they are for them. */
export interface SubmitterHistoryEntry {
  seq: number;
  at: string;
  by: { name: string };
  from: CaseState | null;
  to: CaseState;
  event?: string;
  forum?: string;
  comment?: string;
}

/**
 * The submitter's own view of their case (guideline, seed 000): the state, where it is handled and
 * why, the justification of a return, the questions put to them and their replies, the outcome with
 * the minutes. Nothing internal: no proposal or its comment, no approvals, no object ids.
 */
export interface SubmitterCase {
  number: string;
  title: string;
  state: CaseState;
  answers: Answers;
  submitter: Submitter;
  submittedAt: string;
  updatedAt: string;
  historyCount: number;
  forum?: string;
  forumChain: Pick<ForumStep, 'forum' | 'kind' | 'reason' | 'at'>[];
  infoRequests: Pick<InfoRequest, 'n' | 'question' | 'askedAt' | 'reply' | 'repliedAt'>[];
  returned?: { justification: string; at: string };
  withdrawn?: { comment?: string; at: string };
  outcome?: Omit<Outcome, 'by'>;
  history: SubmitterHistoryEntry[];
}

/**
 * A measure of a committee's action plan that the case led to, as the submitter reads it: the
 * committee and the measure's text, not the plan's ids.
 */
export interface SubmitterMeasure {
  committeeId: string;
  committeeName: string;
  text: string;
}

export function submitterMeasures(measures: readonly SubmitterMeasure[]): SubmitterMeasure[] {
  return measures.map(({ committeeId, committeeName, text }) => ({ committeeId, committeeName, text }));
}

/** The part of the submitter's view that tells the case's way: what the tab and the card show them. */
export type SubmitterRouting = Pick<
  SubmitterCase,
  'forumChain' | 'infoRequests' | 'returned' | 'withdrawn' | 'outcome'
>;

/**
 * Steps whose comment is written for the submitter (or by them). The comment of 'routed' is the SSU
 * leadership's own remark; the reason the submitter is told is the forum chain's.
 */
const COMMENT_FOR_SUBMITTER = new Set([
  'submitted',
  'returned',
  'info_requested',
  'info_added',
  'forwarded',
  'outcome_registered',
  'withdrawn',
]);
/** Steps the submitter hears of; the internal ones (proposal, approvals) show only as a change of state. */
const STEP_FOR_SUBMITTER = new Set([...COMMENT_FOR_SUBMITTER, 'routed']);

function historyEntry(t: CaseTransition): SubmitterHistoryEntry | undefined {
  const event = t.event ?? t.to;
  const told = STEP_FOR_SUBMITTER.has(event) || t.from === null;
  if (!told && t.from === t.to) return undefined;
  return {
    seq: t.seq,
    at: t.at,
    by: { name: t.by.name },
    from: t.from,
    to: t.to,
    ...(told && t.event ? { event: t.event } : {}),
    ...(told && t.forum ? { forum: t.forum } : {}),
    ...(COMMENT_FOR_SUBMITTER.has(event) && t.comment ? { comment: t.comment } : {}),
  };
}

export function submitterView(record: CaseRecord, history: readonly CaseTransition[]): SubmitterCase {
  const routing = routingOf(record);
  const forum = currentForum(record);
  return {
    number: record.number,
    title: record.title,
    state: record.state,
    answers: record.answers,
    submitter: record.submitter,
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
    historyCount: record.historyCount,
    ...(forum ? { forum } : {}),
    forumChain: routing.forumChain.map((s) => ({ forum: s.forum, kind: s.kind, reason: s.reason, at: s.at })),
    infoRequests: routing.infoRequests.map((q) => ({
      n: q.n,
      question: q.question,
      askedAt: q.askedAt,
      ...(q.reply !== undefined ? { reply: q.reply } : {}),
      ...(q.repliedAt !== undefined ? { repliedAt: q.repliedAt } : {}),
    })),
    ...(routing.returned
      ? { returned: { justification: routing.returned.justification, at: routing.returned.at } }
      : {}),
    ...(routing.withdrawn ? { withdrawn: routing.withdrawn } : {}),
    ...(routing.outcome
      ? {
          outcome: {
            decision: routing.outcome.decision,
            meetingDate: routing.outcome.meetingDate,
            forumCaseNumber: routing.outcome.forumCaseNumber,
            minutesUrl: routing.outcome.minutesUrl,
            at: routing.outcome.at,
          },
        }
      : {}),
    history: history.flatMap((t) => historyEntry(t) ?? []),
  };
}
