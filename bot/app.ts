import type { Server } from 'node:http';
import { ConversationState, UserState } from 'botbuilder';
import type { AppConfig } from './config';
import { createHttpApp } from './http/server';
import { jsonLogger, type Logger } from './logger';
import { StorageAccount } from './storage/storageAccount';
import { TableCaseRepository } from './storage/tableCaseRepository';
import { backfillCaseLists } from './storage/caseIndexBackfill';
import { TableConversationRefRepository } from './storage/tableConversationRefRepository';
import { TableJustificationRepository } from './storage/tableJustificationRepository';
import { TableNotificationRepository } from './storage/tableNotificationRepository';
import { TableRoleRepository } from './storage/tableRoleRepository';
import { bootstrapRoles } from './domain/roles/bootstrapRoles';
import { CaseQueries } from './domain/cases/caseAccess';
import { TableStateStorage } from './storage/tableStateStorage';
import { createBotAdapter } from './teams/botAdapter';
import type { BotServices } from './teams/botServices';
import { PartnershipBot } from './teams/partnershipBot';
import { createMessagesEndpoint } from './teams/messagesEndpoint';
import { createRouting } from './notifications/routingRuntime';
import { BotDelivery } from './notifications/botDelivery';
import { Authenticator } from './auth';
import { createApiRouter } from './http/api/apiRouter';
import { DEFAULT_PLANS } from './domain/plans/defaultPlans';
import { applySeedUpdates } from './domain/plans/seedUpdates';
import type { PlanRepository } from './domain/plans/planRepository';
import { PlanService } from './domain/plans/planService';
import { TablePlanRepository } from './storage/tablePlanRepository';
import { TableCaseLinkRepository } from './storage/tableCaseLinkRepository';
import { CaseLinkService } from './domain/caseLinks/caseLinkService';
import { publicFormConfigFrom } from './config';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { withWebEmail } from './domain/webIntake/webEmail';
import { AcsEmailSender } from './notifications/acsEmail';
import { WebIntakeService } from './domain/webIntake/webIntakeService';
import { createPublicForm } from './http/publicForm/publicFormApp';
import { TableRateLimiter } from './storage/tableRateLimiter';
import { TableStatusLinkRepository } from './storage/tableStatusLinkRepository';
import { TableWebDraftRepository } from './storage/tableWebDraftRepository';

export interface App {
  services: BotServices;
  storage: StorageAccount;
  plans: PlanRepository;
  listen(port: number, host?: string): Promise<Server>;
}

/** The composition root: storage, domain services, bot and HTTP, wired the same way in every environment. */
export async function createApp(
  config: AppConfig,
  /** emailCredential: the token source for ACS e-mail (tests); DefaultAzureCredential otherwise. */
  opts: { log?: Logger; now?: () => Date; emailCredential?: TokenCredential } = {},
): Promise<App> {
  const log = opts.log ?? jsonLogger;
  const storage = new StorageAccount(config.storage, config.tablePrefix);
  await storage.ensureTables();

  const adapter = createBotAdapter(config.botIdentity, log);
  const core = {
    config,
    cases: new TableCaseRepository(storage.table('cases')),
    conversationRefs: new TableConversationRefRepository(storage.table('conversationRefs')),
    roles: new TableRoleRepository(storage.table('roles'), storage.table('roleAudit')),
    now: opts.now ?? (() => new Date()),
  };
  // Routing cards, notifications and reminders; proactive sends go through the adapter.
  // E-mail to people who submitted on the public page, when ACS is configured.
  const webConfig = config.publicForm ?? publicFormConfigFrom({});
  const email = webConfig.email
    ? {
        sender: new AcsEmailSender(webConfig.email, opts.emailCredential ?? new DefaultAzureCredential()),
        ...(webConfig.publicUrl ? { publicUrl: webConfig.publicUrl } : {}),
        onError: (error: Error, caseNumber: string) =>
          log.error('email.send_failed', { case: caseNumber, error: error.message }),
      }
    : undefined;
  const notifications = new TableNotificationRepository(storage.table('notifications'));
  // Action plans, and the links of cases to their measures (shown on the case cards too).
  const plans = new TablePlanRepository(storage.table('plans'));
  const planService = new PlanService({ plans, roles: core.roles, now: core.now });
  const links = new TableCaseLinkRepository(storage.table('caseLinks'), storage.table('plans'));
  const caseLinks = new CaseLinkService({
    links,
    cases: core.cases,
    roles: core.roles,
    plans,
    planService,
    now: core.now,
  });
  const routing = createRouting(
    {
      ...core,
      justifications: new TableJustificationRepository(storage.table('justifications')),
      notifications,
    },
    {
      delivery: new BotDelivery(adapter, config.botIdentity.MicrosoftAppId, config.routing.sendTimeoutMs),
      log,
      ...(email ? { decorateEffects: (effects) => withWebEmail(effects, email.sender, email.onError) } : {}),
      measuresOf: (caseNumber) => caseLinks.measuresOf({ number: caseNumber }),
    },
  );
  const services: BotServices = { ...core, caseQueries: new CaseQueries(core), routing };
  await bootstrapRoles(services.roles, config.bootstrapRoles, services.now());
  // Cases stored before the case lists' rows and counters existed get them, once (idempotent).
  const indexedYears = await backfillCaseLists(storage.table('cases'));
  if (indexedYears.length) log.info('cases.lists_backfilled', { years: indexedYears.join(', ') });
  await services.routing.start();

  // Action plans and the tab's API.
  const seeded = await plans.seed(DEFAULT_PLANS, services.now());
  if (seeded.seeded) log.info('plans.seeded', { committees: seeded.committees, rows: seeded.rows });
  const updated = await applySeedUpdates(plans, DEFAULT_PLANS, services.now());
  if (updated.length) log.info('plans.seed_updated', { updates: updated.join(',') });
  const movedLinks = await links.moveMirrorsToPlansOnce(services.now());
  if (movedLinks) log.info('caseLinks.mirrors_moved', { links: movedLinks });
  if (config.localIdentity && config.storage.kind === 'accountUrl') {
    throw new Error('LOCAL_IDENTITY=on is refused with Azure storage (STORAGE_ACCOUNT_URL).');
  }
  const auth = new Authenticator({
    ...(config.sso ? { sso: config.sso } : {}),
    localIdentity: config.localIdentity ?? false,
    roles: services.roles,
  });
  auth.announce(log);
  const api = createApiRouter({
    auth,
    planService,
    caseLinks,
    roles: services.roles,
    cases: services.cases,
    caseQueries: services.caseQueries,
    notifications,
    now: services.now,
    log,
  });
  const stateStorage = new TableStateStorage(storage.table('botState'));
  const bot = new PartnershipBot(services, new ConversationState(stateStorage), new UserState(stateStorage));
  // The public intake page for citizens and relatives: the same form, the same case life cycle.
  const publicForm = createPublicForm({
    intake: new WebIntakeService({
      drafts: new TableWebDraftRepository(storage.table('webDrafts')),
      links: new TableStatusLinkRepository(storage.table('webStatusLinks')),
      limiter: new TableRateLimiter(storage.table('rateLimits')),
      cases: services.cases,
      lifecycle: services.routing.caseService,
      limits: webConfig.limits,
      draftDays: webConfig.draftDays,
      now: services.now,
      ...(email ? { email } : {}),
      measuresOf: (record) => caseLinks.measuresOf(record),
    }),
    trustProxy: webConfig.trustProxy,
    limits: webConfig.limits,
    draftDays: webConfig.draftDays,
    now: services.now,
    log,
  });
  const http = createHttpApp({
    messages: createMessagesEndpoint({ adapter, bot, services, log }),
    storage,
    log,
    unauthenticated: config.botIdentity.MicrosoftAppId === '',
    api,
    publicForm,
  });

  return {
    services,
    storage,
    plans,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const server = http.listen(port, host ?? '0.0.0.0', () => resolve(server));
        server.once('error', reject);
      }),
  };
}
