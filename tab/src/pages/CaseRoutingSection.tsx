import { Link } from '@fluentui/react-components';
import type { Lang } from '../../../bot/domain/i18n/language';
import { routingMessages } from '../caseTexts';
import type { CaseRouting } from '../../../bot/domain/cases/caseModel';
import type { SubmitterRouting } from '../../../bot/domain/cases/submitterView';
import { formatDate } from '../format';
import { forumLabel } from '../referenceLabels';

/** The minutes link is checked when it is registered; this keeps any other scheme from becoming a link. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * What the case card in Teams shows about the case's way through the partnership, with the card's
 * own words: the proposal, the forums, questions to the submitter, a return or withdrawal, and the
 * outcome with its meeting date, the forum's case number and the minutes. User text verbatim.
 */
/** The whole routing (those who see the whole case), or the submitter's own part of it. */
export type RoutingShown = SubmitterRouting & { proposal?: CaseRouting['proposal'] };

export function CaseRoutingSection({ routing, lang }: { routing: RoutingShown | undefined; lang: Lang }) {
  if (!routing) return null;
  const r = routingMessages(lang);
  const date = (iso: string) => formatDate(iso, lang);
  const { proposal, forumChain, infoRequests, returned, withdrawn, outcome } = routing;
  return (
    <>
      {outcome && (
        <section aria-labelledby="case-outcome" data-testid="case-outcome">
          <h2 id="case-outcome">{r.outcomeHeading}</h2>
          <p>{r.outcomeFacts(date(`${outcome.meetingDate}T12:00:00Z`), outcome.forumCaseNumber)}</p>
          <p className="user-text">{outcome.decision}</p>
          {isWebLink(outcome.minutesUrl) ? (
            <p>
              <Link href={outcome.minutesUrl} target="_blank" rel="noopener noreferrer">
                {r.openMinutes}
              </Link>
            </p>
          ) : (
            <p className="user-text">{outcome.minutesUrl}</p>
          )}
        </section>
      )}
      {returned && (
        <section aria-labelledby="case-returned">
          <h2 id="case-returned">{r.returnedHeading}</h2>
          <p className="user-text">{returned.justification}</p>
        </section>
      )}
      {withdrawn && (
        <section>
          <p>{r.withdrawnText(date(withdrawn.at))}</p>
          {withdrawn.comment && <p className="user-text">{withdrawn.comment}</p>}
        </section>
      )}
      {proposal && (
        <section aria-labelledby="case-proposal">
          <h2 id="case-proposal">{r.proposalHeading}</h2>
          <p>{r.proposedForum(forumLabel(proposal.forum, lang), proposal.by.name, date(proposal.at))}</p>
          <p className="user-text">{proposal.comment}</p>
        </section>
      )}
      {forumChain.length > 0 && (
        <section aria-labelledby="case-chain">
          <h2 id="case-chain">{r.chainHeading}</h2>
          <ol>
            {forumChain.map((step, i) => (
              <li key={`${step.at}-${i}`}>
                {(step.kind === 'routed' ? r.chainRouted : r.chainForwarded)(
                  date(step.at),
                  forumLabel(step.forum, lang),
                )}
                <p className="user-text">{step.reason}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      {infoRequests.length > 0 && (
        <section aria-labelledby="case-info">
          <h2 id="case-info">{r.infoHeading}</h2>
          <ol>
            {infoRequests.map((q) => (
              <li key={q.n}>
                {r.infoQuestion(q.n, date(q.askedAt))}
                <p className="user-text">{q.question}</p>
                {q.reply !== undefined && q.repliedAt ? (
                  <>
                    {r.infoReply(date(q.repliedAt))}
                    <p className="user-text">{q.reply}</p>
                  </>
                ) : (
                  <p className="muted">{r.infoWaiting}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
