/**
 * The server process of the turn bench (scripts/benchTurn.ts starts it with --expose-gc and an IPC
 * channel), so the server's CPU, RSS and heap are its own and not the load generator's.
 *
 * BENCH_SERVER=app: the real app (bot/app.ts), configured from the environment as in production.
 * BENCH_SERVER=baseline: the smallest durable botbuilder bot on the same stack: express with
 * express.json, botbuilder's CloudAdapter, ConversationState over our TableStateStorage (one Table
 * Storage read and one ETag write per turn), one reply per message.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
} from 'botbuilder';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/logger';
import { StorageAccount } from '../bot/storage/storageAccount';
import { TableStateStorage } from '../bot/storage/tableStateStorage';

export type ServerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number }
  | { kind: 'cpu'; micros: number };
export type ServerCommand = 'memory' | 'cpu' | 'stop';

async function baseline(): Promise<Server> {
  const config = loadConfig(process.env);
  const storage = new StorageAccount(config.storage, config.tablePrefix);
  await storage.ensureTables(['botState']);
  const state = new ConversationState(new TableStateStorage(storage.table('botState')));
  const turns = state.createProperty<number>('turns');
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const count = (await turns.get(context, 0)) + 1;
    await turns.set(context, count);
    await context.sendActivity(`${count}`);
    await state.saveChanges(context, false);
    await next();
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = express();
  app.post('/api/messages', express.json({ limit: '256kb' }), (req, res) =>
    adapter.process(req, res, (context) => bot.run(context)),
  );
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** BENCH_BUILT=1: the compiled server in dist/ (`npm run build:server`), as production runs it. */
async function product(): Promise<Server> {
  const built = process.env.BENCH_BUILT === '1';
  const root = path.join(__dirname, '..', 'dist', 'bot');
  const start = built
    ? ((await import(path.join(root, 'app.js'))) as { createApp: typeof createApp }).createApp
    : createApp;
  const configure = built
    ? ((await import(path.join(root, 'config.js'))) as { loadConfig: typeof loadConfig }).loadConfig
    : loadConfig;
  const app = await start(configure(process.env), { log: silentLogger });
  return app.listen(0, '127.0.0.1');
}

async function main(): Promise<void> {
  const server = process.env.BENCH_SERVER === 'baseline' ? await baseline() : await product();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const send = (message: ServerMessage) => process.send?.(message);
  send({ kind: 'listening', port });
  process.on('message', (command: ServerCommand) => {
    if (command === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      send({ kind: 'memory', rss, heapUsed, heapTotal, external });
    } else if (command === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ kind: 'cpu', micros: user + system });
    } else {
      server.closeAllConnections();
      // process.exit, so --cpu-prof writes its profile even with the periodic jobs' timers pending.
      server.close(() => process.exit(0));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
