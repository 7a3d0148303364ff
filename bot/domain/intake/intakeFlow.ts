import { FORM_FIELDS, fieldById, type Answers, type FieldId, type FormField } from '../form/intakeForm';
import { validateSubmitted, validateTyped, type ValidationError } from '../form/validation';
import { missingRequired } from '../cases/submitCase';
import { GLOBAL_COMMANDS, type Command } from './commands';

/**
 * The intake conversation as a pure state machine: a draft, an input, and what happens next.
 * The Bot Framework dialog stores the draft in Table Storage between turns and renders the effects;
 * nothing here knows about Teams.
 */
export interface IntakeDraft {
  /** Random id; the case stored from this draft remembers it, so a double submit stores one case. */
  id: string;
  answers: Answers;
  /** The field being asked, or 'review' when the summary is shown. */
  cursor: FieldId | 'review';
  /** Set when a field is changed from the summary: after it, go back to the summary. */
  returnToReview: boolean;
  /** Set when the person came back after a while and was asked to continue or discard. */
  awaitingResume: boolean;
  /** Set while "discard the draft with its answers?" is asked (after "avbryt"). */
  confirmingCancel?: boolean;
  /** Set when "ny sak" led to the continue-or-discard offer: discarding then starts the new case. */
  newCaseAfterDiscard?: boolean;
  /**
   * Counts the steps taken; every card names the draft and this version, so a button on an older
   * card (or on another draft's card) is recognised instead of acting on what is open now.
   */
  version?: number;
  startedAt: string;
  touchedAt: string;
  prefill: { name?: string; email?: string };
}

/** The draft and version a card was drawn for, sent back with each of its buttons. */
export interface CardOrigin {
  draftId: string;
  version: number;
}

export type IntakeInput =
  | { kind: 'text'; text: string; command?: Command }
  | { kind: 'card'; action: 'answer'; field: string; value: unknown; origin?: CardOrigin }
  | { kind: 'card'; action: 'edit'; field: string; origin?: CardOrigin }
  | { kind: 'card'; action: 'command'; command: Command; origin?: CardOrigin };

/**
 * Whether a card button belongs to the draft as it stands: 'otherDraft' for a card of another (or
 * no longer open) draft, 'outdated' for an older card of this one. Commands that mean the same
 * everywhere ("ny sak", "hjelp", "status") need no origin.
 */
export function cardOriginCheck(
  draft: IntakeDraft | undefined,
  input: IntakeInput,
): 'ok' | 'otherDraft' | 'outdated' {
  if (input.kind !== 'card') return 'ok';
  if (input.action === 'command' && GLOBAL_COMMANDS.includes(input.command)) return 'ok';
  if (!draft || !input.origin || input.origin.draftId !== draft.id) return 'otherDraft';
  return input.origin.version === versionOf(draft) ? 'ok' : 'outdated';
}

export function versionOf(draft: IntakeDraft): number {
  return draft.version ?? 0;
}

export type IntakeEffect =
  | { type: 'ask'; field: FormField; error?: ValidationError; notice?: 'cannotSkip' | 'atFirstQuestion' }
  | { type: 'review'; hint?: boolean }
  | { type: 'resumeOffer' }
  | { type: 'confirmCancel' }
  | { type: 'continuing' }
  | { type: 'submit' }
  /** The draft is discarded; `startNew` when the person had asked for a new case. */
  | { type: 'cancel'; startNew?: boolean };

export function startDraft(id: string, now: Date, prefill: IntakeDraft['prefill']): IntakeDraft {
  const first = FORM_FIELDS[0];
  if (!first) throw new Error('The intake form has no fields');
  return {
    id,
    answers: {},
    cursor: first.id,
    returnToReview: false,
    awaitingResume: false,
    startedAt: now.toISOString(),
    touchedAt: now.toISOString(),
    prefill,
  };
}

function currentField(draft: IntakeDraft): FormField | undefined {
  return draft.cursor === 'review' ? undefined : fieldById(draft.cursor);
}

/** What to show now for the draft as it stands (first question, reprompt after help, language switch). */
export function promptFor(draft: IntakeDraft): IntakeEffect {
  if (draft.awaitingResume) return { type: 'resumeOffer' };
  if (draft.confirmingCancel) return { type: 'confirmCancel' };
  const field = currentField(draft);
  return field ? { type: 'ask', field } : { type: 'review' };
}

function indexOf(id: FieldId): number {
  return FORM_FIELDS.findIndex((f) => f.id === id);
}

function moveTo(draft: IntakeDraft, cursor: FieldId | 'review'): IntakeDraft {
  return { ...draft, cursor, returnToReview: cursor === 'review' ? false : draft.returnToReview };
}

function advance(draft: IntakeDraft, from: FormField): { draft: IntakeDraft; effect: IntakeEffect } {
  if (draft.returnToReview) {
    const next = moveTo({ ...draft, returnToReview: false }, 'review');
    return { draft: next, effect: { type: 'review' } };
  }
  const following = FORM_FIELDS[indexOf(from.id) + 1];
  const next = moveTo(draft, following ? following.id : 'review');
  return { draft: next, effect: promptFor(next) };
}

function answer(draft: IntakeDraft, field: FormField, value: Answers[FieldId]): IntakeDraft {
  const answers = { ...draft.answers };
  if (value === undefined) delete answers[field.id];
  else answers[field.id] = value;
  return { ...draft, answers };
}

/** Whether a draft left alone this long should be offered as "continue or discard" first. */
export function isStale(draft: IntakeDraft, now: Date, resumeAfterMinutes: number): boolean {
  return now.getTime() - new Date(draft.touchedAt).getTime() > resumeAfterMinutes * 60_000;
}

export function step(
  draft: IntakeDraft,
  input: IntakeInput,
  now: Date,
): { draft: IntakeDraft; effect: IntakeEffect } {
  const touched = { ...draft, touchedAt: now.toISOString(), version: versionOf(draft) + 1 };
  const command =
    input.kind === 'text'
      ? input.command
      : input.kind === 'card' && input.action === 'command'
        ? input.command
        : undefined;

  if (command === 'newCase' && !touched.awaitingResume) {
    const offering = { ...touched, awaitingResume: true, confirmingCancel: false, newCaseAfterDiscard: true };
    return { draft: offering, effect: { type: 'resumeOffer' } };
  }
  if (touched.awaitingResume || touched.confirmingCancel) {
    // The person is being asked "continue or discard?": only an answer to that counts.
    if (command === 'discard' || command === 'cancel' || (touched.confirmingCancel && command === 'yes')) {
      // "Forkast utkastet" after "ny sak" goes on to the new case; "avbryt" stops there.
      const startNew = command === 'discard' && touched.newCaseAfterDiscard === true;
      return { draft: touched, effect: { type: 'cancel', startNew } };
    }
    if (command === 'continue' || command === 'back' || command === 'yes') {
      const resumed = {
        ...touched,
        awaitingResume: false,
        confirmingCancel: false,
        newCaseAfterDiscard: false,
      };
      return { draft: resumed, effect: { type: 'continuing' } };
    }
    return { draft: touched, effect: promptFor(touched) };
  }
  if (command === 'cancel' || command === 'discard') {
    // Nothing typed yet is nothing lost; otherwise ask before throwing answers away.
    if (Object.keys(touched.answers).length === 0) return { draft: touched, effect: { type: 'cancel' } };
    return { draft: { ...touched, confirmingCancel: true }, effect: { type: 'confirmCancel' } };
  }

  if (input.kind === 'card' && input.action === 'edit') {
    const field = fieldById(input.field);
    if (!field) return { draft: touched, effect: promptFor(touched) };
    const editing = { ...touched, cursor: field.id, returnToReview: true };
    return { draft: editing, effect: { type: 'ask', field } };
  }

  const field = currentField(touched);
  if (!field) return review(touched, command);

  if (command === 'back') {
    if (touched.returnToReview) return { draft: moveTo(touched, 'review'), effect: { type: 'review' } };
    const previous = FORM_FIELDS[indexOf(field.id) - 1];
    if (!previous) return { draft: touched, effect: { type: 'ask', field, notice: 'atFirstQuestion' } };
    return { draft: moveTo(touched, previous.id), effect: { type: 'ask', field: previous } };
  }
  if (command === 'skip') {
    if (field.required) return { draft: touched, effect: { type: 'ask', field, notice: 'cannotSkip' } };
    return advance(answer(touched, field, undefined), field);
  }
  if (command === 'continue') return { draft: touched, effect: { type: 'ask', field } };

  if (input.kind === 'card' && input.action === 'answer') {
    // A click on the card of an earlier question: show the current one instead of guessing.
    if (input.field !== field.id) return { draft: touched, effect: { type: 'ask', field } };
    const result = validateSubmitted(field, input.value);
    if (!result.ok) return { draft: touched, effect: { type: 'ask', field, error: result.error } };
    return advance(answer(touched, field, result.value), field);
  }

  // "Behald svaret" keeps the answer already given (after "tilbake" or "Endre").
  const current = touched.answers[field.id];
  if (command === 'keep' && current !== undefined) return advance(touched, field);

  // "ja" (typed or the card's button) takes the value Teams gave for this field.
  const prefilled = field.prefill ? touched.prefill[field.prefill] : undefined;
  if (command === 'yes' && prefilled) {
    const result = validateTyped(field, prefilled);
    if (!result.ok) return { draft: touched, effect: { type: 'ask', field, error: result.error } };
    return advance(answer(touched, field, result.value), field);
  }
  if (input.kind !== 'text') return { draft: touched, effect: { type: 'ask', field } };

  const result = validateTyped(field, input.text);
  if (!result.ok) return { draft: touched, effect: { type: 'ask', field, error: result.error } };
  return advance(answer(touched, field, result.value), field);
}

function review(
  draft: IntakeDraft,
  command: Command | undefined,
): { draft: IntakeDraft; effect: IntakeEffect } {
  if (command === 'submit') {
    const missing = missingRequired(draft.answers)[0];
    const field = missing ? fieldById(missing) : undefined;
    if (field)
      return { draft: { ...moveTo(draft, field.id), returnToReview: true }, effect: { type: 'ask', field } };
    return { draft, effect: { type: 'submit' } };
  }
  if (command === 'back') {
    const last = FORM_FIELDS[FORM_FIELDS.length - 1];
    if (last) return { draft: moveTo(draft, last.id), effect: { type: 'ask', field: last } };
  }
  return { draft, effect: { type: 'review', hint: true } };
}
