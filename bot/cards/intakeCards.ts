import {
  INTAKE_FORM,
  SECTION_COUNT,
  type Answers,
  type FormField,
  sectionOf,
} from '../domain/form/intakeForm';
import { displayAnswer, type ValidationError } from '../domain/form/validation';
import { validationErrorText } from '../domain/form/validationText';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { CaseListEntry } from '../domain/cases/caseList';
import type { Command } from '../domain/intake/commands';
import type { CardOrigin } from '../domain/intake/intakeFlow';
import type { Lang } from '../domain/i18n/language';
import { messages } from '../domain/i18n/messages';
import { formatDate } from '../domain/time';
import { cardBytes, expandCard, type AdaptiveCard } from './cardTemplates';
import { verbatim } from './verbatim';

/** Teams refuses a message over ~28 KB; cards above this size show answers shortened. */
export const MAX_CARD_BYTES = 24_000;
const PREVIEW_CHARS = 280;

interface CardAction {
  title: string;
  style: 'default' | 'positive' | 'destructive';
  data: Record<string, unknown>;
}

/** What a button on a draft's card sends along, so the bot can tell it from another draft's card. */
const originData = (origin: CardOrigin | undefined) =>
  origin ? { draft: origin.draftId, version: origin.version } : {};

/** A button that sends a command; with `origin` for the buttons that act on one draft. */
const commandAction = (
  title: string,
  command: Command,
  style: CardAction['style'] = 'default',
  origin?: CardOrigin,
): CardAction => ({
  title,
  style,
  data: { intake: 'command', command, ...originData(origin) },
});

export function questionCard(
  field: FormField,
  lang: Lang,
  opts: {
    origin: CardOrigin;
    error?: ValidationError;
    notice?: 'cannotSkip' | 'atFirstQuestion';
    prefill?: string;
    /** The answer already given (after "tilbake" or "Endre"): shown, and offered to keep. */
    current?: Answers[keyof Answers];
  },
): AdaptiveCard {
  const m = messages(lang);
  const section = sectionOf(field.id);
  const origin = opts.origin;
  const current =
    opts.current === undefined
      ? undefined
      : displayAnswer(field, opts.current, lang) || (Array.isArray(opts.current) ? m.noneChosen : '');
  // The Teams value is offered only where it would change something.
  const prefill = opts.prefill && opts.prefill !== current ? opts.prefill : undefined;
  const actions: CardAction[] = [];
  if (current !== undefined) actions.push(commandAction(m.keepButton, 'keep', 'positive', origin));
  if (field.kind === 'singleChoice') {
    for (const option of field.options ?? []) {
      actions.push({
        title: option.label[lang],
        style: 'default',
        data: { intake: 'answer', field: field.id, value: option.value, ...originData(origin) },
      });
    }
  }
  if (field.kind === 'multiChoice') {
    actions.push({
      title: m.chooseButton,
      style: current === undefined ? 'positive' : 'default',
      data: { intake: 'answer', field: field.id, ...originData(origin) },
    });
  }
  if (prefill) actions.push(commandAction(m.useValueButton, 'yes', 'positive', origin));
  if (!field.required) actions.push(commandAction(m.skipButton, 'skip', 'default', origin));
  if (field.id !== 'title') actions.push(commandAction(m.backButton, 'back', 'default', origin));

  const notice = opts.error
    ? validationErrorText(opts.error, lang)
    : opts.notice === 'cannotSkip'
      ? m.cannotSkip
      : opts.notice === 'atFirstQuestion'
        ? m.atFirstQuestion
        : '';
  const selected = Array.isArray(opts.current) ? opts.current.join(',') : '';
  const heading = section.heading[lang];
  const help = current !== undefined ? m.currentHelp : prefill ? m.prefillHelp : '';
  return expandCard('intake-question', {
    progress: m.progress(section.number, SECTION_COUNT),
    heading,
    notice,
    // Where the form's question is its section's heading, it is shown once.
    prompt: field.prompt[lang] === heading ? '' : field.prompt[lang],
    hint: help ? `${field.hint[lang]} ${help}` : field.hint[lang],
    current: current !== undefined ? verbatim(current) : '',
    currentLabel: m.currentLabel,
    prefill: prefill ? verbatim(prefill) : '',
    prefillLabel: m.prefillLabel,
    choiceLabel: field.label[lang],
    multi: field.kind === 'multiChoice',
    selected,
    options: (field.options ?? []).map((o) => ({ title: o.label[lang], value: o.value })),
    optionalNote: [
      field.kind === 'text' || field.kind === 'longText' ? m.maxLength(field.maxLength) : '',
      field.required || field.kind === 'multiChoice' ? '' : m.optional,
    ]
      .filter(Boolean)
      .join(' '),
    actions,
  });
}

interface AnswerView {
  /** Empty where the section heading already says it (a section of one question). */
  label: string;
  value: string;
  missing: boolean;
  editable: boolean;
  editTooltip: string;
  editData: Record<string, unknown>;
}

function answerViews(
  answers: Answers,
  lang: Lang,
  submittedAt: Date,
  origin: CardOrigin | undefined,
  preview: boolean,
) {
  const m = messages(lang);
  return INTAKE_FORM.map((section) => {
    const fields: AnswerView[] = section.fields.map((field) => {
      const shown = displayAnswer(field, answers[field.id], lang);
      const empty = shown === undefined || shown === '';
      const missingText = Array.isArray(answers[field.id]) ? m.noneChosen : m.notAnswered;
      let value = empty ? missingText : shown;
      if (preview && [...value].length > PREVIEW_CHARS)
        value = [...value].slice(0, PREVIEW_CHARS).join('') + ' …';
      return {
        label: section.fields.length === 1 && section.number !== 3 ? '' : field.label[lang],
        value: verbatim(value),
        missing: empty,
        editable: origin !== undefined,
        editTooltip: `${m.editButton}: ${field.label[lang]}`,
        editData: { intake: 'edit', field: field.id, ...originData(origin) },
      };
    });
    if (section.number === 3) {
      fields.unshift({
        label: m.dateLabel,
        value: formatDate(submittedAt, lang),
        missing: false,
        editable: false,
        editTooltip: '',
        editData: {},
      });
    }
    // A no-break space after the number: with a plain space, card markdown makes it a numbered list.
    return { heading: `${section.number}.\u00a0${section.heading[lang]}`, fields };
  });
}

/**
 * A card with every answer, at full length when it fits in a Teams message; otherwise with each
 * answer shortened, and `fullText` holding the complete answers to send as plain messages first.
 */
function withAnswers(
  build: (sections: ReturnType<typeof answerViews>, longNote: string) => Record<string, unknown>,
  answers: Answers,
  lang: Lang,
  at: Date,
  /** The draft whose answers can be changed from the card; none on the receipt. */
  origin: CardOrigin | undefined,
): { card: AdaptiveCard; fullText: string[] } {
  const full = build(answerViews(answers, lang, at, origin, false), '');
  if (cardBytes(full) <= MAX_CARD_BYTES) return { card: full, fullText: [] };
  const m = messages(lang);
  const preview = build(answerViews(answers, lang, at, origin, true), m.summaryLong);
  return { card: preview, fullText: plainAnswers(answers, lang) };
}

/** Every answer as plain text (one message each), for answers too long for one card. */
export function plainAnswers(answers: Answers, lang: Lang): string[] {
  return INTAKE_FORM.flatMap((section) =>
    section.fields.flatMap((field) => {
      const shown = displayAnswer(field, answers[field.id], lang);
      return shown ? [`${section.number}. ${field.label[lang]}:\n${shown}`] : [];
    }),
  );
}

export function summaryCard(
  answers: Answers,
  lang: Lang,
  now: Date,
  hint: boolean,
  origin: CardOrigin,
): { card: AdaptiveCard; fullText: string[] } {
  const m = messages(lang);
  return withAnswers(
    (sections, longNote) =>
      expandCard('intake-summary', {
        heading: m.summaryTitle,
        intro: hint ? `${m.reviewHint}` : m.summaryIntro,
        longNote,
        editLabel: m.editButton,
        sections,
        actions: [
          commandAction(m.submitButton, 'submit', 'positive', origin),
          commandAction(m.cancelButton, 'cancel', 'destructive', origin),
        ],
      }),
    answers,
    lang,
    now,
    origin,
  );
}

export function receiptCard(record: CaseRecord, lang: Lang): { card: AdaptiveCard; fullText: string[] } {
  const m = messages(lang);
  const at = new Date(record.submittedAt);
  return withAnswers(
    (sections, longNote) =>
      expandCard('intake-receipt', {
        heading: m.receiptTitle(record.number),
        facts: [
          { title: m.caseNumberLabel, value: record.number },
          { title: m.dateLabel, value: formatDate(at, lang) },
          { title: m.statusLabel, value: m.stateLabels.submitted },
        ],
        intro: m.receiptIntro,
        // A no-break space after the number: with a plain space, card markdown makes it a list
        // that renumbers itself.
        steps: m.nextSteps.map((text, i) => ({ number: `${i + 1}.\u00a0`, text })),
        statusHelp: m.receiptStatusHelp,
        copyHeading: m.receiptCopy,
        longNote,
        sections,
        actions: [commandAction(m.myCasesButton, 'status')],
      }),
    record.answers,
    lang,
    at,
    undefined,
  );
}

/**
 * A message as a card: one block per paragraph and per line, since text with line breaks runs
 * together in some Teams clients. `lines` may hold user text: they are shown verbatim.
 */
export function messageCard(opts: {
  heading?: string;
  paragraphs: string[];
  lines?: string[];
  footer?: string[];
  quote?: string;
  actions?: CardAction[];
}): AdaptiveCard {
  return expandCard('message-with-actions', {
    heading: opts.heading ?? '',
    paragraphs: opts.paragraphs,
    lines: (opts.lines ?? []).map((line) => verbatim(line)),
    footer: opts.footer ?? [],
    quote: opts.quote ? verbatim(opts.quote) : '',
    actions: opts.actions ?? [],
  });
}

export function helpCard(lang: Lang): AdaptiveCard {
  const m = messages(lang);
  return messageCard({ heading: m.helpHeading, paragraphs: [], lines: m.helpLines, footer: [m.helpPrivacy] });
}

export function welcomeCard(lang: Lang): AdaptiveCard {
  const m = messages(lang);
  return messageCard({
    paragraphs: [m.welcome, m.welcomeLanguage],
    actions: [
      commandAction(m.startButton, 'newCase', 'positive'),
      commandAction(m.myCasesButton, 'status'),
      commandAction(m.helpButton, 'help'),
    ],
  });
}

export function resumeOfferCard(
  lang: Lang,
  title: string,
  touchedAt: Date,
  sectionNumber: number,
  origin: CardOrigin,
): AdaptiveCard {
  const m = messages(lang);
  return messageCard({
    paragraphs: [m.draftOffer(formatDate(touchedAt, lang), sectionNumber, SECTION_COUNT)],
    ...(title ? { quote: title } : {}),
    actions: [
      commandAction(m.continueButton, 'continue', 'positive', origin),
      commandAction(m.discardButton, 'discard', 'destructive', origin),
    ],
  });
}

/** "Discard the draft with its n answers?", asked before anything typed is thrown away. */
export function confirmCancelCard(
  lang: Lang,
  title: string,
  answerCount: number,
  origin: CardOrigin,
): AdaptiveCard {
  const m = messages(lang);
  return messageCard({
    paragraphs: [m.confirmCancel(answerCount)],
    ...(title ? { quote: title } : {}),
    actions: [
      commandAction(m.discardButton, 'discard', 'destructive', origin),
      commandAction(m.continueButton, 'continue', 'positive', origin),
    ],
  });
}

/** What the status reply shows of each case: a case's list row has it. */
export type MyCase = Pick<CaseListEntry, 'number' | 'title' | 'state' | 'submittedAt'>;

/**
 * The person's cases, newest first. `more`: they have older ones than these, which the "Mine saker"
 * tab lists (a button opens it when `tabUrl`, the tab's deep link, is known).
 */
export function myCasesCard(cases: readonly MyCase[], lang: Lang, more?: { tabUrl?: string }): AdaptiveCard {
  const m = messages(lang);
  return expandCard('my-cases', {
    heading: m.myCasesTitle,
    cases: cases.map((c) => ({
      number: c.number,
      title: verbatim(c.title),
      state: m.stateLabels[c.state],
      date: formatDate(c.submittedAt, lang),
    })),
    more: more
      ? { show: true, text: m.myCasesMore(cases.length), button: m.myCasesTabButton, url: more.tabUrl ?? '' }
      : { show: false, text: '', button: '', url: '' },
  });
}

export { commandAction };
