/**
 * The server process of the turn bench (scripts/benchTurn.ts starts it with an IPC channel), so the
 * server's CPU is its own and not the load generator's.
 *
 * BENCH_SERVER=app: the real app (bot/app.ts), configured from the environment as in production.
 * BENCH_SERVER=baseline: the smallest durable botbuilder bot on the same stack: express with
 * express.json, botbuilder's CloudAdapter, ConversationState over our TableStateStorage (one Table
 * Storage read and one ETag write per turn), one reply per message.
 */
import type { Server } from 'node:http';
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

export type ServerMessage = { kind: 'listening'; port: number } | { kind: 'cpu'; micros: number };
export type ServerCommand = 'cpu' | 'stop';

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

async function product(): Promise<Server> {
  const app = await createApp(loadConfig(process.env), { log: silentLogger });
  return app.listen(0, '127.0.0.1');
}

async function main(): Promise<void> {
  const server = process.env.BENCH_SERVER === 'baseline' ? await baseline() : await product();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const send = (message: ServerMessage) => process.send?.(message);
  send({ kind: 'listening', port });
  process.on('message', (command: ServerCommand) => {
    if (command === 'cpu') {
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
