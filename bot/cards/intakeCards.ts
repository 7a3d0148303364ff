import type { Attachment } from 'botbuilder';
import {
  INTAKE_FORM,
  SECTION_COUNT,
  type Answers,
  type FormField,
  sectionOf,
} from '../domain/form/intakeForm';
import { displayAnswer, type ValidationError } from '../domain/form/validation';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { Command } from '../domain/intake/commands';
import type { Lang } from '../domain/i18n/language';
import { messages, type Messages } from '../domain/i18n/messages';
import { formatDate } from '../domain/time';
import { cardAttachment, cardBytes, expandCard } from './cardTemplates';
import { verbatim } from './verbatim';

/** Teams refuses a message over ~28 KB; cards above this size show answers shortened. */
export const MAX_CARD_BYTES = 24_000;
const PREVIEW_CHARS = 280;

interface CardAction {
  title: string;
  style: 'default' | 'positive' | 'destructive';
  data: Record<string, unknown>;
}

const commandAction = (
  title: string,
  command: Command,
  style: CardAction['style'] = 'default',
): CardAction => ({
  title,
  style,
  data: { intake: 'command', command },
});

export function errorText(error: ValidationError, m: Messages, lang: Lang): string {
  switch (error.code) {
    case 'required':
      return m.errorRequired;
    case 'tooLong':
      return m.errorTooLong(error.length, error.max);
    case 'email':
      return m.errorEmail;
    case 'phone':
      return m.errorPhone;
    case 'nationalId':
      return m.errorNationalId;
    case 'choice':
      return m.errorChoice(error.options.map((o, i) => `${i + 1}. ${o.label[lang]}`).join('\n'));
  }
}

export function questionCard(
  field: FormField,
  lang: Lang,
  opts: {
    error?: ValidationError;
    notice?: 'cannotSkip' | 'atFirstQuestion';
    prefill?: string;
    current?: Answers[keyof Answers];
  },
): Attachment {
  const m = messages(lang);
  const section = sectionOf(field.id);
  const actions: CardAction[] = [];
  if (field.kind === 'singleChoice') {
    for (const option of field.options ?? []) {
      actions.push({
        title: option.label[lang],
        style: 'default',
        data: { intake: 'answer', field: field.id, value: option.value },
      });
    }
  }
  if (field.kind === 'multiChoice') {
    actions.push({ title: m.chooseButton, style: 'positive', data: { intake: 'answer', field: field.id } });
  }
  if (opts.prefill) actions.push(commandAction(m.useValueButton, 'yes', 'positive'));
  if (!field.required) actions.push(commandAction(m.skipButton, 'skip'));
  if (field.id !== 'title') actions.push(commandAction(m.backButton, 'back'));

  const notice = opts.error
    ? errorText(opts.error, m, lang)
    : opts.notice === 'cannotSkip'
      ? m.cannotSkip
      : opts.notice === 'atFirstQuestion'
        ? m.atFirstQuestion
        : '';
  const selected = Array.isArray(opts.current) ? opts.current.join(',') : '';
  return cardAttachment(
    expandCard('intake-question', {
      progress: m.progress(section.number, SECTION_COUNT),
      heading: section.heading[lang],
      notice,
      prompt: field.prompt[lang],
      hint: opts.prefill ? `${field.hint[lang]} ${m.prefillHelp}` : field.hint[lang],
      prefill: opts.prefill ? verbatim(opts.prefill) : '',
      prefillLabel: m.prefillLabel,
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
    }),
  );
}

interface AnswerView {
  id: string;
  label: string;
  value: string;
  missing: boolean;
  editable: boolean;
}

function answerViews(answers: Answers, lang: Lang, submittedAt: Date, editable: boolean, preview: boolean) {
  const m = messages(lang);
  return INTAKE_FORM.map((section) => {
    const fields: AnswerView[] = section.fields.map((field) => {
      const shown = displayAnswer(field, answers[field.id], lang);
      const empty = shown === undefined || shown === '';
      const missingText = Array.isArray(answers[field.id]) ? m.noneChosen : m.notAnswered;
      let value = empty ? missingText : shown;
      if (preview && [...value].length > PREVIEW_CHARS)
        value = [...value].slice(0, PREVIEW_CHARS).join('') + ' …';
      return { id: field.id, label: field.label[lang], value: verbatim(value), missing: empty, editable };
    });
    if (section.number === 3) {
      fields.unshift({
        id: 'date',
        label: m.dateLabel,
        value: formatDate(submittedAt, lang),
        missing: false,
        editable: false,
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
  editable: boolean,
): { card: Attachment; fullText: string[] } {
  const full = build(answerViews(answers, lang, at, editable, false), '');
  if (cardBytes(full) <= MAX_CARD_BYTES) return { card: cardAttachment(full), fullText: [] };
  const m = messages(lang);
  const preview = build(answerViews(answers, lang, at, editable, true), m.summaryLong);
  return { card: cardAttachment(preview), fullText: plainAnswers(answers, lang) };
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
): { card: Attachment; fullText: string[] } {
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
          commandAction(m.submitButton, 'submit', 'positive'),
          commandAction(m.cancelButton, 'cancel', 'destructive'),
        ],
      }),
    answers,
    lang,
    now,
    true,
  );
}

export function receiptCard(record: CaseRecord, lang: Lang): { card: Attachment; fullText: string[] } {
  const m = messages(lang);
  const at = new Date(record.submittedAt);
  return withAnswers(
    (sections, longNote) =>
      expandCard('intake-receipt', {
        heading: m.receiptTitle(record.number),
        facts: [
          { title: m.dateLabel, value: formatDate(at, lang) },
          { title: m.stateLabels.submitted, value: record.number },
        ],
        intro: m.receiptIntro,
        steps: m.nextSteps.map((text, i) => ({ number: `${i + 2}.\u00a0`, text })),
        copyHeading: m.receiptCopy,
        longNote,
        sections,
      }),
    record.answers,
    lang,
    at,
    false,
  );
}

export function messageCard(opts: {
  heading?: string;
  paragraphs: string[];
  quote?: string;
  actions?: CardAction[];
}): Attachment {
  return cardAttachment(
    expandCard('message-with-actions', {
      heading: opts.heading ?? '',
      paragraphs: opts.paragraphs,
      quote: opts.quote ? verbatim(opts.quote) : '',
      actions: opts.actions ?? [],
    }),
  );
}

export function welcomeCard(lang: Lang): Attachment {
  const m = messages(lang);
  return messageCard({
    paragraphs: [m.welcome],
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
): Attachment {
  const m = messages(lang);
  return messageCard({
    paragraphs: [m.draftOffer(formatDate(touchedAt, lang), sectionNumber, SECTION_COUNT)],
    ...(title ? { quote: title } : {}),
    actions: [
      commandAction(m.continueButton, 'continue', 'positive'),
      commandAction(m.discardButton, 'discard', 'destructive'),
    ],
  });
}

export function myCasesCard(cases: CaseRecord[], lang: Lang): Attachment {
  const m = messages(lang);
  return cardAttachment(
    expandCard('my-cases', {
      heading: m.myCasesTitle,
      cases: cases.map((c) => ({
        number: c.number,
        title: verbatim(c.title),
        state: m.stateLabels[c.state],
        date: formatDate(c.submittedAt, lang),
      })),
    }),
  );
}

export { commandAction };
