import type { StorageConfig } from '../../bot/config';
import type { Answers } from '../../bot/domain/form/intakeForm';
import type { CaseRecord, CaseTransition } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { NotificationRecord } from '../../bot/domain/notifications/notificationModel';
import type { Person } from '../../bot/domain/person';
import type { RoleAssignment } from '../../bot/domain/roles/roles';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { TableRoleRepository } from '../../bot/storage/tableRoleRepository';
import { TableStateStorage } from '../../bot/storage/tableStateStorage';
import { casesOf } from './storedCases';

/** An outbox row as stored; `activityId` is '' until sent (for a card update: the card it updates). */
export type OutboxRow = Pick<
  NotificationRecord,
  'id' | 'caseNumber' | 'kind' | 'recipient' | 'status' | 'activityId' | 'label' | 'attempts'
>;

/** What the server processes stored, read straight from their tables (they share the storage). */
export class StoredState {
  private readonly account: StorageAccount;

  constructor(storage: StorageConfig, tablePrefix: string) {
    this.account = new StorageAccount(storage, tablePrefix);
  }

  private get cases(): TableCaseRepository {
    return new TableCaseRepository(this.account.table('cases'));
  }

  /** The answers of the intake draft in a Teams conversation's state, if a draft is open. */
  async draftAnswers(conversationId: string): Promise<Answers | undefined> {
    const key = `msteams/conversations/${conversationId}/`;
    const items = await new TableStateStorage(this.account.table('botState')).read([key]);
    const state = items[key] as { intake?: { draft?: { answers?: Answers } } } | undefined;
    return state?.intake?.draft?.answers;
  }

  casesOf(submitterId: string): Promise<CaseRecord[]> {
    return casesOf(this.cases, submitterId);
  }

  history(caseNumber: string): Promise<CaseTransition[]> {
    return this.cases.history(caseNumber);
  }

  /** The number of every stored case (every year), read from the case rows themselves. */
  async caseNumbers(): Promise<string[]> {
    const numbers: string[] = [];
    const rows = this.account.table('cases').listEntities<{ number: string }>({
      queryOptions: { filter: "kind eq 'case'", select: ['number'] },
    });
    for await (const row of rows) numbers.push(row.number);
    return numbers.sort();
  }

  /** Steps whose notifications have not been queued yet ("to notify" marks), however recent. */
  async unnotifiedSteps(): Promise<number> {
    return (await this.cases.unnotified(new Date(Date.now() + 24 * 3600_000))).length;
  }

  /** Every row of the outbox, with what a test compares (the activity itself left out). */
  async notifications(): Promise<OutboxRow[]> {
    const rows: OutboxRow[] = [];
    const entities = this.account.table('notifications').listEntities<OutboxRow>({
      queryOptions: {
        select: ['id', 'caseNumber', 'kind', 'recipient', 'status', 'activityId', 'label', 'attempts'],
      },
    });
    for await (const { id, caseNumber, kind, recipient, status, activityId, label, attempts } of entities) {
      rows.push({ id, caseNumber, kind, recipient, status, activityId, label, attempts });
    }
    return rows;
  }

  /** Grants a role as an administrator would (committee roles are not bootstrapped from settings). */
  grant(assignment: RoleAssignment): Promise<void> {
    return new TableRoleRepository(this.account.table('roles'), this.account.table('roleAudit')).grant(
      assignment,
    );
  }

  /** Submits a case as the intake dialog does, as of `at` (a case that has waited since then). */
  submitAsOf(at: Date, draftId: string, answers: Answers, submitter: Person): Promise<CaseRecord> {
    return submitCase(this.cases, { draftId, answers, submitter, lang: 'nn', now: at });
  }
}
