import type { YearCounts } from '../reports/caseCounts';
import type { CaseListPage, CaseListQuery } from './caseList';
import type { CaseRecord, CaseTransition } from './caseModel';

export interface NewCase {
  year: number;
  /** The draft's id: a second create with the same key returns the first case instead of a new one. */
  idempotencyKey: string;
  build(seq: number): { record: Omit<CaseRecord, 'etag'>; firstTransition: CaseTransition };
}

/** What the domain needs from case storage. The Table Storage implementation is in bot/storage. */
export interface CaseRepository {
  /** Gives the case the next number of its year and stores it with its first history entry, atomically. */
  create(newCase: NewCase): Promise<CaseRecord>;
  get(number: string): Promise<CaseRecord | undefined>;
  /** The case stored from this draft, if it was submitted (whatever the year). */
  findByDraft(draftId: string): Promise<CaseRecord | undefined>;
  history(number: string): Promise<CaseTransition[]>;
  /**
   * One page of a list of cases, newest first, from the list rows kept beside each case (no case is
   * opened). Who may see what is not decided here: see CaseQueries.
   */
  listPage(query: CaseListQuery): Promise<CaseListPage>;
  /** Each year's counters (caseCounts.ts), oldest year first. */
  yearCounts(): Promise<YearCounts[]>;
  /**
   * Applies a transition if the case is still at `expected.etag`: updates the case and appends the
   * history entry in one transaction. Returns undefined when someone else changed the case first.
   */
  transition(expected: CaseRecord, next: CaseRecord, entry: CaseTransition): Promise<CaseRecord | undefined>;
  /**
   * Every stored step (the submission and each transition) leaves a "to notify" mark, written in the
   * same transaction as the step, until the people who must hear of it have their notifications
   * queued. A crash between the two therefore loses nothing: the periodic job finds the marks.
   */
  unnotified(olderThan: Date): Promise<{ caseNumber: string; seq: number }[]>;
  markNotified(caseNumber: string, seq: number): Promise<void>;
}
