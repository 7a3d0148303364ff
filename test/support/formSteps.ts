import type { Activity } from 'botbuilder';
import { FORM_FIELDS, type Answers, type FieldId } from '../../bot/domain/form/intakeForm';
import { REFERENCE_CASE, REFERENCE_STORED } from '../fixtures/referenceCase';
import { command, submitData, type TestUser } from './botHarness';

/** One message of a person filling in the form: an answer typed, or a button pressed on the last card. */
export type FormStep =
  { text: string; press?: never } | { press: (data: Record<string, unknown>) => boolean; text?: never };

/**
 * What a step sends, as Teams would: typed text as it is; a pressed button as that button's own data
 * on the last card the bot sent this person, so it names the draft and version the card was drawn
 * for. Build it once per step and send that same activity again to repeat it, as the channel does.
 */
export function stepMessage(user: TestUser, step: FormStep): Partial<Activity> {
  return step.press
    ? { type: 'message', value: submitData(user.received(), step.press) }
    : { type: 'message', text: step.text };
}

const FREE_TEXT: readonly FieldId[] = [
  'title',
  'submitterName',
  'organisation',
  'background',
  'whatFails',
  'patientGroups',
  'serviceProviders',
  'changeNeeds',
  'previousAttempts',
  'solution',
  'economy',
  'references',
];

/**
 * The reference case made this conversation's own: every free-text answer carries `mark`, e-mail
 * and phone differ, so an answer stored under the wrong question, or another conversation's answer,
 * shows. Urgency and submit are clicked on the card; everything else is typed.
 */
export function markedCase(mark: number): { steps: FormStep[]; stored: Answers } {
  const typed: Record<FieldId, string> = { ...REFERENCE_CASE };
  for (const id of FREE_TEXT) typed[id] = `${REFERENCE_CASE[id]} (#${mark})`;
  typed.email = `runa.bakke+${mark}@orsta.kommune.no`;
  typed.phone = String(91_620_000 + mark);
  const stored: Answers = { ...REFERENCE_STORED };
  for (const id of [...FREE_TEXT, 'email', 'phone'] as const) stored[id] = typed[id];
  const steps: FormStep[] = [{ text: 'ny sak' }];
  for (const field of FORM_FIELDS) {
    steps.push(
      field.id === 'urgency'
        ? { press: (d) => d.intake === 'answer' && d.field === 'urgency' && d.value === 'medium' }
        : { text: typed[field.id] },
    );
  }
  steps.push({ press: command('submit') });
  return { steps, stored };
}
