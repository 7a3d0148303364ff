import { readAllPages, type CaseListSource } from '../../bot/domain/cases/caseList';
import type { CaseRecord, CaseState } from '../../bot/domain/cases/caseModel';
import type { CaseRepository } from '../../bot/domain/cases/caseRepository';

/** Whole stored cases of a list, oldest first: each opened by its number, as a test wants to see all of it. */
async function casesFrom(
  cases: CaseRepository,
  source: CaseListSource,
  state?: CaseState,
): Promise<CaseRecord[]> {
  const entries = await readAllPages((after) =>
    cases.listPage({
      sources: [source],
      limit: 200,
      ...(state ? { state } : {}),
      ...(after ? { after } : {}),
    }),
  );
  const records = await Promise.all(entries.reverse().map((entry) => cases.get(entry.number)));
  return records.filter((r): r is CaseRecord => r !== undefined);
}

/** The cases a person submitted, oldest first. */
export function casesOf(cases: CaseRepository, submitterId: string): Promise<CaseRecord[]> {
  return casesFrom(cases, { kind: 'submitter', submitterId });
}

/** The cases in a state, oldest first. */
export function casesIn(cases: CaseRepository, state: CaseState): Promise<CaseRecord[]> {
  return casesFrom(cases, { kind: 'all' }, state);
}
