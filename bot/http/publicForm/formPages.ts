import type { AnswerValue, FormField, FormSection } from '../../domain/form/intakeForm';
import { INTAKE_FORM } from '../../domain/form/intakeForm';
import { displayAnswer, type ValidationError } from '../../domain/form/validation';
import { validationErrorText } from '../../domain/form/validationText';
import type { Lang } from '../../domain/i18n/language';
import { formatDate } from '../../domain/time';
import { PAGE_COUNT, type PostedValue } from '../../domain/webIntake/webDraft';
import { html, multiline, type SafeHtml } from './html';
import { page, withLang } from './layout';
import { webTexts } from './webTexts';

/** The form's pages: start, one section per page, and the check-your-answers page. */

const fieldDomId = (field: FormField): string =>
  field.kind === 'singleChoice' || field.kind === 'multiChoice' ? `f-${field.id}-0` : `f-${field.id}`;

export function fieldErrorText(error: ValidationError, lang: Lang): string {
  return validationErrorText(error, lang, () => webTexts(lang).choiceError);
}

export interface SummaryError {
  href: string;
  text: string;
}

/** The error summary at the top of a page: focusable, linking to each field in error. */
export function errorSummary(errors: SummaryError[], lang: Lang): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="summary" role="alert" aria-labelledby="error-summary" tabindex="-1">
    <h2 id="error-summary">${webTexts(lang).errorSummary}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="${e.href}">${e.text}</a></li>`)}
    </ul>
  </div>`;
}

export function startPage(
  lang: Lang,
  opts: { draftDays: number; resumeAt?: string; notice?: string },
): string {
  const t = webTexts(lang);
  const body = html`${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
    <h1>${t.startHeading}</h1>
    ${t.startIntro.map((p) => html`<p>${p}</p>`)}
    <p>${t.draftKept(opts.draftDays)}</p>
    ${opts.resumeAt ? html`<p><a href="${withLang(opts.resumeAt, lang)}">${t.continueDraft}</a></p>` : ''}
    <form method="post" action="/skjema/start" novalidate>
      <input type="hidden" name="lang" value="${lang}" />${honeypot(lang)}<button type="submit">
        ${t.startButton}
      </button>
    </form>`;
  return page({ lang, title: t.formName, path: '/skjema', body });
}

/** A field nobody sees: bots that fill in every field give themselves away. */
export function honeypot(lang: Lang): SafeHtml {
  return html`<div class="hp" aria-hidden="true">
    <label for="website">${webTexts(lang).honeypotLabel}</label
    ><input type="text" id="website" name="website" tabindex="-1" autocomplete="off" />
  </div>`;
}

const AUTOCOMPLETE: Partial<Record<string, string>> = {
  submitterName: 'name',
  organisation: 'organization',
  email: 'email',
  phone: 'tel',
};

function fieldInput(field: FormField, value: PostedValue, error: string | undefined, lang: Lang): SafeHtml {
  const t = webTexts(lang);
  const hintId = `${field.id}-hint`;
  const errorId = `${field.id}-error`;
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  const invalid = error ? 'true' : undefined;
  const hint = html`<p class="hint" id="${hintId}">
    ${field.hint[lang]}${field.kind === 'longText' || field.kind === 'text' ? ` ${t.maxChars(field.maxLength)}` : ''}
  </p>`;
  const err = error
    ? html`<p class="err" id="${errorId}"><span class="vh">${t.errorPrefix} </span>${error}</p>`
    : '';
  const cls = error ? 'field invalid' : 'field';
  if (field.kind === 'singleChoice' || field.kind === 'multiChoice') {
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const type = field.kind === 'singleChoice' ? 'radio' : 'checkbox';
    return html`<fieldset class="${cls}" aria-describedby="${describedBy}">
      <legend>${field.prompt[lang]}</legend>
      ${hint}${err}${(field.options ?? []).map((o, i) => html`<div class="opt"><input type="${type}" id="f-${field.id}-${i}" name="${field.id}" value="${o.value}" ${chosen.includes(o.value) ? html` checked` : ''} /><label for="f-${field.id}-${i}">${o.label[lang]}</label></div>`)}
    </fieldset>`;
  }
  const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
  const common = html`id="f-${field.id}" name="${field.id}"
  aria-describedby="${describedBy}"${invalid ? html` aria-invalid="true"` : ''}${field.required ? html` aria-required="true"` : ''}`;
  const auto = AUTOCOMPLETE[field.id];
  const control =
    field.kind === 'longText'
      ? html`<textarea ${common} rows="8">${text}</textarea>`
      : html`<input
          type="${field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'text'}"
          ${common}
          value="${text}"
          ${auto ? html` autocomplete="${auto}"` : ''}
          spellcheck="${field.kind === 'text' ? 'true' : 'false'}"
        />`;
  return html`<div class="${cls}">
    <label for="f-${field.id}">${field.prompt[lang]}</label>${hint}${err}${control}
  </div>`;
}

export function questionPage(opts: {
  lang: Lang;
  pageNo: number;
  section: FormSection;
  values: Record<string, PostedValue>;
  errors: Map<string, string>;
  csrf: string;
  returnToCheck: boolean;
  today: Date;
}): string {
  const { lang, pageNo, section } = opts;
  const t = webTexts(lang);
  const path = `/skjema/side/${pageNo}${opts.returnToCheck ? '?retur=sjekk' : ''}`;
  const back = opts.returnToCheck ? '/skjema/sjekk' : pageNo > 1 ? `/skjema/side/${pageNo - 1}` : '/skjema';
  const summary = errorSummary(
    section.fields
      .filter((f) => opts.errors.has(f.id))
      .map((f) => ({ href: `#${fieldDomId(f)}`, text: opts.errors.get(f.id) ?? '' })),
    lang,
  );
  const today = section.fields.some((f) => f.id === 'internalRef')
    ? html`<p>${t.todayIs(formatDate(opts.today, lang))}</p>`
    : '';
  const body = html`<a class="back" href="${withLang(back, lang)}">${t.back}</a>${summary}
    <p class="caption">${t.part(pageNo, PAGE_COUNT)}</p>
    <h1>${section.heading[lang]}</h1>
    ${today}
    <form method="post" action="${withLang(path, lang)}" novalidate>
      <input
        type="hidden"
        name="csrf"
        value="${opts.csrf}"
      />${section.fields.map((f) => fieldInput(f, opts.values[f.id], opts.errors.get(f.id), lang))}<button
        type="submit"
      >
        ${opts.returnToCheck ? t.saveAndCheck : t.continueButton}
      </button>
    </form>`;
  return page({
    lang,
    title: `${section.heading[lang]} (${t.part(pageNo, PAGE_COUNT)})`,
    path,
    body,
    hasErrors: opts.errors.size > 0,
  });
}

export function checkPage(opts: {
  lang: Lang;
  answers: Partial<Record<string, AnswerValue>>;
  csrf: string;
  today: Date;
}): string {
  const { lang } = opts;
  const t = webTexts(lang);
  const sections = INTAKE_FORM.map((section, i) => {
    const pageNo = i + 1;
    const rows = section.fields.map((field) => {
      const shown = displayAnswer(field, opts.answers[field.id], lang);
      const answer = shown === undefined || shown === '' ? html`<em>${t.notAnswered}</em>` : multiline(shown);
      return html`<div class="row">
        <dt>${field.label[lang]}</dt>
        <dd>${answer}</dd>
        <dd class="act">
          <a href="${withLang(`/skjema/side/${pageNo}?retur=sjekk#${fieldDomId(field)}`, lang)}"
            >${t.change}<span class="vh"> ${field.label[lang]}</span></a
          >
        </dd>
      </div>`;
    });
    const date = section.fields.some((f) => f.id === 'internalRef')
      ? html`<div class="row">
          <dt>${t.date}</dt>
          <dd>${formatDate(opts.today, lang)}</dd>
        </div>`
      : '';
    return html`<h2>${section.heading[lang]}</h2>
      <dl>${date}${rows}</dl>`;
  });
  const body = html`<a class="back" href="${withLang(`/skjema/side/${PAGE_COUNT}`, lang)}">${t.back}</a>
    <h1>${t.checkHeading}</h1>
    <p>${t.checkIntro}</p>
    ${sections}
    <form method="post" action="${withLang('/skjema/send', lang)}" novalidate>
      <input type="hidden" name="csrf" value="${opts.csrf}" />${honeypot(lang)}<button type="submit">
        ${t.sendButton}
      </button>
    </form>`;
  return page({ lang, title: t.checkHeading, path: '/skjema/sjekk', body });
}

/** A page with a heading, a text and a way on: refusals, errors, unknown links. */
export function messagePage(opts: {
  lang: Lang;
  heading: string;
  text: string;
  path: string;
  link?: { href: string; text: string };
}): string {
  const body = html`<h1>${opts.heading}</h1>
    <p>${opts.text}</p>
    ${opts.link ? html`<p><a href="${withLang(opts.link.href, opts.lang)}">${opts.link.text}</a></p>` : ''}`;
  return page({ lang: opts.lang, title: opts.heading, path: opts.path, body });
}

export function infoPage(lang: Lang, heading: string, paragraphs: string[], path: string): string {
  const t = webTexts(lang);
  const body = html`<h1>${heading}</h1>
    ${paragraphs.map((p) => html`<p>${p}</p>`)}
    <p><a href="${withLang('/skjema', lang)}">${t.startLink}</a></p>`;
  return page({ lang, title: heading, path, body });
}
