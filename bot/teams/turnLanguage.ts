import type { TurnContext } from 'botbuilder';
import type { Lang } from '../domain/i18n/language';

const LANG_KEY = Symbol('lang');

/** The language of this turn, decided once by the bot from the person's choice or Teams' locale. */
export function setTurnLang(context: TurnContext, lang: Lang): void {
  context.turnState.set(LANG_KEY, lang);
}

export function turnLang(context: TurnContext): Lang {
  return context.turnState.get<Lang | undefined>(LANG_KEY) ?? 'nn';
}
