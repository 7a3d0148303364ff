import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { CaseLink, CaseLinkRepository } from '../domain/caseLinks/caseLink';
import { encodeKey } from './keys';
import { isConflict, isNotFound } from './tableErrors';

type Row = Record<string, unknown>;

/**
 * Case ↔ measure links in their own table, `CaseLinks`, two rows per link so that each direction is
 * one partition query:
 *
 *   PartitionKey case-<case number>     RowKey <committee>|<measure>   the link itself (the truth)
 *   PartitionKey plan-<committee>       RowKey <measure>|<case number> its mirror, for the board
 *
 * The two partitions cannot share a transaction, so the writes are ordered and the case row says
 * whether its mirror is known to be in place (`mirrored`): an add creates the case row (the create
 * is what makes a link unique), writes the mirror, then marks the case row mirrored; a remove first
 * unmarks the case row (conditioned on its ETag), deletes the mirror, then the case row. Reading a
 * case's links repairs any row left unmirrored by an interrupted add or remove: the mirror is written
 * again, so an interrupted remove leaves the link in place (as before the remove) and can be retried.
 */
const caseKey = (caseNumber: string) => `case-${encodeKey(caseNumber)}`;
const planKey = (committeeId: string) => `plan-${encodeKey(committeeId)}`;
const caseRowKey = (committeeId: string, measureId: string) =>
  `${encodeKey(committeeId)}|${encodeKey(measureId)}`;
const planRowKey = (measureId: string, caseNumber: string) =>
  `${encodeKey(measureId)}|${encodeKey(caseNumber)}`;

function fields(link: CaseLink): Row {
  return {
    caseNumber: link.caseNumber,
    committeeId: link.committeeId,
    measureId: link.measureId,
    byId: link.by.id,
    byName: link.by.name,
    at: link.at,
  };
}

function linkOf(row: Row): CaseLink {
  return {
    caseNumber: row.caseNumber as string,
    committeeId: row.committeeId as string,
    measureId: row.measureId as string,
    by: { id: row.byId as string, name: row.byName as string },
    at: row.at as string,
  };
}

const byTime = (a: CaseLink, b: CaseLink) =>
  a.at.localeCompare(b.at) || a.measureId.localeCompare(b.measureId);

export class TableCaseLinkRepository implements CaseLinkRepository {
  constructor(private readonly table: TableClient) {}

  async linksOfCase(caseNumber: string): Promise<CaseLink[]> {
    const rows = await this.partition(caseKey(caseNumber));
    for (const row of rows) if (row.mirrored !== true) await this.mirror(row, row.etag);
    return rows.map(linkOf).sort(byTime);
  }

  async linksOfPlan(committeeId: string): Promise<CaseLink[]> {
    return (await this.partition(planKey(committeeId))).map(linkOf).sort(byTime);
  }

  async add(link: CaseLink): Promise<boolean> {
    const row = {
      partitionKey: caseKey(link.caseNumber),
      rowKey: caseRowKey(link.committeeId, link.measureId),
      ...fields(link),
      mirrored: false,
    };
    let etag: string | undefined;
    try {
      etag = (await this.table.createEntity(row)).etag;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
    if (!etag) throw new Error('Table Storage gave no ETag for a created row');
    await this.mirror(row, etag);
    return true;
  }

  async remove(caseNumber: string, committeeId: string, measureId: string): Promise<boolean> {
    const partitionKey = caseKey(caseNumber);
    const rowKey = caseRowKey(committeeId, measureId);
    let row: TableEntityResult<Row>;
    try {
      row = await this.table.getEntity<Row>(partitionKey, rowKey);
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    let etag: string | undefined;
    try {
      etag = (
        await this.table.updateEntity({ partitionKey, rowKey, mirrored: false }, 'Merge', { etag: row.etag })
      ).etag;
    } catch (error) {
      // Someone else removed or repaired it meanwhile: theirs is the answer.
      if (isConflict(error) || isNotFound(error)) return false;
      throw error;
    }
    await this.deleteQuietly(planKey(committeeId), planRowKey(measureId, caseNumber));
    try {
      // Conditioned on the unmarking: a repair that wrote the mirror again meanwhile keeps the link.
      await this.table.deleteEntity(partitionKey, rowKey, { etag });
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return false;
      throw error;
    }
    return true;
  }

  /**
   * Writes the plan-side mirror of a case row, then marks the case row (as read at `etag`) mirrored.
   * If the case row is gone meanwhile (removed), the mirror just written is taken away again; if it
   * changed (a remove began), the remove finishes the job.
   */
  private async mirror(row: Row, etag: string | undefined): Promise<void> {
    const link = linkOf(row);
    await this.table.upsertEntity(
      {
        partitionKey: planKey(link.committeeId),
        rowKey: planRowKey(link.measureId, link.caseNumber),
        ...fields(link),
      },
      'Replace',
    );
    try {
      await this.table.updateEntity(
        {
          partitionKey: caseKey(link.caseNumber),
          rowKey: caseRowKey(link.committeeId, link.measureId),
          mirrored: true,
        },
        'Merge',
        { etag: etag ?? '*' },
      );
    } catch (error) {
      if (isNotFound(error))
        await this.deleteQuietly(planKey(link.committeeId), planRowKey(link.measureId, link.caseNumber));
      else if (!isConflict(error)) throw error;
    }
  }

  private async partition(partitionKey: string): Promise<TableEntityResult<Row>[]> {
    const rows: TableEntityResult<Row>[] = [];
    const query = this.table.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    for await (const row of query) rows.push(row);
    return rows;
  }

  private async deleteQuietly(partitionKey: string, rowKey: string): Promise<void> {
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
