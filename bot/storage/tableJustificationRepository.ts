import { odata, type TableClient } from '@azure/data-tables';
import type { Localized } from '../domain/i18n/language';
import {
  DEFAULT_JUSTIFICATIONS,
  type Justification,
  type JustificationRepository,
} from '../domain/routing/justifications';
import { isConflict, isNotFound, retryOnConflict } from './tableErrors';

type Row = Record<string, unknown>;
const PARTITION = 'standard';
const META = 'meta';

/**
 * Standard justifications in Table Storage: partition 'standard', one row per justification, and a
 * 'meta' partition row that remembers the defaults were seeded (so a removed default stays removed)
 * and hands out the next id.
 */
export class TableJustificationRepository implements JustificationRepository {
  constructor(private readonly table: TableClient) {}

  async seedDefaults(now: Date): Promise<void> {
    try {
      await this.table.createEntity({ partitionKey: META, rowKey: 'seeded', at: now.toISOString(), last: 0 });
    } catch (error) {
      if (isConflict(error)) return;
      throw error;
    }
    for (const d of DEFAULT_JUSTIFICATIONS) {
      await this.table.upsertEntity(
        {
          partitionKey: PARTITION,
          rowKey: d.id,
          ...d.text,
          updatedBy: 'default',
          updatedAt: now.toISOString(),
        },
        'Replace',
      );
    }
  }

  async list(): Promise<Justification[]> {
    const rows = this.table.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
    });
    const result: Justification[] = [];
    for await (const row of rows) {
      result.push({
        id: row.rowKey as string,
        text: { nn: row.nn as string, nb: row.nb as string, en: row.en as string },
        updatedBy: row.updatedBy as string,
        updatedAt: row.updatedAt as string,
      });
    }
    return result.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  }

  async save(input: { id?: string; text: string; by: string; now: Date }): Promise<Justification> {
    const id = input.id ?? (await this.nextId());
    const text: Localized = { nn: input.text, nb: input.text, en: input.text };
    const updatedAt = input.now.toISOString();
    await this.table.upsertEntity(
      { partitionKey: PARTITION, rowKey: id, ...text, updatedBy: input.by, updatedAt },
      'Replace',
    );
    return { id, text, updatedBy: input.by, updatedAt };
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(PARTITION, id);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private nextId(): Promise<string> {
    return retryOnConflict(async () => {
      const existing = await this.list();
      const highest = Math.max(
        DEFAULT_JUSTIFICATIONS.length,
        ...existing.map((j) => Number(j.id.slice(1)) || 0),
      );
      const id = `j${highest + 1}`;
      // Claim the id: a concurrent add of the same id fails with 409 and tries the next one.
      await this.table.createEntity({ partitionKey: PARTITION, rowKey: id, nn: '', nb: '', en: '' });
      return id;
    });
  }
}
