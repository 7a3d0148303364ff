import type { StorageConfig } from '../../bot/config';
import type { Answers } from '../../bot/domain/form/intakeForm';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { TableStateStorage } from '../../bot/storage/tableStateStorage';

/** What the server processes stored, read straight from their tables (they share the storage). */
export class StoredState {
  private readonly account: StorageAccount;

  constructor(storage: StorageConfig, tablePrefix: string) {
    this.account = new StorageAccount(storage, tablePrefix);
  }

  /** The answers of the intake draft in a Teams conversation's state, if a draft is open. */
  async draftAnswers(conversationId: string): Promise<Answers | undefined> {
    const key = `msteams/conversations/${conversationId}/`;
    const items = await new TableStateStorage(this.account.table('botState')).read([key]);
    const state = items[key] as { intake?: { draft?: { answers?: Answers } } } | undefined;
    return state?.intake?.draft?.answers;
  }

  casesOf(submitterId: string): Promise<CaseRecord[]> {
    return new TableCaseRepository(this.account.table('cases')).listBySubmitter(submitterId);
  }
}
