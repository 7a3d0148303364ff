import type { Lang } from '../i18n/language';

/**
 * The part of a chat reference the app reads itself: who the chat is with. The rest (service URL,
 * conversation, bot) belongs to the channel; the adapter that stores and uses a reference names its
 * full type as `Ref`.
 */
export interface ChatReference {
  user?: { id: string; name?: string };
}

/**
 * Where to reach each person proactively (receipts, routing news): the reference of their 1:1 chat
 * with the bot, kept durably so notifications survive restarts, and the person's current language.
 */
export interface ConversationRefRepository<Ref extends ChatReference = ChatReference> {
  /** `lang` is the person's current language, remembered so notifications to them use it. */
  save(personId: string, reference: Ref, lang?: Lang): Promise<void>;
  /** The reference and the person's language as last seen, for proactive messages. */
  lookup(personId: string): Promise<{ reference: Ref; lang?: Lang } | undefined>;
  get(personId: string): Promise<Ref | undefined>;
}
