import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type {
  NotificationRecord,
  NotificationRepository,
  NotificationStatus,
} from '../domain/notifications/notificationModel';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey } from './keys';
import { isConflict, isNotFound } from './tableErrors';

type Row = Record<string, unknown>;

/** The outbox in Table Storage: one partition per case, row key = the notification's id. */
export class TableNotificationRepository implements NotificationRepository {
  constructor(private readonly table: TableClient) {}

  async add(n: NotificationRecord): Promise<boolean> {
    try {
      await this.table.createEntity(toEntity(n));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async get(caseNumber: string, id: string): Promise<NotificationRecord | undefined> {
    try {
      return fromEntity(await this.table.getEntity<Row>(encodeKey(caseNumber), encodeKey(id)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async claim(n: NotificationRecord, leaseUntil: Date): Promise<NotificationRecord | undefined> {
    if (!n.etag) throw new Error('claim needs the version that was read');
    const claimed: NotificationRecord = { ...n, status: 'sending', leaseUntil: leaseUntil.toISOString() };
    try {
      await this.table.updateEntity(toEntity(claimed), 'Replace', { etag: n.etag });
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
    return this.get(n.caseNumber, n.id);
  }

  async save(n: NotificationRecord): Promise<void> {
    await this.table.upsertEntity(toEntity(n), 'Replace');
  }

  async listByCase(caseNumber: string): Promise<NotificationRecord[]> {
    return this.query(odata`PartitionKey eq ${encodeKey(caseNumber)}`);
  }

  listUnsent(): Promise<NotificationRecord[]> {
    return this.query(odata`status eq ${'pending'} or status eq ${'failed'} or status eq ${'sending'}`);
  }

  listUndelivered(): Promise<NotificationRecord[]> {
    return this.query(odata`status eq ${'failed'} or status eq ${'undeliverable'}`);
  }

  private async query(filter: string): Promise<NotificationRecord[]> {
    const result: NotificationRecord[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      result.push(fromEntity(row));
    }
    return result.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}

function toEntity(n: NotificationRecord): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: encodeKey(n.caseNumber),
    rowKey: encodeKey(n.id),
    id: n.id,
    caseNumber: n.caseNumber,
    kind: n.kind,
    recipient: n.recipient,
    label: n.label,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError ?? '',
    lastStatus: n.lastStatus ?? 0,
    createdAt: n.createdAt,
    nextAttemptAt: n.nextAttemptAt ?? '',
    leaseUntil: n.leaseUntil ?? '',
    sentAt: n.sentAt ?? '',
    activityId: n.activityId ?? '',
    conversationId: n.conversationId ?? '',
    ...(n.activity ? packJson(n.activity, 'activity') : {}),
  };
}

function fromEntity(row: TableEntityResult<Row>): NotificationRecord {
  const optional = (key: string) => (row[key] ? { [key]: row[key] as string } : {});
  return {
    id: row.id as string,
    caseNumber: row.caseNumber as string,
    kind: row.kind as NotificationRecord['kind'],
    recipient: row.recipient as string,
    label: row.label as string,
    status: row.status as NotificationStatus,
    attempts: row.attempts as number,
    createdAt: row.createdAt as string,
    ...optional('lastError'),
    ...(row.lastStatus ? { lastStatus: row.lastStatus as number } : {}),
    ...optional('nextAttemptAt'),
    ...optional('leaseUntil'),
    ...optional('sentAt'),
    ...optional('activityId'),
    ...optional('conversationId'),
    ...(typeof row.activityChunks === 'number'
      ? { activity: unpackJson<Record<string, unknown>>(row, 'activity') }
      : {}),
    etag: row.etag,
  };
}
