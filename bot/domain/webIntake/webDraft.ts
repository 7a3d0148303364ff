import {
  INTAKE_FORM,
  type Answers,
  type FieldId,
  type FormField,
  type FormSection,
} from '../form/intakeForm';
import { validateSubmitted, type ValidationError } from '../form/validation';
import { missingRequired } from '../cases/submitCase';
import type { Lang } from '../i18n/language';

/**
 * The public intake page's draft: the answers a citizen has given so far, kept server-side under an
 * unguessable id (the only cookie the page sets). The page asks one section of the intake form at a
 * time, in the form's order, so the form definition stays the one place that says what is asked.
 */
export interface WebDraft {
  /** ≥128 random bits, base64url; the cookie's value and the case's idempotency key. */
  id: string;
  /** Per-draft token echoed in a hidden field of every form (with the SameSite cookie: CSRF defence). */
  csrf: string;
  lang: Lang;
  answers: Answers;
  createdAt: string;
  expiresAt: string;
}

/** A page of the web form is one section of the intake form; pages are numbered 1..PAGE_COUNT. */
export const PAGE_COUNT = INTAKE_FORM.length;

export function sectionOfPage(page: number): FormSection | undefined {
  return Number.isInteger(page) && page >= 1 && page <= PAGE_COUNT ? INTAKE_FORM[page - 1] : undefined;
}

function pageOfField(id: FieldId): number {
  return INTAKE_FORM.findIndex((s) => s.fields.some((f) => f.id === id)) + 1;
}

/** What a browser posts for one field: a text, or the checked values of a group of checkboxes. */
export type PostedValue = string | string[] | undefined;

export interface FieldError {
  field: FormField;
  error: ValidationError;
}

/**
 * Reads one page's posted fields with the bot's own validation. An optional field left empty is
 * an answer too ("nothing"), so it is removed from the draft; a multi-choice with nothing ticked
 * is the empty choice. Everything posted is returned as typed, so an error page loses nothing.
 */
export function readPage(
  section: FormSection,
  posted: Record<string, PostedValue>,
): { answers: Answers; cleared: FieldId[]; errors: FieldError[] } {
  const answers: Answers = {};
  const cleared: FieldId[] = [];
  const errors: FieldError[] = [];
  for (const field of section.fields) {
    const raw = posted[field.id];
    const isChoice = field.kind === 'singleChoice' || field.kind === 'multiChoice';
    const text = Array.isArray(raw) ? (isChoice ? raw.join(',') : (raw[0] ?? '')) : (raw ?? '');
    if (field.kind === 'multiChoice' && text.trim() === '') {
      if (field.required) errors.push({ field, error: { code: 'required' } });
      else answers[field.id] = [];
      continue;
    }
    if (text.trim() === '' && !field.required) {
      cleared.push(field.id);
      continue;
    }
    const result = validateSubmitted(field, text);
    if (result.ok) answers[field.id] = result.value;
    else errors.push({ field, error: result.error });
  }
  return { answers, cleared, errors };
}

export function applyPage(draft: WebDraft, read: { answers: Answers; cleared: FieldId[] }): WebDraft {
  const answers: Answers = { ...draft.answers, ...read.answers };
  for (const id of read.cleared) delete answers[id];
  return { ...draft, answers };
}

/** The first page with a required answer missing, or undefined when the draft can be submitted. */
export function firstIncompletePage(answers: Answers): number | undefined {
  const missing = missingRequired(answers)[0] as FieldId | undefined;
  return missing ? pageOfField(missing) : undefined;
}

export function isExpired(draft: Pick<WebDraft, 'expiresAt'>, now: Date): boolean {
  return new Date(draft.expiresAt).getTime() <= now.getTime();
}
