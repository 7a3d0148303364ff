/**
 * `npm run bench`: figures, no assertions.
 *
 * - The tab's built JavaScript, gzip-compressed (tab/dist/assets/*.js; run `npm run build:tab` first).
 * - The API's time to return the largest committee's plan (GET /api/committees/<id>/plan, through
 *   HTTP, identity, roles and JSON), beside the raw storage requests it makes (the plan's partition
 *   and the reader's roles, side by side), straight through @azure/data-tables, and beside the plan
 *   partition query alone; the same for a plan ten times larger; and the overview (GET /api/committees).
 * - Intake turns through /api/messages, the stored conversation state, and heap after many
 *   conversations (scripts/benchIntake.ts; BENCH_CONVERSATIONS, default 30).
 * - The answer turn beside a minimal durable botbuilder bot (scripts/benchTurn.ts).
 * - The server's memory with open drafts, compiled and started as App Service starts it
 *   (scripts/benchMemory.ts; BENCH_DRAFTS, default 200).
 *
 * - The case lists (cases page, CSV, statistics) at 100 and 10,000 cases (100,000 when asked for), and
 *   the ratios (scripts/benchCases.ts; BENCH_CASE_SIZES, default 100,10000).
 *
 * Runs against its own in-memory Azurite with the seeded default content. BENCH_N sets the
 * repetitions (default 50, after 5 warm-up runs).
 */
import { odata, type TableClient } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { DEFAULT_PLANS } from '../bot/domain/plans/defaultPlans';
import { silentLogger } from '../bot/logger';
import { encodeKey } from '../bot/storage/keys';
import { planRowsFilter, TablePlanRepository } from '../bot/storage/tablePlanRepository';
import { StorageAccount } from '../bot/storage/storageAccount';
import type { SeedFile } from '../bot/domain/plans/planModel';
import { startAzurite } from '../test/support/azurite';
import { casesBench } from './benchCases';
import { intakeBench } from './benchIntake';
import { memoryBench } from './benchMemory';
import { turnBench } from './benchTurn';
import { FIRST_LOAD_BUDGET_BYTES, tabChunks, total } from './lib/tabBundle';

const N = Number(process.env.BENCH_N ?? 50);
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function measure(
  run: () => Promise<unknown>,
): Promise<{ median: number; p95: number; size?: unknown }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  let size: unknown;
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    size = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), size };
}

function tabBundle(): void {
  const chunks = tabChunks();
  if (chunks.length === 0) {
    console.log('Tab bundle: not built. Run `npm run build:tab`, then `npm run bench` again.');
    return;
  }
  const line = (label: string, t: { raw: number; gzip: number }) =>
    console.log(`  ${label.padEnd(40)} ${kb(t.raw).padStart(10)} raw ${kb(t.gzip).padStart(10)} gzip`);
  console.log(`Tab bundle (tab/dist/assets/*.js, ${chunks.length} chunks):`);
  line('first page load (entry + preloaded)', total(chunks.filter((f) => f.firstLoad)));
  console.log(`  (budget ${kb(FIRST_LOAD_BUDGET_BYTES)} gzip)`);
  for (const f of chunks.filter((f) => /(Page|View)-/.test(f.file)).sort((a, b) => b.gzip - a.gzip)) {
    line(`  + ${f.file.replace(/-[\w-]+\.js$/, '')} when opened`, f);
  }
  line('all chunks', total(chunks));
}

/**
 * The plan API for a committee beside the raw storage requests it makes: the plan's partition (its
 * items and case links) and the reader's roles, side by side as the API makes them; and the plan
 * query alone. The three take turns in every round, so a noisy machine slows them alike.
 */
async function planAndRawQuery(
  base: string,
  tables: { plans: TableClient; roles: TableClient },
  committeeId: string,
  headers: Record<string, string>,
) {
  const drain = async (table: TableClient, filter: string) => {
    let rows = 0;
    for await (const _row of table.listEntities({ queryOptions: { filter } })) rows++;
    return rows;
  };
  const planQuery = () => drain(tables.plans, planRowsFilter(committeeId));
  const rolesQuery = () =>
    drain(tables.roles, odata`PartitionKey eq ${encodeKey(headers['x-local-identity']!)}`);
  const runs = {
    api: async () => {
      const response = await fetch(`${base}/api/committees/${committeeId}/plan`, { headers });
      if (response.status !== 200) throw new Error(`plan answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    },
    raw: async () => (await Promise.all([planQuery(), rolesQuery()]))[0],
    planOnly: planQuery,
  };
  const times = { api: [] as number[], raw: [] as number[], planOnly: [] as number[] };
  const sizes: Record<string, unknown> = {};
  for (let i = 0; i < WARMUP + N; i++) {
    for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => Promise<number>][]) {
      const start = performance.now();
      sizes[name] = await run();
      if (i >= WARMUP) times[name].push(performance.now() - start);
    }
  }
  const summary = (name: keyof typeof runs) => {
    const sorted = times[name].sort((a, b) => a - b);
    return { median: percentile(sorted, 50), p95: percentile(sorted, 95), size: sizes[name] };
  };
  return { api: summary('api'), raw: summary('raw'), planOnly: summary('planOnly') };
}

/** The plan API's lines: its time, its raw storage requests' time, and the ratios. */
function printPlanFigures(label: string, figures: Awaited<ReturnType<typeof planAndRawQuery>>): void {
  const { api, raw, planOnly } = figures;
  const line = (name: string, t: { median: number; p95: number }, size: string) =>
    console.log(`  ${name.padEnd(52)} ${ms(t.median)} ${ms(t.p95)}   ${size}`);
  line(`GET ${label}`, api, `${kb(api.size as number)} JSON`);
  line('raw: its 2 storage requests, side by side', raw, `${String(raw.size)} plan rows + roles`);
  line('raw: the plan partition query alone', planOnly, `${String(planOnly.size)} rows`);
  console.log(
    `  plan API / its raw storage requests: ${(api.median / raw.median).toFixed(2)}× (target ≤ 1.3×);` +
      ` / the plan query alone: ${(api.median / planOnly.median).toFixed(2)}×`,
  );
  console.log(
    "  (the API makes 2 storage requests: the plan's partition, with its case links, and the reader's" +
      ' roles; plus one read per linked case the plan shows, none here)',
  );
}

/**
 * The committee's plan ten times over (every main goal copied with new ids), to show the plan API's
 * cost grows with the plan as the raw query does, not faster.
 */
function tenfold(file: SeedFile, committeeId: string): SeedFile {
  const committee = file.committees.find((c) => c.id === committeeId)!;
  const renumber = (copy: number) => (id: string) =>
    id.replace(
      new RegExp(`^(${committeeId}\\.g)(\\d+)`),
      (_m, head: string, n: string) => `${head}${copy * 100 + Number(n)}`,
    );
  const mainGoals = Array.from({ length: 10 }, (_, copy) => {
    const ids = renumber(copy);
    return committee.plan.mainGoals.map((g) => ({
      ...g,
      id: ids(g.id),
      subGoals: g.subGoals.map((s) => ({
        ...s,
        id: ids(s.id),
        measures: s.measures.map((m) => ({ ...m, id: ids(m.id) })),
      })),
    }));
  }).flat();
  return { ...file, committees: [{ ...committee, plan: { ...committee.plan, mainGoals } }] };
}

async function tenfoldPlanBench(
  config: ReturnType<typeof loadConfig>,
  committeeId: string,
  headers: Record<string, string>,
): Promise<void> {
  const tablePrefix = 'bench10x';
  const storage = new StorageAccount(config.storage, tablePrefix);
  await storage.ensureTables(['plans']);
  const plans = new TablePlanRepository(storage.table('plans'));
  // Seeded before the app starts, so the app's own seeding finds the store seeded and leaves it.
  const seeded = await plans.seed(tenfold(DEFAULT_PLANS, committeeId), new Date());
  const app = await createApp({ ...config, tablePrefix }, { log: silentLogger });
  const server = await app.listen(0, '127.0.0.1');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const figures = await planAndRawQuery(base, planTables(app), committeeId, headers);
    console.log(`  The same plan ten times over (${seeded.rows} rows seeded):`);
    printPlanFigures(`/api/committees/${committeeId}/plan (10×)`, figures);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const planTables = (app: { storage: StorageAccount }) => ({
  plans: app.storage.table('plans'),
  roles: app.storage.table('roles'),
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);

async function main(): Promise<void> {
  tabBundle();
  console.log('');

  const azurite = await startAzurite();
  try {
    const config = {
      ...loadConfig({ LOCAL_IDENTITY: 'on' }),
      storage: azurite.storage,
      tablePrefix: 'bench',
      port: 0,
    };
    const app = await createApp(config, { log: silentLogger });
    const server = await app.listen(0, '127.0.0.1');
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const largest = [...DEFAULT_PLANS.committees]
      .map((c) => ({
        id: c.id,
        measures: c.plan.mainGoals.reduce(
          (n, g) => n + g.subGoals.reduce((m, s) => m + s.measures.length, 0),
          0,
        ),
      }))
      .sort((a, b) => b.measures - a.measures)[0]!;
    const headers = { 'x-local-identity': 'bench-person', 'x-local-name': 'Bench' };

    const figures = await planAndRawQuery(base, planTables(app), largest.id, headers);
    const overview = await measure(async () => {
      const response = await fetch(`${base}/api/committees`, { headers });
      if (response.status !== 200) throw new Error(`committees answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    });

    console.log(
      `Largest committee: ${largest.id} (${largest.measures} measures). ${N} runs after ${WARMUP} warm-up, Azurite in memory.`,
    );
    console.log(`  ${''.padEnd(52)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
    printPlanFigures(`/api/committees/${largest.id}/plan`, figures);
    console.log(
      `  ${'GET /api/committees (overview, all plans)'.padEnd(52)} ${ms(overview.median)} ${ms(overview.p95)}   ${kb(overview.size as number)} JSON`,
    );
    await tenfoldPlanBench(config, largest.id, headers);

    console.log('');
    await intakeBench(app, server);
    console.log('');
    await turnBench(azurite.storage);
    console.log('');
    await memoryBench(azurite.storage);

    console.log('');
    console.log(
      `Case lists by number of cases (scripts/benchCases.ts), ${N} runs after ${WARMUP} warm-up each:`,
    );
    await casesBench(azurite.storage, measure);

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
