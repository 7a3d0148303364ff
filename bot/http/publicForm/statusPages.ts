import type { Lang } from '../../domain/i18n/language';
import { messages, routingMessages } from '../../domain/i18n/messages';
import { forumByValue } from '../../domain/partnership';
import type { InputError } from '../../domain/routing/decisions';
import { LIMITS } from '../../domain/routing/routingModel';
import { formatDate } from '../../domain/time';
import type { StatusView } from '../../domain/webIntake/statusView';
import { errorSummary } from './formPages';
import { html, multiline } from './html';
import { page, withLang } from './layout';
import { webTexts } from './webTexts';

/** The private status page of a web submitter, and the withdrawal's confirmation page. */

export type StatusNotice = 'submitted' | 'replied' | 'withdrawn' | 'stale';

export function inputErrorText(error: InputError, label: string, lang: Lang): string {
  const r = routingMessages(lang);
  switch (error.code) {
    case 'required':
      return r.errors.required(label);
    case 'tooLong':
      return r.errors.tooLong(label, error.max ?? LIMITS.reply);
    case 'nationalId':
      return r.errors.nationalId(label);
    case 'noOpenQuestion':
      return r.errors.noOpenQuestion;
    default:
      return r.errors.required(label);
  }
}

export function statusPage(opts: {
  lang: Lang;
  token: string;
  view: StatusView;
  notice?: StatusNotice;
  /** The link to this page, in full, shown once on the confirmation. */
  fullLink?: string;
  reply?: { text: string; error?: string };
}): string {
  const { lang, view } = opts;
  const t = webTexts(lang);
  const m = messages(lang);
  const base = `/skjema/status/${opts.token}`;
  const date = (iso: string) => formatDate(iso, lang);
  const forum = view.forum ? (forumByValue(view.forum)?.label[lang] ?? view.forum) : undefined;

  const confirmation =
    opts.notice === 'submitted'
      ? html`<div class="panel">
            <h1>${t.confirmationHeading}</h1>
            <p>${t.yourNumber} <strong>${view.number}</strong></p>
          </div>
          <p>${t.keepLink}</p>
          ${opts.fullLink ? html`<p><a href="${base}">${opts.fullLink}</a></p>` : ''}`
      : '';
  const notices: Record<Exclude<StatusNotice, 'submitted'>, string> = {
    replied: t.replied,
    withdrawn: t.withdrawn,
    stale: t.stale,
  };
  const notice =
    opts.notice && opts.notice !== 'submitted'
      ? html`<p class="notice" role="status">${notices[opts.notice]}</p>`
      : '';
  const heading =
    opts.notice === 'submitted'
      ? html`<h2>${t.statusHeading(view.number)}</h2>`
      : html`<h1>${t.statusHeading(view.number)}</h1>`;

  const rows = [
    html`<div class="row">
      <dt>${t.title}</dt>
      <dd>${view.title}</dd>
    </div>`,
    html`<div class="row">
      <dt>${t.state}</dt>
      <dd>${m.stateLabels[view.state]}</dd>
    </div>`,
    html`<div class="row">
      <dt>${t.submittedAt}</dt>
      <dd>${date(view.submittedAt)}</dd>
    </div>`,
    forum
      ? html`<div class="row">
          <dt>${t.forum}</dt>
          <dd>${forum}</dd>
        </div>`
      : '',
    view.returnJustification !== undefined
      ? html`<div class="row">
          <dt>${t.returned}</dt>
          <dd>${multiline(view.returnJustification)}</dd>
        </div>`
      : '',
  ];
  const outcome = view.outcome
    ? html`<h2>${t.outcome}</h2>
        <p>${t.meeting(date(`${view.outcome.meetingDate}T12:00:00Z`), view.outcome.forumCaseNumber)}</p>
        <p>${multiline(view.outcome.decision)}</p>
        <p><a href="${view.outcome.minutesUrl}" rel="noreferrer noopener">${t.minutes}</a></p>`
    : '';
  const measures =
    view.measures.length > 0
      ? html`<h2>${t.measures}</h2>
          <ul>
            ${view.measures.map((m) => html`<li>${m.committeeName}: ${multiline(m.text)}</li>`)}
          </ul>`
      : '';
  const replyError = opts.reply?.error;
  const question = view.openQuestion
    ? html`${errorSummary(replyError ? [{ href: '#f-reply', text: replyError }] : [], lang)}
        <h2>${t.questionHeading}</h2>
        <p>${multiline(view.openQuestion.question)}</p>
        <form method="post" action="${withLang(`${base}/svar`, lang)}" novalidate>
          <input type="hidden" name="version" value="${String(view.version)}" />
          <div class="field${replyError ? ' invalid' : ''}">
            <label for="f-reply">${t.yourReply}</label
            >${replyError ? html`<p class="err" id="reply-error"><span class="vh">${t.errorPrefix} </span>${replyError}</p>` : ''}<textarea
              id="f-reply"
              name="reply"
              rows="8"
              ${replyError ? html` aria-invalid="true" aria-describedby="reply-error"` : ''}
            >
${opts.reply?.text ?? ''}</textarea>
          </div>
          <button type="submit">${t.replyButton}</button>
        </form>`
    : '';
  const answered =
    view.answered.length > 0
      ? html`<h2>${t.replies}</h2>
          <dl>
            ${view.answered.map(
              (q) =>
                html`<div class="row">
                    <dt>${t.question} ${q.n}</dt>
                    <dd>${multiline(q.question)}</dd>
                  </div>
                  <div class="row">
                    <dt>${t.reply}</dt>
                    <dd>${multiline(q.reply)}</dd>
                  </div>`,
            )}
          </dl>`
      : '';
  const withdraw = view.canWithdraw
    ? html`<h2>${t.withdrawHeading}</h2>
        <p>${t.withdrawIntro}</p>
        <p><a href="${withLang(`${base}/trekk`, lang)}">${t.withdrawLink}</a></p>`
    : '';
  const body = html`${confirmation}${notice}${heading}
    <dl>${rows}</dl>
    ${outcome}${measures}${question}${answered}${withdraw}`;
  return page({
    lang,
    title: opts.notice === 'submitted' ? t.confirmationHeading : t.statusHeading(view.number),
    path: base,
    body,
    hasErrors: !!replyError,
  });
}

export function withdrawPage(opts: {
  lang: Lang;
  token: string;
  view: StatusView;
  comment?: string;
  error?: string;
}): string {
  const { lang } = opts;
  const t = webTexts(lang);
  const base = `/skjema/status/${opts.token}`;
  const body = html`<a class="back" href="${withLang(base, lang)}">${t.back}</a
    >${errorSummary(opts.error ? [{ href: '#f-comment', text: opts.error }] : [], lang)}
    <h1>${t.withdrawHeading}: ${t.statusHeading(opts.view.number)}</h1>
    <p>${t.withdrawIntro}</p>
    <form method="post" action="${withLang(`${base}/trekk`, lang)}" novalidate>
      <input type="hidden" name="version" value="${String(opts.view.version)}" />
      <div class="field${opts.error ? ' invalid' : ''}">
        <label for="f-comment">${t.withdrawComment} <span>${t.optional}</span></label
        >${opts.error ? html`<p class="err" id="comment-error"><span class="vh">${t.errorPrefix} </span>${opts.error}</p>` : ''}<textarea
          id="f-comment"
          name="comment"
          rows="4"
          ${opts.error ? html` aria-invalid="true" aria-describedby="comment-error"` : ''}
        >
${opts.comment ?? ''}</textarea>
      </div>
      <button type="submit">${t.withdrawButton}</button>
    </form>`;
  return page({ lang, title: t.withdrawHeading, path: `${base}/trekk`, body, hasErrors: !!opts.error });
}
