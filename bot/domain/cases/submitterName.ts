import type { Person } from '../person';
import type { CaseRecord } from './caseModel';

/**
 * Who submitted the case, as people should read it: the name typed in the form ("Kven melder
 * saka", the official answer), and the Teams identity that sent it where that name differs (someone
 * may submit for a committee leader, or Teams may show another display name). Cards, the tab and the
 * CSV all show this, so the submitter is named the same everywhere.
 */
export interface SubmitterName {
  name: string;
  /** The Teams display name, only where it differs from the form's name. */
  teamsName?: string;
}

export function submitterName(record: Pick<CaseRecord, 'answers' | 'submitter'>): SubmitterName {
  const typed = record.answers.submitterName;
  const formName = typeof typed === 'string' ? typed.trim() : '';
  const teamsName = record.submitter.name.trim();
  if (!formName) return { name: teamsName };
  return teamsName && teamsName !== formName ? { name: formName, teamsName } : { name: formName };
}

/** The same in one line without words of any language, for exports: "Runa Bakke (Alex Wilber)". */
export function submitterLine(record: Pick<CaseRecord, 'answers' | 'submitter'>): string {
  const { name, teamsName } = submitterName(record);
  return teamsName ? `${name} (${teamsName})` : name;
}

/** Whether a history entry's actor is the submitter (then shown with the form's name). */
export function isSubmitter(
  record: Pick<CaseRecord, 'submitter'>,
  person: Pick<Person, 'name'> & { id?: string },
): boolean {
  return person.id === record.submitter.id;
}
