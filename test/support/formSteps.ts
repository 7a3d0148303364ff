import type { Activity } from 'botbuilder';
import { FORM_FIELDS, type Answers, type FieldId } from '../../bot/domain/form/intakeForm';
import { REFERENCE_CASE, REFERENCE_STORED } from '../fixtures/referenceCase';

/** One message of a person filling in the form: what they send, as text or as a card's submit. */
export type FormStep = Pick<Partial<Activity>, 'type' | 'text' | 'value'>;

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
  const steps: FormStep[] = [{ type: 'message', text: 'ny sak' }];
  for (const field of FORM_FIELDS) {
    steps.push(
      field.id === 'urgency'
        ? { type: 'message', value: { intake: 'answer', field: 'urgency', value: 'medium' } }
        : { type: 'message', text: typed[field.id] },
    );
  }
  steps.push({ type: 'message', value: { intake: 'command', command: 'submit' } });
  return { steps, stored };
}
