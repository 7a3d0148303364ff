import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/cardTemplates';

/** A reply carrying one card: the cards are plain JSON, Bot Framework wants them as an attachment. */
export function cardReply(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
