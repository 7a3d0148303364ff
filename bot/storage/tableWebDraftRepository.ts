import { odata, type TableClient } from '@azure/data-tables';
import type { Answers } from '../domain/form/intakeForm';
import type { Lang } from '../domain/i18n/language';
import type { WebDraft } from '../domain/webIntake/webDraft';
import type { WebDraftRepository } from '../domain/webIntake/webIntakeService';
import { packJson, unpackJson } from './chunkedJson';
import { isNotFound } from './tableErrors';

type Row = Record<string, unknown>;
const PARTITION = 'draft';

/**
 * Drafts of the public intake page: partition 'draft', one row per draft id (the cookie's random
 * value), the answers as chunked JSON. Only the person holding the cookie edits a draft, so the
 * last write wins.
 */
export class TableWebDraftRepository implements WebDraftRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<WebDraft | undefined> {
    try {
      const row = await this.table.getEntity<Row>(PARTITION, id);
      return {
        id,
        csrf: row.csrf as string,
        lang: row.lang as Lang,
        answers: unpackJson<Answers>(row, 'answers'),
        createdAt: row.createdAt as string,
        expiresAt: row.expiresAt as string,
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async save(draft: WebDraft): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: PARTITION,
        rowKey: draft.id,
        csrf: draft.csrf,
        lang: draft.lang,
        createdAt: draft.createdAt,
        expiresAt: draft.expiresAt,
        ...packJson(draft.answers, 'answers'),
      },
      'Replace',
    );
  }

  async remove(id: string): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async purgeExpired(at: Date): Promise<number> {
    const rows = this.table.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey eq ${PARTITION} and expiresAt le ${at.toISOString()}`,
        select: ['RowKey'],
      },
    });
    let removed = 0;
    for await (const row of rows) {
      await this.remove(row.rowKey as string);
      removed++;
    }
    return removed;
  }
}
