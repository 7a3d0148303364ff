/**
 * The server's memory with open drafts, measured on the path production runs: the server compiled
 * (`npm run build:server`, into dist/) and started as App Service starts it (`npm run serve`'s
 * command, which infra/main.bicep's appCommandLine repeats), configured from the environment, on
 * Azurite. Figures only.
 *
 * BENCH_DRAFTS (default 200) drafts are opened through /api/messages, 20 conversations at once, and
 * left halfway through the form. Printed: the server's RSS as the kernel counts it (/proc) when it
 * has started, after one warm-up conversation, and with the drafts open, its peak RSS, and the heap
 * it retains after a full collection, before and after the drafts, per conversation.
 *
 * The measurement adds `--expose-gc` and a preloaded probe (scripts/lib/memoryProbe.cjs) that answers
 * on the IPC channel; the RSS figures are read before the probe collects garbage.
 * BENCH_NODE_ARGS replaces the start command's node options (to compare a setting; empty for none);
 * BENCH_MEMORY_DETAIL=1 prints V8's heap spaces and the packages the server has loaded. Run alone: `node --require tsx/cjs scripts/benchMemory.ts`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StorageConfig } from '../bot/config';
import { FORM_FIELDS } from '../bot/domain/form/intakeForm';
import { REFERENCE_CASE } from '../test/fixtures/referenceCase';
import { freePort, startAzurite } from '../test/support/azurite';
import { TestChannel, TestUser, type MessageEndpoint } from '../test/support/botHarness';
import { pool } from './benchTurn';
import { benchNodeArgs, serveCommand } from './lib/serveCommand';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 200);
const ROOT = path.join(__dirname, '..');
const HALF_THE_FORM = FORM_FIELDS.slice(0, Math.floor(FORM_FIELDS.length / 2)).map(
  (field) => REFERENCE_CASE[field.id],
);

interface HeapReading {
  kind: 'memory';
  rssBeforeGc: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  spaces: { name: string; size: number; used: number }[];
  modules: string[];
}

/** Compiles the server into dist/ as `npm run build:server` does. */
function buildServer(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** The process's resident set and its peak, in bytes, as the kernel counts them (Linux). */
function residentSet(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

interface ProductionServer extends MessageEndpoint {
  pid: number;
  heap(): Promise<HeapReading>;
  stop(): Promise<void>;
}

async function startProductionServer(storage: StorageConfig): Promise<ProductionServer> {
  if (storage.kind !== 'connectionString') throw new Error('the bench runs on Azurite');
  const port = await freePort();
  const nodeArgs = benchNodeArgs();
  const { entry } = serveCommand();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--require', path.join(__dirname, 'lib', 'memoryProbe.cjs'), ...nodeArgs, entry],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        STORAGE_CONNECTION_STRING: storage.connectionString,
        TABLE_PREFIX: 'benchmemory',
        PORT: String(port),
        MicrosoftAppId: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  // Started when /healthz answers (tables created, plans seeded, jobs started).
  for (let started = false; !started;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    started = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (!started) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    async post(body) {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    heap: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as HeapReading));
        child.send('memory');
      }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const both = (bytes: number) => `${mib(bytes)} (${(bytes / 1e6).toFixed(1)} MB)`;

/** The packages the server loaded, by number of modules (BENCH_MEMORY_DETAIL=1). */
function packages(modules: string[]): string {
  const count = new Map<string, number>();
  for (const file of modules) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(the app)';
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return [...count]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

export async function memoryBench(storage: StorageConfig): Promise<void> {
  buildServer();
  const channel = new TestChannel();
  await channel.start();
  const server = await startProductionServer(storage);
  try {
    const started = residentSet(server.pid);
    // One conversation through the whole form first, so the figure is what the drafts add, not the
    // first turn's templates, schemas and connections.
    const warm = new TestUser(channel, server, {
      id: '29:memwarm',
      aadObjectId: 'aad-memwarm',
      name: 'Warm',
    });
    await warm.say('ny sak');
    for (const field of FORM_FIELDS) await warm.say(REFERENCE_CASE[field.id]);
    await warm.say('send inn');
    channel.sent.length = 0; // what the bot sent is the channel's memory, not the server's
    const warmed = residentSet(server.pid);
    const before = await server.heap();

    const people = Array.from(
      { length: DRAFTS },
      (_, i) =>
        new TestUser(channel, server, {
          id: `29:memdraft-${i}`,
          aadObjectId: `aad-memdraft-${i}`,
          name: `Bench ${i}`,
        }),
    );
    await pool(people, 20, async (user) => {
      await user.say('ny sak');
      for (const answer of HALF_THE_FORM) await user.say(answer);
    });
    channel.sent.length = 0;
    const open = residentSet(server.pid);
    const after = await server.heap();

    const command = ['node', ...benchNodeArgs(), serveCommand().entry].join(' ');
    console.log(
      `Server memory: \`${command}\` as App Service starts it (built now), Node ${process.version}, ${DRAFTS} drafts opened 20 at a time and left halfway through the form (${after.modules.length} modules loaded).`,
    );
    console.log(`  RSS when started ${both(started.rss)}, after one conversation ${both(warmed.rss)}`);
    console.log(
      `  RSS with ${DRAFTS} drafts open ${both(open.rss)}, peak ${both(open.peak)} (target under 200 MB)`,
    );
    const perConversation = (after.heapUsed - before.heapUsed) / DRAFTS;
    console.log(
      `  heap retained after a full GC ${both(before.heapUsed)} before, ${both(after.heapUsed)} after: ${(perConversation / 1024).toFixed(1)} KiB (${(perConversation / 1000).toFixed(1)} kB) per conversation; RSS after the GC ${both(after.rss)}`,
    );
    if (process.env.BENCH_MEMORY_DETAIL) {
      const spaces = after.spaces.map((s) => `${s.name} ${mib(s.size)} (${mib(s.used)} used)`).join(', ');
      console.log(`  V8 heap spaces with the drafts open, before the GC: ${spaces}`);
      console.log(`  after the GC: heap total ${mib(after.heapTotal)}, external ${mib(after.external)}`);
      console.log(`  packages loaded (modules): ${packages(after.modules)}`);
    }
  } finally {
    await server.stop();
    await channel.stop();
  }
}

if (require.main === module) {
  void (async () => {
    if (!existsSync('/proc/self/status')) throw new Error('the memory bench reads /proc (Linux)');
    const azurite = await startAzurite();
    try {
      await memoryBench(azurite.storage);
    } finally {
      await azurite.stop();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
