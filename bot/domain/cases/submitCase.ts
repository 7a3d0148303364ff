import { FORM_FIELDS, type Answers } from '../form/intakeForm';
import type { Lang } from '../i18n/language';
import { osloYear } from '../time';
import type { Person } from '../person';
import { formatCaseNumber, type CaseRecord } from './caseModel';
import type { CaseRepository } from './caseRepository';

export class IncompleteCaseError extends Error {
  constructor(readonly missing: string[]) {
    super(`Required answers missing: ${missing.join(', ')}`);
  }
}

export function missingRequired(answers: Answers): string[] {
  return FORM_FIELDS.filter((f) => f.required && (answers[f.id] === undefined || answers[f.id] === '')).map(
    (f) => f.id,
  );
}

/** Stores a reviewed draft as a new case in state `submitted`, with its number and first history entry. */
export async function submitCase(
  repository: CaseRepository,
  input: { draftId: string; answers: Answers; submitter: Person; lang: Lang; now: Date },
): Promise<CaseRecord> {
  const missing = missingRequired(input.answers);
  if (missing.length > 0) throw new IncompleteCaseError(missing);
  const at = input.now.toISOString();
  const year = osloYear(input.now);
  const email = input.answers.email;
  return repository.create({
    year,
    idempotencyKey: input.draftId,
    build: (seq) => {
      const number = formatCaseNumber(year, seq);
      return {
        record: {
          number,
          year,
          seq,
          title: String(input.answers.title),
          state: 'submitted',
          answers: input.answers,
          submitter: {
            ...input.submitter,
            lang: input.lang,
            ...(typeof email === 'string' ? { email } : {}),
          },
          submittedAt: at,
          updatedAt: at,
          historyCount: 1,
        },
        firstTransition: { caseNumber: number, seq: 1, at, by: input.submitter, from: null, to: 'submitted' },
      };
    },
  });
}
