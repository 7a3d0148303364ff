import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { CaseListPage, CaseListQuery } from '../domain/cases/caseList';
import type { CaseRecord, CaseState, CaseTransition } from '../domain/cases/caseModel';
import { parseCaseNumber } from '../domain/cases/caseModel';
import type { CaseRepository, NewCase } from '../domain/cases/caseRepository';
import type { Lang } from '../domain/i18n/language';
import {
  countersAfterCreate,
  countersAfterTransition,
  emptyYearCounts,
  recount,
  sumCounts,
  type YearCounts,
} from '../domain/reports/caseCounts';
import {
  COUNT_SHARDS,
  counterEntity,
  countsOf,
  countsOfYear,
  countShardEntity,
  listPage,
  listRowActions,
  listRowsOf,
  readCounter,
  readCounterRows,
  readCountShard,
  registerYears,
  yearsWithCases,
} from './caseListIndex';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey, prefixUpperBound } from './keys';
import { isNotFound, retryOnConflict } from './tableErrors';

/**
 * Cases in Table Storage. One partition per year holds everything about that year's cases: the
 * number counter, the cases, their history and the rows the case lists read. (Stores written before
 * also hold `by-state-`/`by-submitter-` rows: nothing reads them since the lists read list rows.)
 * Sharing a partition is what lets one entity-group transaction give a case its number, store it
 * and write its first history entry (no gaps, no duplicates), and lets a transition update the case
 * and append to its history atomically, conditioned on the ETag it was decided on.
 *
 * Row keys:  counter | case-000007 | case-000007-history-0001 |
 *            draft-<draft id> (makes a double submit store one case) |
 *            notify-000007-0002 (step 2 of case 7 still has notifications to queue) |
 *            list-, mine-, forum- rows (what the case lists show) and the year's counters in the
 *            counter row and the counter-shard-<n> rows: caseListIndex.ts
 * Every query names its partition: the years that have cases are listed in the `years` partition.
 */
type Row = Record<string, unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const caseKey = (seq: number) => `case-${pad(seq, 6)}`;
const historyKey = (seq: number, n: number) => `${caseKey(seq)}-history-${pad(n, 4)}`;
const NOTIFY_PREFIX = 'notify-';
const notifyKey = (caseSeq: number, entrySeq: number) =>
  `${NOTIFY_PREFIX}${pad(caseSeq, 6)}-${pad(entrySeq, 4)}`;
const notifyRow = (year: number, caseSeq: number, t: CaseTransition) => ({
  partitionKey: String(year),
  rowKey: notifyKey(caseSeq, t.seq),
  kind: 'notify',
  number: t.caseNumber,
  seq: t.seq,
  at: t.at,
});

function toEntity(record: Omit<CaseRecord, 'etag'>): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: String(record.year),
    rowKey: caseKey(record.seq),
    kind: 'case',
    number: record.number,
    seq: record.seq,
    title: record.title,
    state: record.state,
    submitterId: record.submitter.id,
    submitterName: record.submitter.name,
    submitterEmail: record.submitter.email ?? '',
    submitterLang: record.submitter.lang,
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
    historyCount: record.historyCount,
    ...packJson(record.answers, 'answers'),
    // Routing lives in the case entity, so a transition updates it atomically with the history.
    ...(record.routing ? packJson(record.routing, 'routing') : {}),
  };
}

export function fromEntity(entity: TableEntityResult<Row>): CaseRecord {
  const email = entity.submitterEmail as string;
  return {
    number: entity.number as string,
    year: Number(entity.partitionKey),
    seq: entity.seq as number,
    title: entity.title as string,
    state: entity.state as CaseState,
    answers: unpackJson(entity, 'answers'),
    submitter: {
      id: entity.submitterId as string,
      name: entity.submitterName as string,
      lang: entity.submitterLang as Lang,
      ...(email ? { email } : {}),
    },
    submittedAt: entity.submittedAt as string,
    updatedAt: entity.updatedAt as string,
    historyCount: entity.historyCount as number,
    ...(typeof entity.routingChunks === 'number' ? { routing: unpackJson(entity, 'routing') } : {}),
    etag: entity.etag,
  };
}

export function historyEntity(
  year: number,
  seq: number,
  t: CaseTransition,
): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: String(year),
    rowKey: historyKey(seq, t.seq),
    kind: 'history',
    caseNumber: t.caseNumber,
    seq: t.seq,
    at: t.at,
    byId: t.by.id,
    byName: t.by.name,
    from: t.from ?? '',
    to: t.to,
    comment: t.comment ?? '',
    event: t.event ?? '',
    forum: t.forum ?? '',
  };
}

export function fromHistoryEntity(row: Row): CaseTransition {
  return {
    caseNumber: row.caseNumber as string,
    seq: row.seq as number,
    at: row.at as string,
    by: { id: row.byId as string, name: row.byName as string },
    from: ((row.from as string) || null) as CaseState | null,
    to: row.to as CaseState,
    ...(row.comment ? { comment: row.comment as string } : {}),
    ...(row.event ? { event: row.event as string } : {}),
    ...(row.forum ? { forum: row.forum as string } : {}),
  };
}

const indexRow = (year: number, rowKey: string, number: string) => ({
  partitionKey: String(year),
  rowKey,
  kind: 'index',
  number,
});

/**
 * Every submission of a year competes for the one counter row, and each round of competing writes
 * gives out one number: a burst of people pressing "send" at once (100 in the three-instance test)
 * needs far more rounds than an ordinary write conflict, so a submission keeps trying for longer
 * (with backoff up to a second, about half a minute) rather than answering "something went wrong".
 */
const COUNTER_ATTEMPTS = 60;

export class TableCaseRepository implements CaseRepository {
  constructor(private readonly table: TableClient) {}

  async create(newCase: NewCase): Promise<CaseRecord> {
    const partitionKey = String(newCase.year);
    const draftRowKey = `draft-${encodeKey(newCase.idempotencyKey)}`;
    return retryOnConflict(async () => {
      const earlier = await this.caseForDraft(partitionKey, draftRowKey);
      if (earlier) return earlier;
      const counter = await readCounter(this.table, newCase.year);
      // The year's first case registers the year (before it is stored, so a listed year may be
      // empty but a year with cases is never missing) and starts its counters.
      if (!counter) await registerYears(this.table, [newCase.year]);
      const counts = counter ? countsOf(counter) : emptyYearCounts(newCase.year);
      const seq = ((counter?.last as number | undefined) ?? 0) + 1;
      const { record, firstTransition } = newCase.build(seq);
      const counterRow = counterEntity(record.year, seq, counts && countersAfterCreate(counts, record));
      const actions: TransactionAction[] = [
        // The counter write is conditioned on the version just read: a concurrent submission makes
        // the whole transaction fail with 409/412, and we try again with the next number.
        counter ? ['update', counterRow, 'Replace', { etag: counter.etag }] : ['create', counterRow],
        ['create', toEntity(record)],
        ['create', historyEntity(record.year, seq, firstTransition)],
        ['create', notifyRow(record.year, seq, firstTransition)],
        ['create', indexRow(record.year, draftRowKey, record.number)],
        // A year not yet indexed gets its list rows from the backfill (caseIndexBackfill.ts).
        ...(counts ? listRowActions(undefined, record) : []),
      ];
      await this.table.submitTransaction(actions);
      const stored = await this.get(record.number);
      if (!stored) throw new Error(`Case ${record.number} vanished right after it was stored`);
      return stored;
    }, COUNTER_ATTEMPTS);
  }

  async findByDraft(draftId: string): Promise<CaseRecord | undefined> {
    // The draft's row is in the partition of the year it was submitted in: look in each year.
    const rowKey = `draft-${encodeKey(draftId)}`;
    for (const year of await yearsWithCases(this.table)) {
      const found = await this.caseForDraft(String(year), rowKey);
      if (found) return found;
    }
    return undefined;
  }

  private async caseForDraft(partitionKey: string, draftRowKey: string): Promise<CaseRecord | undefined> {
    try {
      const row = await this.table.getEntity<Row>(partitionKey, draftRowKey);
      return this.get(row.number as string);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async get(number: string): Promise<CaseRecord | undefined> {
    const parsed = parseCaseNumber(number);
    if (!parsed) return undefined;
    try {
      return fromEntity(await this.table.getEntity<Row>(String(parsed.year), caseKey(parsed.seq)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async history(number: string): Promise<CaseTransition[]> {
    const parsed = parseCaseNumber(number);
    if (!parsed) return [];
    const prefix = `${caseKey(parsed.seq)}-history-`;
    const rows = this.table.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey eq ${String(parsed.year)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
      },
    });
    const entries: CaseTransition[] = [];
    for await (const row of rows) entries.push(fromHistoryEntity(row));
    return entries.sort((a, b) => a.seq - b.seq);
  }

  listPage(query: CaseListQuery): Promise<CaseListPage> {
    return listPage(this.table, query);
  }

  async yearCounts(): Promise<YearCounts[]> {
    const years = await yearsWithCases(this.table);
    const counts = await Promise.all(
      years.map(async (year) => countsOfYear(year, await readCounterRows(this.table, year))),
    );
    return counts.filter((c): c is YearCounts => c !== undefined).sort((a, b) => a.year - b.year);
  }

  async unnotified(olderThan: Date): Promise<{ caseNumber: string; seq: number }[]> {
    const marks: { caseNumber: string; seq: number }[] = [];
    for (const year of await yearsWithCases(this.table)) {
      const rows = this.table.listEntities<Row>({
        queryOptions: {
          filter: odata`PartitionKey eq ${String(year)} and RowKey ge ${NOTIFY_PREFIX} and RowKey lt ${prefixUpperBound(NOTIFY_PREFIX)} and at le ${olderThan.toISOString()}`,
        },
      });
      for await (const row of rows) marks.push({ caseNumber: row.number as string, seq: row.seq as number });
    }
    return marks;
  }

  async markNotified(caseNumber: string, seq: number): Promise<void> {
    const parsed = parseCaseNumber(caseNumber);
    if (!parsed) return;
    try {
      await this.table.deleteEntity(String(parsed.year), notifyKey(parsed.seq, seq));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async transition(
    expected: CaseRecord,
    next: CaseRecord,
    entry: CaseTransition,
  ): Promise<CaseRecord | undefined> {
    if (!expected.etag) throw new Error('transition needs the ETag the decision was based on');
    for (let attempt = 1; ; attempt++) {
      // The step's change to the year's counts goes to a count shard: the case's own at first (cases
      // moved together are usually consecutive, so they start apart), any after losing one to a step
      // on another case.
      const shard = attempt === 1 ? next.seq % COUNT_SHARDS : Math.floor(Math.random() * COUNT_SHARDS);
      const [counter, shardRow] = await Promise.all([
        readCounter(this.table, next.year),
        readCountShard(this.table, next.year, shard),
      ]);
      const indexed = countsOf(counter) !== undefined;
      const change = countShardEntity(
        next.year,
        shard,
        countersAfterTransition(countsOf(shardRow) ?? emptyYearCounts(next.year), expected, next, entry),
      );
      const actions: TransactionAction[] = [
        ['update', toEntity(next), 'Replace', { etag: expected.etag }],
        ['create', historyEntity(next.year, next.seq, entry)],
        ['create', notifyRow(next.year, next.seq, entry)],
        indexed
          ? shardRow
            ? ['update', change, 'Replace', { etag: shardRow.etag }]
            : ['create', change]
          : // A year not yet indexed has no counts to change: its counter row is written all the same,
            // so a running backfill sees that the year changed (caseIndexBackfill.ts).
            [
              'update',
              counterEntity(next.year, (counter?.last as number | undefined) ?? next.seq, undefined),
              'Replace',
              { etag: counter?.etag ?? '*' },
            ],
        ...(indexed ? listRowActions(expected, next) : []),
      ];
      try {
        await this.table.submitTransaction(actions);
        return this.get(next.number);
      } catch (error) {
        if (!isConflictOrGone(error)) throw error;
      }
      // Lost a race: on the case itself (someone else changed it first: the caller decides again),
      // or only on the year's counters (a step on another case took the shard: try again).
      const current = await this.get(next.number);
      if (!current || current.etag !== expected.etag || attempt >= MAX_COUNTER_ATTEMPTS) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
    }
  }

  /**
   * Stores cases in bulk (an import, or generated data for `npm run bench`), a transaction of up to
   * 100 rows at a time, several at once: each case with its history, index and list rows, then the
   * year's counter row with the next number and the new cases counted in. The year must be quiet
   * while this runs (no submissions).
   */
  async importCases(
    year: number,
    build: ((seq: number) => { record: Omit<CaseRecord, 'etag'>; history: CaseTransition[] })[],
  ): Promise<void> {
    const counter = await readCounter(this.table, year);
    if (!counter) await registerYears(this.table, [year]);
    const first = ((counter?.last as number | undefined) ?? 0) + 1;
    const cases = build.map((make, i) => make(first + i));
    const batches: TransactionAction[][] = [[]];
    for (const { record, history } of cases) {
      const rows: TransactionAction[] = [
        ['create', toEntity(record)],
        ...history.map((t): TransactionAction => ['create', historyEntity(year, record.seq, t)]),
        ...listRowsOf(record).map((row): TransactionAction => ['create', row]),
      ];
      if (batches[batches.length - 1]!.length + rows.length > 100) batches.push([]);
      batches[batches.length - 1]!.push(...rows);
    }
    let nextBatch = 0;
    const worker = async () => {
      while (nextBatch < batches.length) {
        const batch = batches[nextBatch++]!;
        if (batch.length) await this.table.submitTransaction(batch);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const before = countsOf(counter) ?? emptyYearCounts(year);
    const last = first + cases.length - 1;
    // The imported cases' counts join the base in the counter row (the shards hold only changes).
    const row = counterEntity(year, last, sumCounts(year, [before, recount(year, cases)]));
    if (counter) await this.table.updateEntity(row, 'Replace', { etag: counter.etag });
    else await this.table.createEntity(row);
  }
}

/**
 * How often a transition tries again when only the year's counters moved under it: a count shard is
 * shared by the steps of many cases, so a burst of steps (100 routings at once in the three-instance
 * test) can lose it several times; the submissions' budget, which is ample.
 */
const MAX_COUNTER_ATTEMPTS = COUNTER_ATTEMPTS;

function isConflictOrGone(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 409 || status === 412 || status === 404;
}
