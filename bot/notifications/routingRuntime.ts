import type { AppConfig } from '../config';
import type { CaseRepository } from '../domain/cases/caseRepository';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import type { NotificationRecord, NotificationRepository } from '../domain/notifications/notificationModel';
import { CaseService, type CaseEffects } from '../domain/routing/caseService';
import type { JustificationRepository } from '../domain/routing/justifications';
import type { RoleRepository } from '../domain/roles/roleRepository';
import type { Logger } from '../logger';
import type { Delivery } from './botDelivery';
import type { ConversationAddress } from './outgoing';
import { CaseNotifier } from './caseNotifier';
import type { CaseCardMeasure } from '../cards/caseCards';
import { CaseViews } from './caseViews';
import { NotificationRenderer } from './notificationRenderer';
import { Outbox } from './outbox';

/** Routing decisions, their notifications and reminders, as the bot and the jobs use them. */
export interface RoutingRuntime {
  caseService: CaseService;
  views: CaseViews;
  notifier: CaseNotifier;
  outbox: Outbox;
  justifications: JustificationRepository;
  /**
   * One run of the periodic job (retry due notifications, then remind of cases left waiting), here
   * waiting until what it started has been tried; the timer's own runs do not wait for the sends.
   */
  runJobs(at?: Date): Promise<void>;
  /** Seeds the standard justifications and starts the periodic job (JOBS_INTERVAL_SECONDS). */
  start(): Promise<void>;
  /** Stops the periodic job and waits for deliveries in flight. */
  stop(): Promise<void>;
}

/** The repositories routing works on; the composition root (bot/app.ts) builds them. */
export interface RoutingRepositories {
  cases: CaseRepository;
  roles: RoleRepository;
  conversationRefs: ConversationRefRepository<ConversationAddress>;
  justifications: JustificationRepository;
  notifications: NotificationRepository;
}

/**
 * Wires the notification pieces from the repositories it is given: the views and the renderer
 * first, the outbox that sends through them, then the notifier that queues into the outbox.
 */
export function createRouting(
  core: RoutingRepositories & { config: AppConfig; now: () => Date },
  deps: {
    log: Logger;
    /** Proactive sends: the Bot Framework delivery, built by the composition root. */
    delivery: Delivery;
    /** Adds effects after the notifier's (e-mail to web submitters). */
    decorateEffects?: (effects: CaseEffects) => CaseEffects;
    /** The measures a case is linked to, shown on its card. */
    measuresOf?: (caseNumber: string) => Promise<readonly CaseCardMeasure[]>;
  },
): RoutingRuntime {
  const { config, cases, roles, conversationRefs, justifications, notifications, now } = core;
  const settings = config.routing;
  const views = new CaseViews({
    cases,
    roles,
    refs: conversationRefs,
    justifications,
    approvalsRequired: settings.approvalsRequired,
    ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}),
    ...(deps.measuresOf ? { measuresOf: deps.measuresOf } : {}),
  });
  const channel = settings.secretariatChannel;
  const renderer = new NotificationRenderer({
    cases,
    refs: conversationRefs,
    views,
    ...(channel
      ? {
          channel: {
            ...channel,
            botId: config.botIdentity.MicrosoftAppId || 'bot',
            ...(config.botIdentity.MicrosoftAppTenantId
              ? { tenantId: config.botIdentity.MicrosoftAppTenantId }
              : {}),
          },
        }
      : {}),
  });
  const outbox: Outbox = new Outbox({
    repo: notifications,
    delivery: deps.delivery,
    resolve: (recipient) => renderer.resolve(recipient),
    renderCard: (n) => renderer.renderCard(n),
    // The notifier is built below; a card is delivered only after the runtime is assembled.
    cardDelivered: (n: NotificationRecord): Promise<void> => notifier.cardDelivered(n),
    retry: settings.retry,
    sendTimeoutMs: settings.sendTimeoutMs,
    leaseMs: settings.leaseMs,
    now,
    log: deps.log,
  });
  const notifier: CaseNotifier = new CaseNotifier({
    cases,
    refs: conversationRefs,
    views,
    renderer,
    outbox,
    hasChannel: channel !== undefined,
    ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}),
    reminderWorkingDays: settings.reminderWorkingDays,
    now,
    log: deps.log,
  });
  const caseService = new CaseService({
    cases,
    roles,
    now,
    policy: { approvalsRequired: settings.approvalsRequired },
    effects: deps.decorateEffects?.(notifier) ?? notifier,
  });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** A step's "to notify" mark older than the lease was left behind by an instance that died. */
  const leftBehind = (at: Date) => new Date(at.getTime() - settings.leaseMs);
  const runJobs = async (at?: Date) => {
    await caseService.recoverNotifications(leftBehind(at ?? now()));
    await outbox.sweep(at);
    await notifier.remind(at);
    await outbox.drain();
  };
  /**
   * The periodic run starts what is due and returns without waiting for the sends: they go on in the
   * background (each bounded by its timeout), and the next run skips what is still on its way.
   */
  const tick = async () => {
    await caseService.recoverNotifications(leftBehind(now()));
    await outbox.sweep(now(), { wait: false });
    await notifier.remind();
  };
  return {
    caseService,
    views,
    notifier,
    outbox,
    justifications,
    runJobs,
    async start() {
      await justifications.seedDefaults(now());
      if (settings.jobsIntervalSeconds > 0 && !timer) {
        timer = setInterval(() => {
          if (running) return; // the last run is still reading storage
          running = tick()
            .catch((error: unknown) => deps.log.error('jobs.failed', { error: (error as Error).message }))
            .finally(() => (running = undefined));
        }, settings.jobsIntervalSeconds * 1000);
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
      await outbox.drain();
    },
  };
}
