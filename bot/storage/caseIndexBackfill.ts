import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { CaseRecord, CaseTransition } from '../domain/cases/caseModel';
import { recount } from '../domain/reports/caseCounts';
import {
  counterEntity,
  countsOf,
  COUNTER_KEY,
  INDEX_PREFIXES,
  listRowsOf,
  readCounterRows,
  registerYears,
  type CounterRows,
  yearsListed,
  yearsWithCases,
} from './caseListIndex';
import { fromEntity, fromHistoryEntity } from './tableCaseRepository';
import { isConflict } from './tableErrors';

type Row = Record<string, unknown>;

const BATCH = 100;
const MAX_ATTEMPTS = 20;

/**
 * The backfill run on start (bot/app.ts) for cases stored before the list rows and year counters
 * existed: it lists the years that have cases, then writes each unindexed year's list rows and
 * counters. Idempotent, and safe with other instances and live traffic: a year counts as indexed only
 * once its counters are stored, and they are stored conditioned on the year's counter row as read
 * before the year's cases were, a row every submission and every transition writes until then
 * (afterwards a transition writes a count shard instead). If anything in the year changed meanwhile
 * the year is done again from a fresh read. Until then submissions and transitions in that year
 * leave the list rows and the count shards alone (tableCaseRepository.ts). Once the years are
 * listed, a start costs one read of that list and one of each year's counter row; an empty store is
 * left untouched.
 *
 * Returns the years it indexed.
 */
export async function backfillCaseLists(table: TableClient): Promise<number[]> {
  let years = await yearsWithCases(table);
  if (!(await yearsListed(table))) {
    // Which years have cases, before they were listed: the one query without a partition, run
    // until the list exists. All are listed before any is indexed, so a crash loses none.
    const found = new Set<number>();
    const counters = table.listEntities<Row>({
      queryOptions: { filter: odata`RowKey eq ${COUNTER_KEY}`, select: ['PartitionKey'] },
    });
    for await (const row of counters) found.add(Number(row.partitionKey));
    if (found.size === 0) return [];
    await registerYears(table, [...found]);
    years = [...found];
  }
  const indexed: number[] = [];
  for (const year of [...years].sort()) if (await indexYear(table, year)) indexed.push(year);
  return indexed;
}

/** Writes a year's list rows and counters from its stored cases; false when it already had them. */
export async function indexYear(table: TableClient, year: number): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const counterRows = await readCounterRows(table, year);
    const { counter, shards } = counterRows;
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
        // Another instance indexed the year meanwhile: the rows just written stand if nothing moved
        // (no submission wrote the counter row, no step a count shard).
        if (versionOf(await readCounterRows(table, year)) === versionOf(counterRows)) return true;
      } else {
        // Shards left from before the counts were removed (to rebuild the year) would count twice.
        const row = counterEntity(year, counter.last as number, recount(year, cases));
        await table.submitTransaction([
          ['update', row, 'Replace', { etag: counter.etag }],
          ...shards.map((shard): TransactionAction => [
            'delete',
            { partitionKey: String(year), rowKey: shard.rowKey as string },
          ]),
        ]);
        return true;
      }
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error(`Case lists of ${year}: the year kept changing while it was indexed`);
}

/** What changes whenever a submission or a step writes the year's counter rows. */
const versionOf = ({ counter, shards }: CounterRows) =>
  [counter, ...shards].map((row) => `${row?.rowKey}:${row?.etag}`).join(',');

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
