/**
 * `npm run bench`: figures, no assertions.
 *
 * - The tab's built JavaScript, gzip-compressed (tab/dist/assets/*.js; run `npm run build:tab` first).
 * - The API's time to return the largest committee's plan (GET /api/committees/<id>/plan, through
 *   HTTP, identity, roles and JSON), beside the raw partition query it makes, straight through
 *   @azure/data-tables, and the overview (GET /api/committees).
 * - Intake turns through /api/messages, the stored conversation state, and heap after many
 *   conversations (scripts/benchIntake.ts; BENCH_CONVERSATIONS, default 30).
 * - The answer turn beside a minimal durable botbuilder bot (scripts/benchTurn.ts).
 * - The server's memory with open drafts, compiled and started as App Service starts it
 *   (scripts/benchMemory.ts; BENCH_DRAFTS, default 200).
 *
 * - The case lists (cases page, CSV, statistics) at 100, 10,000 and 100,000 cases, and the ratios
 *   (scripts/benchCases.ts; BENCH_CASE_SIZES, default 100,10000,100000).
 *
 * Runs against its own in-memory Azurite with the seeded default content. BENCH_N sets the
 * repetitions (default 50, after 5 warm-up runs).
 */
import type { TableClient } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { DEFAULT_PLANS } from '../bot/domain/plans/defaultPlans';
import { silentLogger } from '../bot/logger';
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

/** The plan API for a committee, and the raw partition query it makes, each measured alone. */
async function planAndRawQuery(
  base: string,
  table: TableClient,
  committeeId: string,
  headers: Record<string, string>,
) {
  const api = await measure(async () => {
    const response = await fetch(`${base}/api/committees/${committeeId}/plan`, { headers });
    if (response.status !== 200) throw new Error(`plan answered ${response.status}`);
    return (await response.arrayBuffer()).byteLength;
  });
  const raw = await measure(async () => {
    let rows = 0;
    for await (const _row of table.listEntities({ queryOptions: { filter: planRowsFilter(committeeId) } }))
      rows++;
    return rows;
  });
  return { api, raw };
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
    const { api, raw } = await planAndRawQuery(base, app.storage.table('plans'), committeeId, headers);
    console.log(`  The same plan ten times over (${seeded.rows} rows seeded):`);
    console.log(
      `  ${`GET /api/committees/${committeeId}/plan (10×)`.padEnd(52)} ${ms(api.median)} ${ms(api.p95)}   ${kb(api.size as number)} JSON`,
    );
    console.log(
      `  ${'raw partition query (10×)'.padEnd(52)} ${ms(raw.median)} ${ms(raw.p95)}   ${String(raw.size)} rows`,
    );
    console.log(`  plan API / raw query (10×): ${(api.median / raw.median).toFixed(2)}× (target ≤ 1.3×)`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

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

    const { api, raw } = await planAndRawQuery(base, app.storage.table('plans'), largest.id, headers);
    const overview = await measure(async () => {
      const response = await fetch(`${base}/api/committees`, { headers });
      if (response.status !== 200) throw new Error(`committees answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    });

    console.log(
      `Largest committee: ${largest.id} (${largest.measures} measures). ${N} runs after ${WARMUP} warm-up, Azurite in memory.`,
    );
    console.log(`  ${''.padEnd(52)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
    console.log(
      `  ${`GET /api/committees/${largest.id}/plan`.padEnd(52)} ${ms(api.median)} ${ms(api.p95)}   ${kb(api.size as number)} JSON`,
    );
    console.log(
      `  ${'raw partition query (@azure/data-tables)'.padEnd(52)} ${ms(raw.median)} ${ms(raw.p95)}   ${String(raw.size)} rows`,
    );
    console.log(
      `  ${'GET /api/committees (overview, all plans)'.padEnd(52)} ${ms(overview.median)} ${ms(overview.p95)}   ${kb(overview.size as number)} JSON`,
    );
    console.log(`  plan API / raw query: ${(api.median / raw.median).toFixed(2)}× (target ≤ 1.3×)`);
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
