import type { CaseRecord } from '../cases/caseModel';
import { LIMITS } from '../plans/planInput';

/**
 * What a new measure made from a case starts with, before the committee's leadership edits it: the
 * case's title as the measure's text and the submitting organisation (else the submitter) as the
 * one responsible. Shared by the tab's form (prefilled) and the server (when a field is left out).
 */
export function measureDraftFromCase(
  record: Pick<CaseRecord, 'title' | 'answers'> & { submitter: { name: string } },
): {
  text: string;
  responsible: string;
} {
  const organisation = record.answers.organisation;
  const responsible =
    typeof organisation === 'string' && organisation.trim() ? organisation : record.submitter.name;
  return {
    text: record.title.trim().slice(0, LIMITS.measureText),
    responsible: responsible.trim().slice(0, LIMITS.responsible),
  };
}
