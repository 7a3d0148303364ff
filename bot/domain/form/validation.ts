import { normalizeWord, type Lang } from '../i18n/language';
import type { ReferenceOption } from '../partnership';
import { containsNationalId } from './nationalId';
import type { AnswerValue, FormField } from './intakeForm';

export type ValidationError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number; length: number }
  | { code: 'email' }
  | { code: 'phone' }
  | { code: 'nationalId' }
  | { code: 'choice'; options: ReferenceOption[] };

export type ValidationResult = { ok: true; value: AnswerValue } | { ok: false; error: ValidationError };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
/** Norwegian 8-digit numbers, or international with + or 00 and 8-15 digits. */
const PHONE = /^(?:\d{8}|(?:\+|00)\d{8,15})$/;
const NONE_WORDS = new Set([
  'ingen',
  'ingen av desse',
  'ingen av disse',
  'none',
  'ikkje relevant',
  'ikke relevant',
  '-',
]);

/** Length as people count it: an emoji is one character, not two UTF-16 units. */
export function visibleLength(text: string): number {
  return [...text].length;
}

function checkText(field: FormField, text: string): ValidationResult {
  if (text.trim() === '') return { ok: false, error: { code: 'required' } };
  const length = visibleLength(text);
  if (length > field.maxLength)
    return { ok: false, error: { code: 'tooLong', max: field.maxLength, length } };
  if (containsNationalId(text)) return { ok: false, error: { code: 'nationalId' } };
  if (field.kind === 'email' && !EMAIL.test(text.trim())) return { ok: false, error: { code: 'email' } };
  if (field.kind === 'phone' && !PHONE.test(text.replace(/[\s\-().]/g, ''))) {
    return { ok: false, error: { code: 'phone' } };
  }
  // Text is kept exactly as typed (line breaks, bullets, links, emoji); only e-mail and phone,
  // which are identifiers rather than prose, lose surrounding spaces.
  return { ok: true, value: field.kind === 'email' || field.kind === 'phone' ? text.trim() : text };
}

function matchOption(options: ReferenceOption[], token: string): ReferenceOption | undefined {
  const word = normalizeWord(token);
  if (/^\d+$/.test(word)) return options[Number(word) - 1];
  return options.find(
    (o) =>
      normalizeWord(o.value) === word ||
      Object.values(o.label).some((label) => {
        const l = normalizeWord(label);
        // "Delavtale 1" matches "Delavtale 1: Koordinering av …"; "høg" matches "Høg – hastar".
        return l === word || l.startsWith(`${word}:`) || l.startsWith(`${word} –`);
      }),
  );
}

function parseChoices(field: FormField, text: string): ValidationResult {
  const options = field.options ?? [];
  const fail: ValidationResult = { ok: false, error: { code: 'choice', options } };
  if (text.trim() === '') return { ok: false, error: { code: 'required' } };
  if (field.kind === 'singleChoice') {
    const option = matchOption(options, text);
    return option ? { ok: true, value: option.value } : fail;
  }
  if (NONE_WORDS.has(normalizeWord(text))) return { ok: true, value: [] };
  const chosen: string[] = [];
  const tokens = text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  for (const token of tokens) {
    const found = matchJoined(options, token);
    if (!found) return fail;
    for (const option of found) if (!chosen.includes(option.value)) chosen.push(option.value);
  }
  return { ok: true, value: chosen };
}

/**
 * "barn og unge og skrøpelege eldre" is two options, but "og" is also inside "Barn og unge":
 * take the longest run of words joined by og/and/+/& that names an option, then go on after it.
 */
function matchJoined(options: ReferenceOption[], token: string): ReferenceOption[] | undefined {
  const pieces = token.split(/(\s+(?:og|and|\+|&)\s+)/i); // parts at even indexes, separators between
  const parts = Math.ceil(pieces.length / 2);
  const found: ReferenceOption[] = [];
  for (let start = 0; start < parts;) {
    let end = parts;
    let option: ReferenceOption | undefined;
    for (; end > start && !option; end--)
      option = matchOption(options, pieces.slice(2 * start, 2 * end - 1).join(''));
    if (!option) return undefined;
    found.push(option);
    start = end + 1;
  }
  return found;
}

/** Validates an answer typed in the chat. */
export function validateTyped(field: FormField, text: string): ValidationResult {
  if (field.kind === 'singleChoice' || field.kind === 'multiChoice') return parseChoices(field, text);
  return checkText(field, text);
}

/**
 * Validates values submitted from a card. Card data comes from the client and is checked like any
 * other input: only known option values pass.
 */
export function validateSubmitted(field: FormField, submitted: unknown): ValidationResult {
  const options = field.options ?? [];
  if (field.kind === 'singleChoice' || field.kind === 'multiChoice') {
    if (typeof submitted !== 'string') return { ok: false, error: { code: 'required' } };
    // Adaptive Cards send a multi-select as one comma-separated string of values.
    const values = submitted
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.some((v) => !options.some((o) => o.value === v))) {
      return { ok: false, error: { code: 'choice', options } };
    }
    if (field.kind === 'singleChoice') {
      return values.length === 1
        ? { ok: true, value: values[0] as string }
        : { ok: false, error: { code: 'required' } };
    }
    return { ok: true, value: [...new Set(values)] };
  }
  if (typeof submitted !== 'string') return { ok: false, error: { code: 'required' } };
  return checkText(field, submitted);
}

/** How an answer reads to a person: option labels for choices, the text itself otherwise. */
export function displayAnswer(
  field: FormField,
  value: AnswerValue | undefined,
  lang: Lang,
): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) || field.options) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => field.options?.find((o) => o.value === v)?.label[lang] ?? v).join('\n');
  }
  return value;
}
