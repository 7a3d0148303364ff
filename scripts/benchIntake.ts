/**
 * Intake through the real /api/messages (Bot Framework activities, state in Table Storage): time per
 * turn for the reference case of seed 000, the submit turn, the size of a conversation's stored
 * state at the summary, and the server's heap after many conversations. Figures only.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { App } from '../bot/app';
import { FORM_FIELDS } from '../bot/domain/form/intakeForm';
import { encodeKey } from '../bot/storage/keys';
import { REFERENCE_CASE } from '../test/fixtures/referenceCase';
import { RunningBot, TestChannel, TestUser } from '../test/support/botHarness';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Heap still in use after a full collection (npm run bench runs node with --expose-gc). */
function retainedHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function timed(run: () => Promise<unknown>, into: number[]): Promise<void> {
  const start = performance.now();
  await run();
  into.push(performance.now() - start);
}

export async function intakeBench(app: App, server: Server): Promise<void> {
  const channel = new TestChannel();
  await channel.start();
  const bot = new RunningBot(app, server);
  const answerTurns: number[] = [];
  const submitTurns: number[] = [];
  let stateBytes = 0;
  const heapBefore = retainedHeap();
  try {
    for (let i = 0; i < CONVERSATIONS; i++) {
      const user = new TestUser(channel, bot, {
        id: `29:bench-${i}`,
        aadObjectId: `aad-bench-${i}`,
        name: `Bench ${i}`,
      });
      await user.say('ny sak');
      for (const field of FORM_FIELDS) await timed(() => user.say(REFERENCE_CASE[field.id]), answerTurns);
      if (i === 0) {
        // The conversation's state row (dialog state with every answer) as Table Storage holds it.
        const key = `msteams/conversations/${user.conversationId}/`;
        const entity = await app.storage
          .table('botState')
          .getEntity<Record<string, unknown>>(encodeKey(key), 'state');
        stateBytes = Object.values(entity).reduce<number>(
          (n, v) => n + (typeof v === 'string' ? v.length * 2 : 8),
          0,
        );
      }
      await timed(() => user.say('send inn'), submitTurns);
      channel.sent.length = 0; // what the bot sent is not the server's memory
    }
  } finally {
    await channel.stop();
  }
  const heapAfter = retainedHeap();
  answerTurns.sort((a, b) => a - b);
  submitTurns.sort((a, b) => a - b);

  console.log(
    `Intake through /api/messages: ${CONVERSATIONS} conversations of the seed 000 reference case (${FORM_FIELDS.length} answers each), one at a time.`,
  );
  console.log(`  ${''.padEnd(52)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
  console.log(
    `  ${'answer turn (validate, state read + write, card)'.padEnd(52)} ${ms(percentile(answerTurns, 50))} ${ms(percentile(answerTurns, 95))}`,
  );
  console.log(
    `  ${'submit turn (number, case, history, receipt)'.padEnd(52)} ${ms(percentile(submitTurns, 50))} ${ms(percentile(submitTurns, 95))}`,
  );
  console.log(
    `  conversation state at the summary: ${(stateBytes / 1024).toFixed(1)} KiB in Table Storage (entity limit 1 MiB)`,
  );
  console.log(
    `  heap retained after a full GC (server and bench client): ${mib(heapBefore)} before, ${mib(heapAfter)} after; RSS ${mib(process.memoryUsage().rss)}`,
  );
}
