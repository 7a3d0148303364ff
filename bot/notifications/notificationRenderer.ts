import type { CaseRepository } from '../domain/cases/caseRepository';
import type { Lang } from '../domain/i18n/language';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import {
  CHANNEL_RECIPIENT,
  personOfRecipient,
  type NotificationRecord,
} from '../domain/notifications/notificationModel';
import type { CaseViews } from './caseViews';
import type { ConversationAddress, OutgoingMessage } from './outgoing';

/** The secretariat's team channel, if configured: a new case is posted there too. */
export interface ChannelTarget {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  botId: string;
  lang: Lang;
}

export interface NotificationRendererDeps {
  cases: CaseRepository;
  refs: ConversationRefRepository<ConversationAddress>;
  views: CaseViews;
  channel?: ChannelTarget;
}

/**
 * What the outbox asks at send time: where a recipient is reached, in which language, and the live
 * case card as it stands now for them. Built before the outbox, which is built before the notifier
 * that queues into it.
 */
export class NotificationRenderer {
  constructor(private readonly deps: NotificationRendererDeps) {}

  async resolve(recipient: string): Promise<ConversationAddress | undefined> {
    if (recipient === CHANNEL_RECIPIENT) {
      const c = this.deps.channel;
      if (!c) return undefined;
      return {
        channelId: 'msteams',
        serviceUrl: c.serviceUrl,
        bot: { id: c.botId, name: '' },
        conversation: {
          id: c.conversationId,
          isGroup: true,
          conversationType: 'channel',
          name: '',
          ...(c.tenantId ? { tenantId: c.tenantId } : {}),
        },
      };
    }
    const personId = personOfRecipient(recipient);
    return personId ? (await this.deps.refs.lookup(personId))?.reference : undefined;
  }

  async renderCard(n: NotificationRecord): Promise<OutgoingMessage | undefined> {
    const record = await this.deps.cases.get(n.caseNumber);
    if (!record) return undefined;
    const personId = personOfRecipient(n.recipient);
    const lang = personId
      ? await this.langOf(personId, record.submitter.lang)
      : (this.deps.channel?.lang ?? 'nn');
    return this.deps.views.activity(record, await this.deps.views.viewer(personId, record, lang), lang);
  }

  /** The person's current language, as last seen in their chat with the bot; else `fallback`. */
  async langOf(personId: string, fallback: Lang): Promise<Lang> {
    return (await this.deps.refs.lookup(personId))?.lang ?? fallback;
  }
}
