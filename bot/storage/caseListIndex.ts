import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type {
  CaseListEntry,
  CaseListPage,
  CaseListQuery,
  CaseListSource,
  CasePosition,
} from '../domain/cases/caseList';
import { listEntryOf, newerFirst } from '../domain/cases/caseList';
import type { CaseRecord, CaseState } from '../domain/cases/caseModel';
import { sumCounts, type YearCounts } from '../domain/reports/caseCounts';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey, prefixUpperBound } from './keys';
import { isNotFound, retryOnConflict } from './tableErrors';

/**
 * The rows a list of cases reads, in the case's own year partition beside the case, so the same
 * entity-group transaction that changes a case rewrites them:
 *
 *   list-<inverted number>                   every case of the year
 *   mine-<submitter>!<inverted number>       the submitter's cases
 *   forum-<forum>!<inverted number>          the cases a forum has now (routed there, or decided)
 *
 * Each carries what a list shows (CaseListEntry), so a page is one range query per source and year.
 * The number is inverted (999999 - seq) so a range reads newest first. `!` never occurs in an encoded
 * key, so one submitter's or forum's prefix is never the start of another's.
 *
 * The year's counters (caseCounts.ts) start from the year's `counter` row, the one every submission
 * already writes conditionally; a counter row without them belongs to a year not yet indexed (data
 * from before these rows existed: caseIndexBackfill.ts). Steps on existing cases add their changes
 * to `counter-shard-<n>` rows beside it (see COUNT_SHARDS). Which years exist is kept in one row
 * (partition and row `years`), so a list names every partition it reads.
 */
type Row = Record<string, unknown>;
type Entity = Row & { partitionKey: string; rowKey: string };

const SEQ_MAX = 999_999;
const inverted = (seq: number) => String(SEQ_MAX - seq).padStart(6, '0');
const LIST_PREFIX = 'list-';
const minePrefix = (submitterId: string) => `mine-${encodeKey(submitterId)}!`;
const forumPrefix = (forum: string) => `forum-${encodeKey(forum)}!`;
export const INDEX_PREFIXES = [LIST_PREFIX, 'mine-', 'forum-'] as const;

const YEARS_ROW = { partitionKey: 'years', rowKey: 'years' };
export const COUNTER_KEY = 'counter';

function prefixOf(source: CaseListSource): string {
  switch (source.kind) {
    case 'all':
      return LIST_PREFIX;
    case 'submitter':
      return minePrefix(source.submitterId);
    case 'forum':
      return forumPrefix(source.forum);
  }
}

function listEntity(partitionKey: string, rowKey: string, entry: CaseListEntry): Entity {
  return {
    partitionKey,
    rowKey,
    kind: 'list',
    number: entry.number,
    seq: entry.seq,
    title: entry.title,
    state: entry.state,
    forum: entry.forum ?? '',
    submittedAt: entry.submittedAt,
    updatedAt: entry.updatedAt,
    submitterId: entry.submitterId,
    submitterName: entry.submitterName,
    priorityGroups: entry.priorityGroups.join(','),
  };
}

function entryOf(row: Row): CaseListEntry {
  const forum = row.forum as string;
  return {
    number: row.number as string,
    year: Number(row.partitionKey),
    seq: row.seq as number,
    title: row.title as string,
    state: row.state as CaseState,
    ...(forum ? { forum } : {}),
    submittedAt: row.submittedAt as string,
    updatedAt: row.updatedAt as string,
    submitterId: row.submitterId as string,
    submitterName: row.submitterName as string,
    priorityGroups: ((row.priorityGroups as string | undefined) ?? '').split(',').filter(Boolean),
  };
}

/** The list rows a case has as it stands (a forum row only while a forum has it). */
export function listRowsOf(record: Omit<CaseRecord, 'etag'>): Entity[] {
  const entry = listEntryOf(record);
  const partitionKey = String(record.year);
  const seq = inverted(record.seq);
  return [
    listEntity(partitionKey, `${LIST_PREFIX}${seq}`, entry),
    listEntity(partitionKey, `${minePrefix(entry.submitterId)}${seq}`, entry),
    ...(entry.forum ? [listEntity(partitionKey, `${forumPrefix(entry.forum)}${seq}`, entry)] : []),
  ];
}

/**
 * The transaction steps that bring a case's list rows from `before` to `after`: rewrite them, and
 * drop the forum row of a forum that no longer has the case.
 */
export function listRowActions(
  before: Omit<CaseRecord, 'etag'> | undefined,
  after: Omit<CaseRecord, 'etag'>,
) {
  const actions: TransactionAction[] = listRowsOf(after).map((row) => ['upsert', row, 'Replace']);
  const wanted = new Set(actions.map((a) => (a[1] as Entity).rowKey));
  for (const old of before ? listRowsOf(before) : []) {
    if (!wanted.has(old.rowKey))
      actions.push(['delete', { partitionKey: old.partitionKey, rowKey: old.rowKey }]);
  }
  return actions;
}

/** The counters as stored in the counter row, or undefined for a year not yet indexed. */
export function countsOf(counter: Row | undefined): YearCounts | undefined {
  return counter && typeof counter.countsChunks === 'number'
    ? unpackJson<YearCounts>(counter, 'counts')
    : undefined;
}

export function counterEntity(year: number, last: number, counts: YearCounts | undefined): Entity {
  return {
    partitionKey: String(year),
    rowKey: COUNTER_KEY,
    kind: 'counter',
    last,
    ...(counts ? packJson(counts, 'counts') : {}),
  };
}

/**
 * How many rows a year's steps spread their count changes over. Every submission must write the
 * `counter` row anyway (it gives out the number, gapless), and adds its case to the counts there. A
 * step on an existing case instead adds its change to one of these shard rows, in the case's own
 * transaction, conditioned on the shard's ETag: steps on different cases of a year collide only when
 * they pick the same shard at the same moment, about K times less often than on one row (a burst of
 * n steps costs some n²/2K conflicts instead of n²/2). Eight keep the few people (and instances) who
 * act at once in a year mostly apart, while a reader still gets the counts with one small range read
 * (the counter row and at most 8 shards of a few hundred bytes each).
 */
export const COUNT_SHARDS = 8;
const SHARD_PREFIX = `${COUNTER_KEY}-shard-`;

/** A shard's changes to the year's counts (counts that may be negative: only their sum is a count). */
export function countShardEntity(year: number, shard: number, counts: YearCounts): Entity {
  return {
    partitionKey: String(year),
    rowKey: `${SHARD_PREFIX}${shard}`,
    kind: 'counterShard',
    ...packJson(counts, 'counts'),
  };
}

export async function readCountShard(table: TableClient, year: number, shard: number) {
  try {
    return await table.getEntity<Row>(String(year), `${SHARD_PREFIX}${shard}`);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export interface CounterRows {
  counter: TableEntityResult<Row> | undefined;
  shards: TableEntityResult<Row>[];
}

/** The year's counter row and its shard rows, in one range read of the year's partition. */
export async function readCounterRows(table: TableClient, year: number): Promise<CounterRows> {
  const rows = table.listEntities<Row>({
    queryOptions: {
      filter: odata`PartitionKey eq ${String(year)} and RowKey ge ${COUNTER_KEY} and RowKey lt ${prefixUpperBound(COUNTER_KEY)}`,
    },
  });
  let counter: TableEntityResult<Row> | undefined;
  const shards: TableEntityResult<Row>[] = [];
  for await (const row of rows) {
    if (row.rowKey === COUNTER_KEY) counter = row;
    else if ((row.rowKey as string).startsWith(SHARD_PREFIX)) shards.push(row);
  }
  return { counter, shards };
}

/** The year's counts: the counter row's plus its shards' changes; undefined for a year not yet indexed. */
export function countsOfYear(year: number, { counter, shards }: CounterRows): YearCounts | undefined {
  const base = countsOf(counter);
  if (!base) return undefined;
  return sumCounts(year, [base, ...shards.map(countsOf).filter((c): c is YearCounts => c !== undefined)]);
}

/**
 * Notes that a year has cases; written before its first case, so no year with cases is missing. The
 * years are one row read by its key (a query would be a scan in the storage emulator), changed once
 * a year, conditioned on its ETag.
 */
export async function registerYears(table: TableClient, added: readonly number[]): Promise<void> {
  await retryOnConflict(async () => {
    const row = await readYearsRow(table);
    const years = row ? (JSON.parse(row.years as string) as number[]) : [];
    const all = [...new Set([...years, ...added])].sort();
    if (all.length === years.length) return;
    const entity = { ...YEARS_ROW, kind: 'years', years: JSON.stringify(all) };
    if (row) await table.updateEntity(entity, 'Replace', { etag: row.etag });
    else await table.createEntity(entity);
  });
}

/** Whether the years have been listed at all (not yet in a store written before they were). */
export async function yearsListed(table: TableClient): Promise<boolean> {
  return (await readYearsRow(table)) !== undefined;
}

/** The years that have cases, newest first. */
export async function yearsWithCases(table: TableClient): Promise<number[]> {
  const row = await readYearsRow(table);
  const years = row ? (JSON.parse(row.years as string) as number[]) : [];
  return [...years].sort((a, b) => b - a);
}

async function readYearsRow(table: TableClient) {
  try {
    return await table.getEntity<Row>(YEARS_ROW.partitionKey, YEARS_ROW.rowKey);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function readCounter(table: TableClient, year: number) {
  try {
    return await table.getEntity<Row>(String(year), COUNTER_KEY);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** One source's entries from `after` on, newest first, year by year, a page of `pageSize` at a time. */
async function* entriesOf(
  table: TableClient,
  source: CaseListSource,
  years: readonly number[],
  query: CaseListQuery,
  pageSize: number,
): AsyncGenerator<CaseListEntry> {
  const prefix = prefixOf(source);
  for (const year of years) {
    const from =
      query.after && query.after.year === year
        ? odata`RowKey gt ${prefix + inverted(query.after.seq)}`
        : odata`RowKey ge ${prefix}`;
    const parts = [
      odata`PartitionKey eq ${String(year)}`,
      from,
      odata`RowKey lt ${prefixUpperBound(prefix)}`,
    ];
    if (query.state) parts.push(odata`state eq ${query.state}`);
    if (query.forum !== undefined) parts.push(odata`forum eq ${query.forum}`);
    const pages = table
      .listEntities<Row>({ queryOptions: { filter: parts.join(' and ') } })
      .byPage({ maxPageSize: pageSize });
    for await (const page of pages) for (const row of page) yield entryOf(row);
  }
}

/**
 * A page of the merged, newest-first list of the sources' cases after `query.after`: each source read
 * lazily, a case in two sources (one's own case at one's committee) given once.
 */
export async function listPage(table: TableClient, query: CaseListQuery): Promise<CaseListPage> {
  const years = (await yearsWithCases(table)).filter(
    (y) => (query.year === undefined || y === query.year) && (!query.after || y <= query.after.year),
  );
  const pageSize = Math.min(1000, query.limit + 1);
  const streams = query.sources.map((source) => entriesOf(table, source, years, query, pageSize));
  const heads = await Promise.all(streams.map((s) => s.next()));
  const entries: CaseListEntry[] = [];
  const seen = new Set<string>();
  while (entries.length <= query.limit) {
    let best = -1;
    heads.forEach((head, i) => {
      if (head.done) return;
      const current = heads[best];
      if (best < 0 || (current && !current.done && newerFirst(head.value, current.value) < 0)) best = i;
    });
    if (best < 0) break;
    const head = heads[best]!;
    if (!head.done && !seen.has(head.value.number)) {
      seen.add(head.value.number);
      entries.push(head.value);
    }
    // The page and the one entry that says another follows are read: no further row is asked for.
    if (entries.length > query.limit) break;
    heads[best] = await streams[best]!.next();
  }
  await Promise.all(streams.map((s) => s.return(undefined)));
  const page = entries.slice(0, query.limit);
  const last = page[page.length - 1];
  const next: CasePosition | undefined =
    entries.length > query.limit && last ? { year: last.year, seq: last.seq } : undefined;
  return { entries: page, ...(next ? { next } : {}) };
}
