import type { Lang } from '../../bot/domain/i18n/language';
import { messages } from '../../bot/domain/i18n/messages';

/**
 * Case labels the bot's texts own (case states, the routing card's words). Kept apart from texts.ts
 * so the bot's texts load with the case pages only, not with the tab's first page.
 */
export function caseStateLabel(state: string, lang: Lang): string {
  const labels = messages(lang).stateLabels as Record<string, string>;
  return labels[state] ?? state;
}

export { routingMessages } from '../../bot/domain/i18n/messages';
