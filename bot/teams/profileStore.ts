import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { Lang } from '../domain/i18n/language';

/** What the bot remembers about a person. */
export interface UserProfile {
  /**
   * The person's language: chosen with "nynorsk", "bokmål" or "English", else decided on their first
   * turn (see personLang) and kept, so every later message, card and notification uses it.
   */
  lang?: Lang;
  welcomed?: boolean;
  /** The conversation, service URL and language last saved as the person's conversation reference. */
  referenceSavedFor?: string;
}

/**
 * Where the profile is kept. In the person's 1:1 chat with the bot, where nearly every turn happens,
 * it is part of that conversation's state: the turn then reads one row and writes one row (the
 * profile changes in the same ETag write as the draft and the record of handled activities), where
 * a separate user-state row would cost a second read on every turn. Elsewhere (a card action in a
 * channel, a group chat) the conversation is shared, so the profile stays in user state.
 *
 * The profile used to be kept in user state in the 1:1 chat too: a 1:1 chat whose state has none yet
 * takes a copy of the one in user state, once (one extra read on that chat's first turn).
 */
export class ProfileStore {
  private readonly inChat: StatePropertyAccessor<UserProfile | undefined>;
  private readonly ofUser: StatePropertyAccessor<UserProfile>;

  constructor(conversationState: ConversationState, userState: UserState) {
    this.inChat = conversationState.createProperty<UserProfile | undefined>('profile');
    this.ofUser = userState.createProperty<UserProfile>('profile');
  }

  /** The stored profile: changes made to it are saved with the turn. */
  async get(context: TurnContext): Promise<UserProfile> {
    if (context.activity.conversation.conversationType !== 'personal') return this.ofUser.get(context, {});
    let profile = await this.inChat.get(context);
    if (!profile) {
      profile = { ...(await this.ofUser.get(context, {})) };
      await this.inChat.set(context, profile);
    }
    return profile;
  }
}
