import { Link, Spinner } from '@fluentui/react-components';
import { INTAKE_FORM, type AnswerValue, type FormField } from '../../../bot/domain/form/intakeForm';
import type { Lang } from '../../../bot/domain/i18n/language';
import { api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { DeliveredToNobodyBadge, DeliveredToNobodyNotice } from '../components/DeliveredToNobody';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDate, formatDateTime } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { caseStateLabel } from '../caseTexts';
import { forumLabel } from '../referenceLabels';
import { CaseMeasuresSection } from './CaseMeasuresSection';
import { CaseRoutingSection, type RoutingShown } from './CaseRoutingSection';

/** Choice answers are stored as option values; people see the option's label. */
function answerText(field: FormField, value: AnswerValue | undefined, lang: Lang): string | undefined {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!field.options) return values.join('\n');
  return values.map((v) => field.options?.find((o) => o.value === v)?.label[lang] ?? v).join('\n');
}

/** One case: its answers in the form's order (labels from the form definition) and its history. */
export function CaseDetailPage({ number }: { number: string }) {
  const { t, lang } = useSession();
  const detail = useLoad(() => api.caseDetail(number), [number]);
  const back = (
    <p className="no-print">
      <Link href={href.cases()}>← {t.cases.back}</Link>
    </p>
  );
  if (detail.error !== undefined)
    return (
      <>
        {back}
        <ErrorMessage error={detail.error} onRetry={detail.reload} />
      </>
    );
  if (!detail.data) return <Spinner label={t.loading} />;
  const { case: c, history } = detail.data;

  return (
    <article aria-labelledby="case-title">
      {back}
      <h1 id="case-title">
        {t.cases.caseTitle(c.number)}: <span className="user-text">{c.title}</span>
      </h1>
      <dl className="people">
        <dt>{t.cases.state}</dt>
        <dd>
          {caseStateLabel(c.state, lang)} {c.deliveredToNobody && <DeliveredToNobodyBadge />}
        </dd>
        <dt>{t.cases.forum}</dt>
        <dd>{forumLabel(c.forum, lang)}</dd>
        <dt>{t.cases.submitted}</dt>
        <dd>{formatDate(c.submittedAt, lang)}</dd>
        <dt>{t.cases.submitter}</dt>
        <dd>{c.submitter.name}</dd>
      </dl>
      {c.deliveredToNobody && <DeliveredToNobodyNotice />}
      <CaseRoutingSection routing={routingShown(c)} lang={lang} />
      <CaseMeasuresSection detail={detail.data} onChanged={detail.reload} />
      <h2>{t.cases.answers}</h2>
      {INTAKE_FORM.map((section) => (
        <section
          key={section.number}
          className="answer-section"
          aria-labelledby={`section-${section.number}`}
        >
          <h3 id={`section-${section.number}`}>{section.heading[lang]}</h3>
          <dl className="answers">
            {section.fields.map((field) => {
              const text = answerText(field, c.answers[field.id], lang);
              return (
                <div key={field.id} className="detail" data-field={field.id}>
                  <dt>{field.label[lang]}</dt>
                  <dd className="user-text">{text ?? t.cases.noAnswer}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <h2>{t.cases.history}</h2>
      <ol className="history">
        {history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <strong>
              {h.from
                ? t.cases.transition(caseStateLabel(h.from, lang), caseStateLabel(h.to, lang))
                : caseStateLabel(h.to, lang)}
              {h.forum ? ` (${forumLabel(h.forum, lang)})` : ''}
            </strong>
            <span className="muted">
              {' '}
              – {h.by.name}, <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>
            </span>
            {h.comment && <p className="user-text history-comment">{h.comment}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** Those who see the whole case get `routing`; the submitter gets their own part of it instead. */
function routingShown(c: CaseDetail['case']): RoutingShown | undefined {
  if (c.routing) return c.routing;
  if (!c.forumChain) return undefined;
  return {
    forumChain: c.forumChain,
    infoRequests: c.infoRequests ?? [],
    ...(c.returned ? { returned: c.returned } : {}),
    ...(c.withdrawn ? { withdrawn: c.withdrawn } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
  };
}
