import type { AdaptiveCard } from '../cards/cardTemplates';

/**
 * What the notifications hand to the delivery, as plain data: the fields of the Bot Framework's
 * conversation reference and activity that they use, with the same names and shapes, so the delivery
 * (botDelivery.ts, the one place that knows the SDK) passes them on as they are, and what the outbox
 * stored before keeps its meaning.
 */

/** A person or the bot on the channel. */
export interface ChannelParty {
  id: string;
  name: string;
  aadObjectId?: string;
}

export interface ChannelConversation {
  id: string;
  name: string;
  isGroup: boolean;
  conversationType: string;
  tenantId?: string;
}

/** Where a proactive message goes: a person's 1:1 chat as the bot saved it, or the team channel. */
export interface ConversationAddress {
  channelId?: string;
  serviceUrl?: string;
  bot?: ChannelParty;
  user?: ChannelParty;
  conversation?: ChannelConversation;
  locale?: string;
}

export type MessageAttachment = {
  contentType: string;
  content: unknown;
};

/** A message to send; a 'message' notification stores it in this shape (plain data: a type, not an interface). */
export type OutgoingMessage = {
  type: 'message';
  /** The line Teams shows in the chat list and in its notifications. */
  summary?: string;
  text?: string;
  attachments?: MessageAttachment[];
};

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A message carrying one card. */
export function cardMessage(card: AdaptiveCard, summary: string): OutgoingMessage {
  return { type: 'message', summary, attachments: [{ contentType: ADAPTIVE_CARD, content: card }] };
}
