/**
 * The case lists at 100 and 10,000 cases, and 100,000 when asked for (BENCH_CASE_SIZES, comma-separated,
 * e.g. 100,10000,100000: Azurite's writes slow down with the size of the partition, so generating
 * the largest takes far longer than a couple of minutes there):
 * for each size a fresh store is filled through the product's own repository (TableCaseRepository
 * .importCases: batch transactions, the years written in parallel), then the server is timed on
 *
 * - GET /api/cases, the first page (50) as the secretariat, and as one submitter;
 * - the CSV export: the time to the first 500 rows (one storage page of the stream; the whole file
 *   grows with the number of cases by nature, so its per-page cost is what must stay flat);
 * - GET /api/stats (year counters) and GET /api/committees (the overview's case counts).
 *
 * Figures and the ratio of each size to the smallest; nothing asserted.
 */
import { createServer, request, type Server } from 'node:http';
import { odata } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { createApp } from '../bot/app';
import { azuriteConnectionString, loadConfig, type StorageConfig } from '../bot/config';
import type { CaseRecord, CaseState, CaseTransition } from '../bot/domain/cases/caseModel';
import { formatCaseNumber } from '../bot/domain/cases/caseModel';
import { FORUMS } from '../bot/domain/partnership';
import { silentLogger } from '../bot/logger';
import { TableCaseRepository } from '../bot/storage/tableCaseRepository';

type Measure = (run: () => Promise<unknown>) => Promise<{ median: number; p95: number; size?: unknown }>;

const SIZES = (process.env.BENCH_CASE_SIZES ?? '100,10000').split(',').map(Number);
const YEARS = [2022, 2023, 2024, 2025, 2026];
const SUBMITTERS = 500;
const SECRETARIAT = { id: 'bench-secretariat', name: 'Siri Sekretariat' };
const DAY_MS = 86_400_000;
const forums = FORUMS.map((f) => f.value);

/** A case as it stands after a plausible life: a mix of states, forums, submitters and days taken. */
function generated(
  i: number,
  year: number,
  seq: number,
): { record: Omit<CaseRecord, 'etag'>; history: CaseTransition[] } {
  const number = formatCaseNumber(year, seq);
  const submitter = { id: `bench-submitter-${i % SUBMITTERS}`, name: `Innmeldar ${i % SUBMITTERS}` };
  const submittedAt = new Date(Date.UTC(year, i % 12, 1 + (i % 27), 9));
  const at = (days: number) => new Date(submittedAt.getTime() + days * DAY_MS).toISOString();
  const kind = i % 10;
  const forum = forums[i % forums.length]!;
  const path: CaseState[] =
    kind <= 2
      ? ['submitted']
      : kind === 3
        ? ['submitted', 'routing_proposed']
        : kind <= 5
          ? ['submitted', 'routing_proposed', 'routed']
          : kind <= 7
            ? ['submitted', 'routing_proposed', 'routed', 'decided']
            : kind === 8
              ? ['submitted', 'returned']
              : ['submitted', 'withdrawn'];
  const history = path.map((to, n): CaseTransition => ({
    caseNumber: number,
    seq: n + 1,
    at: at(n * (3 + (i % 20))),
    by: n === 0 ? submitter : SECRETARIAT,
    from: n === 0 ? null : path[n - 1]!,
    to,
  }));
  const routed = path.includes('routed');
  const title = `Sak ${i}: samarbeid om pasientforløp`;
  return {
    record: {
      number,
      year,
      seq,
      title,
      state: path[path.length - 1]!,
      answers: { title, submitterName: submitter.name, agreementParts: ['hovudavtale'] },
      submitter: { ...submitter, lang: 'nn' },
      submittedAt: submittedAt.toISOString(),
      updatedAt: history[history.length - 1]!.at,
      historyCount: history.length,
      ...(routed
        ? {
            routing: {
              forumChain: [{ forum, kind: 'routed', reason: 'bench', by: SECRETARIAT, at: history[2]!.at }],
              infoRequests: [],
            },
          }
        : {}),
    },
    history,
  };
}

async function fill(cases: TableCaseRepository, size: number): Promise<void> {
  let i = 0;
  const perYear = YEARS.map((year, y) => {
    const count = Math.floor(size / YEARS.length) + (y < size % YEARS.length ? 1 : 0);
    return {
      year,
      builders: Array.from({ length: count }, () =>
        (
          (n) => (seq: number) =>
            generated(n, year, seq)
        )(i++),
      ),
    };
  });
  await Promise.all(perYear.map(({ year, builders }) => cases.importCases(year, builders)));
}

/** Reads the CSV download until `rows` lines have come, then stops it. */
async function csvFirstRows(url: string, headers: Record<string, string>, rows: number): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`CSV answered ${response.status}`);
  const reader = response.body.getReader();
  let lines = 0;
  try {
    while (lines < rows + 1) {
      const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (chunk.done || !chunk.value) break;
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => undefined);
  }
  return lines - 1;
}

/**
 * A counting pass-through in front of Azurite: how many storage requests one API call makes and how
 * many bytes they bring back, the figure that shows whether a request's work grows with the cases.
 */
async function countingProxy(storage: StorageConfig) {
  const target =
    storage.kind === 'connectionString'
      ? /TableEndpoint=http:\/\/([^:/]+):(\d+)/.exec(storage.connectionString)
      : null;
  if (!target) throw new Error('the case-list bench needs Azurite by connection string');
  const counted = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    counted.requests++;
    const upstream = request(
      { host: target[1], port: Number(target[2]), path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (counted.bytes += chunk.length));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    storage: {
      kind: 'connectionString' as const,
      connectionString: azuriteConnectionString('127.0.0.1', port),
    },
    counted,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Row {
  label: string;
  bySize: Map<number, { median: number; p95: number }>;
}

export async function casesBench(storage: StorageConfig, measure: Measure): Promise<void> {
  const rows: Row[] = [];
  const record = (label: string, size: number, value: { median: number; p95: number }) => {
    let row = rows.find((r) => r.label === label);
    if (!row) rows.push((row = { label, bySize: new Map() }));
    row.bySize.set(size, value);
  };
  const proxy = await countingProxy(storage);
  const calls: { label: string; bySize: Map<number, string> }[] = [];
  for (const size of SIZES) {
    const config = {
      ...loadConfig({ LOCAL_IDENTITY: 'on' }),
      storage: proxy.storage,
      tablePrefix: `benchcases${size}`,
      port: 0,
    };
    const app = await createApp(config, { log: silentLogger });
    // The periodic jobs are not measured, and their storage calls would blur the counts.
    await app.services.routing.stop();
    await app.services.roles.grant({
      personId: SECRETARIAT.id,
      role: 'secretariat_leader',
      scope: '*',
      grantedBy: 'bench',
      grantedAt: new Date().toISOString(),
    });
    const started = performance.now();
    await fill(new TableCaseRepository(app.storage.table('cases')), size);
    console.log(`  ${size} cases generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const server: Server = await app.listen(0, '127.0.0.1');
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const as = (id: string) => ({ 'x-local-identity': id, 'x-local-name': 'Bench' });
    const get = async (path: string, id: string) => {
      const response = await fetch(`${base}${path}`, { headers: as(id) });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    };
    // Timed over `measure`'s runs, then once more counting its storage round trips and bytes.
    const figure = async (label: string, run: () => Promise<unknown>) => {
      record(label, size, await measure(run));
      const before = { ...proxy.counted };
      await run();
      const requests = proxy.counted.requests - before.requests;
      const bytes = proxy.counted.bytes - before.bytes;
      let row = calls.find((c) => c.label === label);
      if (!row) calls.push((row = { label, bySize: new Map() }));
      row.bySize.set(size, `${requests} req, ${(bytes / 1024).toFixed(0)} KiB`);
    };
    // The storage's own floor: the query a first page makes, straight through @azure/data-tables.
    // Azurite runs every query as a scan of the whole table (LokiJS `where` with a predicate), so
    // this grows with the table there; on Azure Table Storage it is a range read of one partition.
    const table = app.storage.table('cases');
    const newest = String(YEARS[YEARS.length - 1]);
    await figure("raw: the first page's range query (storage floor)", async () => {
      const filter = odata`PartitionKey eq ${newest} and RowKey ge ${'list-'} and RowKey lt ${'list.'}`;
      for await (const page of table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: 51 }))
        return page.length;
      return 0;
    });
    await figure('raw: one point read (storage floor)', () => table.getEntity(newest, 'counter'));
    await figure('GET /api/cases, first page (secretariat)', () => get('/api/cases', SECRETARIAT.id));
    await figure('GET /api/cases, first page (one submitter)', () => get('/api/cases', 'bench-submitter-7'));
    await figure('CSV export, first 500 rows (secretariat)', () =>
      csvFirstRows(`${base}/api/export/cases.csv`, as(SECRETARIAT.id), 500),
    );
    await figure('GET /api/stats (secretariat)', () => get('/api/stats', SECRETARIAT.id));
    await figure('GET /api/committees (case counts)', () => get('/api/committees', SECRETARIAT.id));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Free Azurite's memory before the next size.
    await app.storage.table('cases').deleteTable();
  }
  await proxy.close();
  const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);
  const smallest = SIZES[0]!;
  console.log(
    `  ${''.padEnd(46)}${SIZES.map((s) => `${s} cases (median)`.padStart(24)).join('')}   ratio to ${smallest}`,
  );
  for (const row of rows) {
    const base = row.bySize.get(smallest)!.median;
    const cells = SIZES.map((s) => ms(row.bySize.get(s)!.median).padStart(24)).join('');
    const ratios = SIZES.slice(1)
      .map((s) => `${(row.bySize.get(s)!.median / base).toFixed(2)}×`)
      .join(' / ');
    console.log(`  ${row.label.padEnd(46)}${cells}   ${ratios}`);
  }
  console.log('  Storage round trips and bytes read by one call (through a counting pass-through):');
  for (const row of calls) {
    console.log(
      `  ${row.label.padEnd(46)}${SIZES.map((size) => (row.bySize.get(size) ?? '').padStart(24)).join('')}`,
    );
  }
}
