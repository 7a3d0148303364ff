import type { InvokeResponse } from 'botbuilder';

/** The one invoke this bot serves: Universal Actions on its Adaptive Cards. */
export const CARD_ACTION = 'adaptiveCard/action';

/**
 * What the bot answers for each invoke name it does not serve. botbuilder's default is 501 Not
 * Implemented; this bot answers 400 with a reason instead, because a 5xx says the server failed,
 * and here it did not: each of these names belongs to a capability this app does not declare
 * (appPackage/manifest.json has no messaging extension, dialog, bot-configured tab, bot sign-in or
 * file consent, and no card asks for a search), so Teams never sends one for a genuine click.
 *
 * - `application/search` (a card's `Data.Query` typeahead) is a Universal Actions invoke like
 *   `adaptiveCard/action`: Teams reads its error from `value` (`application/vnd.microsoft.error`),
 *   so it gets that shape, as a malformed card action does.
 * - The names Teams defines for undeclared capabilities get `{ error }`.
 * - Any other name is unknown to Teams itself: `{ error }` as well.
 */
const NOT_SERVED: Record<string, 'universalAction' | 'notDeclared'> = {
  'application/search': 'universalAction',
  'composeExtension/query': 'notDeclared',
  'composeExtension/queryLink': 'notDeclared',
  'composeExtension/anonymousQueryLink': 'notDeclared',
  'composeExtension/selectItem': 'notDeclared',
  'composeExtension/submitAction': 'notDeclared',
  'composeExtension/fetchTask': 'notDeclared',
  'composeExtension/querySettingUrl': 'notDeclared',
  'composeExtension/setting': 'notDeclared',
  'composeExtension/onCardButtonClicked': 'notDeclared',
  'task/fetch': 'notDeclared',
  'task/submit': 'notDeclared',
  'tab/fetch': 'notDeclared',
  'tab/submit': 'notDeclared',
  'config/fetch': 'notDeclared',
  'config/submit': 'notDeclared',
  'signin/verifyState': 'notDeclared',
  'signin/tokenExchange': 'notDeclared',
  'fileConsent/invoke': 'notDeclared',
  'actionableMessage/executeAction': 'notDeclared',
  'message/submitAction': 'notDeclared',
  'handoff/action': 'notDeclared',
};

function usesUniversalActionErrors(name: unknown): boolean {
  return name === CARD_ACTION || (typeof name === 'string' && NOT_SERVED[name] === 'universalAction');
}

/**
 * The body of a 400 for an invoke: `{ error }`, and for Universal Actions also the error Teams shows
 * on the card. The reason names a field or the invoke's kind, never what was sent.
 */
export function invokeRefusal(name: unknown, reason: string): Record<string, unknown> {
  return usesUniversalActionErrors(name)
    ? {
        error: reason,
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: reason },
      }
    : { error: reason };
}

/** The answer to an invoke this bot does not serve (see NOT_SERVED for why it is a 400). */
export function notServed(name: string): InvokeResponse {
  const known = Object.hasOwn(NOT_SERVED, name);
  const reason = known ? 'This bot does not serve this kind of invoke.' : 'Unknown invoke.';
  return { status: 400, body: invokeRefusal(name, reason) };
}
