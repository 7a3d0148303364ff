import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { CaseRecord, CaseTransition } from '../domain/cases/caseModel';
import { recount } from '../domain/reports/caseCounts';
import {
  counterEntity,
  countsOf,
  COUNTER_KEY,
  INDEX_PREFIXES,
  listRowsOf,
  readCounter,
  registerYear,
} from './caseListIndex';
import { fromEntity, fromHistoryEntity } from './tableCaseRepository';
import { isConflict, isNotFound } from './tableErrors';

type Row = Record<string, unknown>;

/** Written once every year stored before the list rows existed has them: later starts read one row. */
const DONE = { partitionKey: 'meta', rowKey: 'case-lists-v1' };
const BATCH = 100;
const MAX_ATTEMPTS = 20;

/**
 * The one-time backfill run on start (bot/app.ts) for cases stored before the list rows and year
 * counters existed: it lists each such year, writes its cases' list rows and its counters, and marks
 * the work done. Idempotent, and safe with other instances and live traffic: a year counts as indexed
 * only once its counters are stored, and they are stored conditioned on the year's counter row as read
 * before the year's cases were, a row every submission and every transition writes. If anything in
 * the year changed meanwhile the year is done again from a fresh read. Until then submissions and
 * transitions in that year leave the list rows alone (tableCaseRepository.ts).
 *
 * Returns the years it indexed.
 */
export async function backfillCaseLists(table: TableClient): Promise<number[]> {
  try {
    await table.getEntity(DONE.partitionKey, DONE.rowKey);
    return [];
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // Which years have cases, before they were listed: the one query without a partition, run once.
  const years = new Set<number>();
  const counters = table.listEntities<Row>({
    queryOptions: { filter: odata`RowKey eq ${COUNTER_KEY}`, select: ['PartitionKey'] },
  });
  for await (const row of counters) years.add(Number(row.partitionKey));
  const indexed: number[] = [];
  for (const year of [...years].sort()) {
    await registerYear(table, year);
    if (await indexYear(table, year)) indexed.push(year);
  }
  await table.upsertEntity({ ...DONE, kind: 'meta', at: new Date().toISOString() }, 'Replace');
  return indexed;
}

/** Writes a year's list rows and counters from its stored cases; false when it already had them. */
export async function indexYear(table: TableClient, year: number): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const counter = await readCounter(table, year);
    if (!counter || (attempt === 1 && countsOf(counter))) return false;
    const { cases, listKeys } = await readYear(table, year);
    const rows = cases.flatMap(({ record }) => listRowsOf(record));
    const wanted = new Set(rows.map((r) => r.rowKey));
    const actions: TransactionAction[] = [
      ...rows.map((row): TransactionAction => ['upsert', row, 'Replace']),
      ...[...listKeys]
        .filter((key) => !wanted.has(key))
        .map((rowKey): TransactionAction => ['delete', { partitionKey: String(year), rowKey }]),
    ];
    for (let i = 0; i < actions.length; i += BATCH)
      await table.submitTransaction(actions.slice(i, i + BATCH));
    try {
      if (countsOf(counter)) {
        // Another instance indexed the year meanwhile: the rows just written stand if nothing moved.
        if ((await readCounter(table, year))?.etag === counter.etag) return true;
      } else {
        const row = counterEntity(year, counter.last as number, recount(year, cases));
        await table.updateEntity(row, 'Replace', { etag: counter.etag });
        return true;
      }
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error(`Case lists of ${year}: the year kept changing while it was indexed`);
}

async function readYear(table: TableClient, year: number) {
  const records = new Map<string, CaseRecord>();
  const histories = new Map<string, CaseTransition[]>();
  const listKeys = new Set<string>();
  const rows = table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${String(year)}` } });
  for await (const row of rows) {
    const rowKey = row.rowKey as string;
    if (row.kind === 'case') records.set(row.number as string, fromEntity(row));
    else if (row.kind === 'history') {
      const entry = fromHistoryEntity(row);
      histories.set(entry.caseNumber, [...(histories.get(entry.caseNumber) ?? []), entry]);
    } else if (INDEX_PREFIXES.some((prefix) => rowKey.startsWith(prefix))) listKeys.add(rowKey);
  }
  const cases = [...records.values()].map((record) => ({
    record,
    history: histories.get(record.number) ?? [],
  }));
  return { cases, listKeys };
}
