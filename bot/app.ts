import type { Server } from 'node:http';
import { ConversationState, UserState } from 'botbuilder';
import type { AppConfig } from './config';
import { createHttpApp } from './http/server';
import { jsonLogger, type Logger } from './logger';
import { ConversationRefRepository } from './storage/conversationRefRepository';
import { StorageAccount } from './storage/storageAccount';
import { TableCaseRepository } from './storage/tableCaseRepository';
import { TableRoleRepository } from './storage/tableRoleRepository';
import { bootstrapRoles } from './domain/roles/bootstrapRoles';
import { TableStateStorage } from './storage/tableStateStorage';
import { createBotAdapter } from './teams/botAdapter';
import type { BotServices } from './teams/botServices';
import { PartnershipBot } from './teams/partnershipBot';

export interface App {
  services: BotServices;
  storage: StorageAccount;
  listen(port: number, host?: string): Promise<Server>;
}

/** The composition root: storage, domain services, bot and HTTP, wired the same way in every environment. */
export async function createApp(
  config: AppConfig,
  opts: { log?: Logger; now?: () => Date } = {},
): Promise<App> {
  const log = opts.log ?? jsonLogger;
  const storage = new StorageAccount(config.storage, config.tablePrefix);
  await storage.ensureTables();

  const services: BotServices = {
    config,
    cases: new TableCaseRepository(storage.table('cases')),
    conversationRefs: new ConversationRefRepository(storage.table('conversationRefs')),
    roles: new TableRoleRepository(storage.table('roles'), storage.table('roleAudit')),
    now: opts.now ?? (() => new Date()),
  };
  await bootstrapRoles(services.roles, config.bootstrapRoles, services.now());
  const stateStorage = new TableStateStorage(storage.table('botState'));
  const bot = new PartnershipBot(services, new ConversationState(stateStorage), new UserState(stateStorage));
  const adapter = createBotAdapter(config.botIdentity, log);
  const http = createHttpApp({
    adapter,
    bot,
    storage,
    log,
    unauthenticated: config.botIdentity.MicrosoftAppId === '',
  });

  return {
    services,
    storage,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const server = http.listen(port, host ?? '0.0.0.0', () => resolve(server));
        server.once('error', reject);
      }),
  };
}
