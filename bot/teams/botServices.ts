import type { ConversationReference } from 'botbuilder';
import type { AppConfig } from '../config';
import type { CaseQueries } from '../domain/cases/caseAccess';
import type { CaseRepository } from '../domain/cases/caseRepository';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import type { RoleRepository } from '../domain/roles/roleRepository';
import type { RoutingRuntime } from '../notifications/routingRuntime';

/** What the bot's handlers need, passed in by the composition root (bot/app.ts). */
export interface BotServices {
  config: AppConfig;
  cases: CaseRepository;
  conversationRefs: ConversationRefRepository<Partial<ConversationReference>>;
  roles: RoleRepository;
  /** Who may see which case (every card action checks it first). */
  caseQueries: CaseQueries;
  now: () => Date;
  /** Routing cards, notifications, reminders and standard justifications. */
  routing: RoutingRuntime;
}
