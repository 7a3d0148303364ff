/**
 * The cost of an answer turn, beside a minimal durable botbuilder bot. Figures only, never
 * assertions. Each server runs in its own process (scripts/benchTurnServer.ts) on the same Azurite;
 * this process is the channel and the load. Ours runs with the node options of the production start
 * command (`npm run serve`; BENCH_NODE_ARGS replaces them), the minimal bot with node's defaults.
 *
 * - Answer turns: conversations mid-form send the seed 000 reference case's answers, one turn after
 *   another per conversation, at 1 and at BENCH_TURN_CONCURRENCY (default 200) conversations at
 *   once; the baseline bot gets the same texts. Rounds alternate baseline and ours
 *   (BENCH_TURN_ROUNDS, default 2), so the ratio is taken under the same load on the machine.
 *
 * The server's memory is measured apart, on the compiled server as production starts it
 * (scripts/benchMemory.ts).
 *
 * BENCH_CPU_PROF=<dir> writes CPU profiles of the servers (node --cpu-prof) to <dir>/app and <dir>/baseline.
 * Run alone: `node --require tsx/cjs scripts/benchTurn.ts` (starts its own Azurite).
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StorageConfig } from '../bot/config';
import { FORM_FIELDS } from '../bot/domain/form/intakeForm';
import { REFERENCE_CASE } from '../test/fixtures/referenceCase';
import { startAzurite } from '../test/support/azurite';
import { TestChannel, TestUser, type MessageEndpoint } from '../test/support/botHarness';
import type { ServerCommand, ServerMessage } from './benchTurnServer';
import { benchNodeArgs } from './lib/serveCommand';

const CONCURRENCY = Number(process.env.BENCH_TURN_CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.BENCH_TURN_ROUNDS ?? 2);
/** Conversations one after another at concurrency 1 (each answers every question of the form). */
const SEQUENTIAL_CONVERSATIONS = 5;

type Kind = 'baseline' | 'app';
const ANSWERS = FORM_FIELDS.map((field) => REFERENCE_CASE[field.id]);

interface BenchServer extends MessageEndpoint {
  storage: StorageConfig;
  /** CPU time the server process has used so far (user + system), in microseconds. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

let servers = 0;

/** Starts a server process with its own tables on the given storage. */
function startServer(kind: Kind, storage: StorageConfig): Promise<BenchServer> {
  if (storage.kind !== 'connectionString') throw new Error('the bench runs on Azurite');
  const profile = process.env.BENCH_CPU_PROF && path.join(process.env.BENCH_CPU_PROF, kind);
  const child = fork(path.join(__dirname, 'benchTurnServer.ts'), [], {
    execArgv: [
      // Ours with the node options production starts it with; the minimal bot as node starts it.
      ...(kind === 'app' ? benchNodeArgs() : []),
      '--require',
      'tsx/cjs',
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_SERVER: kind,
      STORAGE_CONNECTION_STRING: storage.connectionString,
      TABLE_PREFIX: `bench${kind}${++servers}`,
      MicrosoftAppId: '',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`bench server exited with ${code}`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message as ServerMessage);
      });
    });
  return next().then((first) => {
    if (first.kind !== 'listening') throw new Error('bench server did not start');
    const url = `http://127.0.0.1:${first.port}/api/messages`;
    return {
      storage,
      async post(body) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.text() };
      },
      async cpu() {
        const answer = next();
        child.send('cpu' satisfies ServerCommand);
        const message = await answer;
        if (message.kind !== 'cpu') throw new Error('unexpected answer from the bench server');
        return message.micros;
      },
      stop: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.send('stop' satisfies ServerCommand);
        }),
    };
  });
}

/**
 * CPU time (ms) Azurite's process has used so far, read from /proc (Linux), found by the port in the
 * connection string; undefined elsewhere. Tells whether storage or the server saturates first.
 */
function azuriteCpuMs(storage: StorageConfig): number | undefined {
  if (storage.kind !== 'connectionString' || !existsSync('/proc')) return undefined;
  const port = /:(\d+)\/devstoreaccount1/.exec(storage.connectionString)?.[1];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.some((a) => a.includes('azurite')) || !args.includes(String(port))) continue;
      // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process ended while being read
    }
  }
  return undefined;
}

/** Runs `work` for each item with at most `limit` at once. */
export async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) await work(items[nextIndex++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function users(channel: TestChannel, server: BenchServer, count: number, tag: string): TestUser[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new TestUser(channel, server, {
        id: `29:${tag}-${i}`,
        aadObjectId: `aad-${tag}-${i}`,
        name: `Bench ${i}`,
      }),
  );
}

interface Run {
  times: number[];
  turnsPerSecond: number;
  /** The server's CPU time per turn: less at the mercy of other load on the machine than wall time. */
  cpuPerTurn: number;
  /** Azurite's CPU time per turn (NaN where it cannot be read). */
  storageCpuPerTurn: number;
}

/**
 * Opens a conversation for each user (ours: a draft, "ny sak"; the baseline: its state row), then
 * times every answer of the form, `concurrency` conversations at once.
 */
async function answerTurns(
  kind: Kind,
  server: BenchServer,
  channel: TestChannel,
  conversations: number,
  concurrency: number,
  tag: string,
): Promise<Run> {
  const people = users(channel, server, conversations, tag);
  await pool(people, 20, async (user) => {
    await user.say(kind === 'app' ? 'ny sak' : 'hei');
  });
  const times: number[] = [];
  const cpuBefore = await server.cpu();
  const storageBefore = azuriteCpuMs(server.storage);
  const start = performance.now();
  await pool(people, concurrency, async (user) => {
    for (const answer of ANSWERS) {
      const sent = performance.now();
      await user.say(answer);
      times.push(performance.now() - sent);
    }
  });
  const seconds = (performance.now() - start) / 1000;
  const cpuMs = ((await server.cpu()) - cpuBefore) / 1000;
  const storageAfter = azuriteCpuMs(server.storage);
  channel.sent.length = 0; // the channel's memory is not the bench's subject
  return {
    times,
    turnsPerSecond: times.length / seconds,
    cpuPerTurn: cpuMs / times.length,
    storageCpuPerTurn:
      storageBefore === undefined || storageAfter === undefined
        ? NaN
        : (storageAfter - storageBefore) / times.length,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

interface Figures {
  median: number;
  p95: number;
  turnsPerSecond: number;
  cpuPerTurn: number;
  storageCpuPerTurn: number;
}

function figures(runs: Run[]): Figures {
  const all = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  return {
    median: percentile(all, 50),
    p95: percentile(all, 95),
    turnsPerSecond: median(runs.map((r) => r.turnsPerSecond)),
    cpuPerTurn: median(runs.map((r) => r.cpuPerTurn)),
    storageCpuPerTurn: median(runs.map((r) => r.storageCpuPerTurn)),
  };
}

async function compareAt(
  concurrency: number,
  servers: Record<Kind, BenchServer>,
  channel: TestChannel,
): Promise<void> {
  const conversations = concurrency === 1 ? SEQUENTIAL_CONVERSATIONS : concurrency;
  const runs: Record<Kind, Run[]> = { baseline: [], app: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['baseline', 'app'] as const) {
      const tag = `c${concurrency}r${round}${kind}`;
      runs[kind].push(await answerTurns(kind, servers[kind], channel, conversations, concurrency, tag));
    }
  }
  const base = figures(runs.baseline);
  const ours = figures(runs.app);
  const row = (label: string, f: Figures) =>
    console.log(
      `  ${String(concurrency).padStart(10)}  ${label.padEnd(26)} ${ms(f.median)} ${ms(f.p95)} ${f.turnsPerSecond.toFixed(0).padStart(10)} ${ms(f.cpuPerTurn)} ${ms(f.storageCpuPerTurn)}`,
    );
  row('minimal durable bot', base);
  row('our answer turn', ours);
  console.log(
    `  ${''.padStart(10)}  ${'ratio (ours / minimal)'.padEnd(26)} ${`${(ours.median / base.median).toFixed(2)}×`.padStart(10)} ${`${(ours.p95 / base.p95).toFixed(2)}×`.padStart(10)} ${`${(ours.turnsPerSecond / base.turnsPerSecond).toFixed(2)}×`.padStart(10)} ${`${(ours.cpuPerTurn / base.cpuPerTurn).toFixed(2)}×`.padStart(10)}`,
  );
}

export async function turnBench(storage: StorageConfig): Promise<void> {
  const channel = new TestChannel();
  await channel.start();
  try {
    const servers = {
      baseline: await startServer('baseline', storage),
      app: await startServer('app', storage),
    };
    try {
      console.log(
        `Answer turn through /api/messages beside a minimal durable botbuilder bot (CloudAdapter, one state read and one ETag write per turn, one reply), each server in its own process on the same Azurite; ${ROUNDS} alternating rounds, ${ANSWERS.length} answers per conversation.`,
      );
      console.log(
        `  ${'concurrent'.padStart(10)}  ${''.padEnd(26)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'turns/s'.padStart(10)} ${'server CPU'.padStart(10)} ${'Azurite CPU'.padStart(11)}`,
      );
      // Warm-up, not counted: both servers' code compiled, connections open, Azurite's tables used.
      for (const kind of ['baseline', 'app'] as const) {
        await answerTurns(kind, servers[kind], channel, 20, 20, `warm${kind}`);
      }
      await compareAt(1, servers, channel);
      await compareAt(CONCURRENCY, servers, channel);
    } finally {
      await Promise.all([servers.baseline.stop(), servers.app.stop()]);
    }
  } finally {
    await channel.stop();
  }
}

if (require.main === module) {
  void (async () => {
    const azurite = await startAzurite();
    try {
      await turnBench(azurite.storage);
    } finally {
      await azurite.stop();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
