import type { CaseRecord, CaseState } from '../cases/caseModel';
import { submitterMeasures, type SubmitterMeasure } from '../cases/submitterView';
import { BEFORE_ROUTING, currentForum, openInfoRequest, routingOf } from '../routing/routingModel';

/**
 * What the private status link shows a web submitter: the submitter's own view of DESIGN.md (state,
 * forum, a return's justification, the outcome and the minutes), the question they are asked and
 * their replies. Nothing internal: no proposal, approvals, names of the people handling it, or notes.
 */
export interface StatusView {
  number: string;
  title: string;
  state: CaseState;
  submittedAt: string;
  /** A FORUMS value, once the case is routed. */
  forum?: string;
  returnJustification?: string;
  outcome?: { decision: string; meetingDate: string; forumCaseNumber: string; minutesUrl: string };
  openQuestion?: { n: number; question: string; askedAt: string };
  answered: { n: number; question: string; reply: string; repliedAt?: string }[];
  /** The measures of the committees' plans the case led to. */
  measures: SubmitterMeasure[];
  canWithdraw: boolean;
  /** The case's history count: the page's forms send it back, so a step taken meanwhile is noticed. */
  version: number;
}

export function statusViewOf(record: CaseRecord, measures: readonly SubmitterMeasure[] = []): StatusView {
  const routing = routingOf(record);
  const forum = currentForum(record);
  const open = openInfoRequest(record);
  const before = BEFORE_ROUTING.includes(record.state);
  const outcome = routing.outcome;
  return {
    number: record.number,
    title: record.title,
    state: record.state,
    submittedAt: record.submittedAt,
    ...(forum ? { forum } : {}),
    ...(record.state === 'returned' && routing.returned
      ? { returnJustification: routing.returned.justification }
      : {}),
    ...(outcome
      ? {
          outcome: {
            decision: outcome.decision,
            meetingDate: outcome.meetingDate,
            forumCaseNumber: outcome.forumCaseNumber,
            minutesUrl: outcome.minutesUrl,
          },
        }
      : {}),
    ...(open && before
      ? { openQuestion: { n: open.n, question: open.question, askedAt: open.askedAt } }
      : {}),
    answered: routing.infoRequests
      .filter((q) => q.reply !== undefined)
      .map((q) => ({
        n: q.n,
        question: q.question,
        reply: q.reply ?? '',
        ...(q.repliedAt ? { repliedAt: q.repliedAt } : {}),
      })),
    measures: submitterMeasures(measures),
    canWithdraw: before,
    version: record.historyCount,
  };
}
