import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { CaseLink, CaseLinkRepository } from '../domain/caseLinks/caseLink';
import { encodeKey } from './keys';
import {
  byTime,
  linkFields,
  linkOf,
  PLAN_LINK_ROWS,
  planLinkEntity,
  planLinkPartition,
  planLinkRowKey,
} from './planLinkRows';
import { isConflict, isNotFound } from './tableErrors';

type Row = Record<string, unknown>;

/**
 * Case ↔ measure links, two rows per link so that each direction is one partition query:
 *
 *   CaseLinks  PartitionKey case-<case number>   RowKey <committee>|<measure>          the link itself (the truth)
 *   Plans      PartitionKey <committee>          RowKey link-<measure>|<case number>   its mirror (planLinkRows.ts)
 *
 * The mirror lives in the plan's own partition, so the board reads the plan and its links in one
 * query. The two rows cannot share a transaction, so the writes are ordered and the case row says
 * whether its mirror is known to be in place (`mirrored`): an add creates the case row (the create
 * is what makes a link unique), writes the mirror, then marks the case row mirrored; a remove first
 * unmarks the case row (conditioned on its ETag), deletes the mirror, then the case row. Reading a
 * case's links repairs any row left unmirrored by an interrupted add or remove: the mirror is written
 * again, so an interrupted remove leaves the link in place (as before the remove) and can be retried.
 *
 * Stores from before kept the mirrors in CaseLinks partitions `plan-<committee>`:
 * `moveMirrorsToPlansOnce` moves them on start.
 */
const caseKey = (caseNumber: string) => `case-${encodeKey(caseNumber)}`;
const caseRowKey = (committeeId: string, measureId: string) =>
  `${encodeKey(committeeId)}|${encodeKey(measureId)}`;
/** Where the mirrors were kept before they moved to the plans' partitions. */
const OLD_MIRROR_PREFIX = 'plan-';
const META_PARTITION = '_meta';
const MIRRORS_MOVED = 'mirrors-moved-to-plans';

export class TableCaseLinkRepository implements CaseLinkRepository {
  /** `table`: CaseLinks; `plans`: the Plans table, whose plan partitions hold the mirrors. */
  constructor(
    private readonly table: TableClient,
    private readonly plans: TableClient,
  ) {}

  async linksOfCase(caseNumber: string): Promise<CaseLink[]> {
    const rows = await this.list(this.table, odata`PartitionKey eq ${caseKey(caseNumber)}`);
    for (const row of rows) if (row.mirrored !== true) await this.mirror(row, row.etag);
    return rows.map(linkOf).sort(byTime);
  }

  async linksOfPlan(committeeId: string): Promise<CaseLink[]> {
    const { from, to } = PLAN_LINK_ROWS;
    const rows = await this.list(
      this.plans,
      odata`PartitionKey eq ${planLinkPartition(committeeId)} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map(linkOf).sort(byTime);
  }

  async add(link: CaseLink): Promise<boolean> {
    const row = {
      partitionKey: caseKey(link.caseNumber),
      rowKey: caseRowKey(link.committeeId, link.measureId),
      ...linkFields(link),
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
    await this.deleteMirror(committeeId, measureId, caseNumber);
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
    await this.plans.upsertEntity(planLinkEntity(link), 'Replace');
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
      if (isNotFound(error)) await this.deleteMirror(link.committeeId, link.measureId, link.caseNumber);
      else if (!isConflict(error)) throw error;
    }
  }

  /**
   * Moves the mirrors of a store from before into the plans' partitions, once: every case row is
   * mirrored again (as a read of the case repairs it, so a link removed meanwhile is not brought
   * back), then the old mirrors are deleted, then a marker row ends the move for good. Running it
   * again, or on two instances at once, writes the same rows and deletes nothing twice.
   */
  async moveMirrorsToPlansOnce(now: Date): Promise<number> {
    if (await this.exists(META_PARTITION, MIRRORS_MOVED)) return 0;
    let moved = 0;
    // The whole table, once per store: the case rows and the old mirrors (and nothing else).
    for (const row of await this.list(this.table, odata`PartitionKey ne ${META_PARTITION}`)) {
      const partitionKey = row.partitionKey ?? '';
      if (partitionKey.startsWith('case-')) {
        await this.mirror(row, row.etag);
        moved++;
      } else if (partitionKey.startsWith(OLD_MIRROR_PREFIX)) {
        await this.deleteQuietly(this.table, partitionKey, row.rowKey ?? '');
      }
    }
    try {
      await this.table.createEntity({
        partitionKey: META_PARTITION,
        rowKey: MIRRORS_MOVED,
        at: now.toISOString(),
        links: moved,
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    return moved;
  }

  private deleteMirror(committeeId: string, measureId: string, caseNumber: string): Promise<void> {
    return this.deleteQuietly(
      this.plans,
      planLinkPartition(committeeId),
      planLinkRowKey(measureId, caseNumber),
    );
  }

  private async list(table: TableClient, filter: string): Promise<TableEntityResult<Row>[]> {
    const rows: TableEntityResult<Row>[] = [];
    for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) rows.push(row);
    return rows;
  }

  private async exists(partitionKey: string, rowKey: string): Promise<boolean> {
    try {
      await this.table.getEntity(partitionKey, rowKey);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async deleteQuietly(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
    try {
      await table.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
