import { ActivityTypes, type ActivityHandler, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../domain/i18n/language';
import { messages } from '../domain/i18n/messages';
import { REQUEST_ID, type Logger } from '../logger';
import { isServedType, parseActivity, type Refusal } from './activitySchema';
import type { BotAdapter } from './botAdapter';
import type { BotServices } from './botServices';
import { invokeRefusal } from './invokeAnswers';
import { personOf } from './partnershipBot';

/** What /api/messages answers: a status and, for invokes and refusals, a JSON body. */
export interface EndpointAnswer {
  status: number;
  body?: unknown;
}

export interface MessagesEndpoint {
  handle(body: unknown, authorization: string, requestId: string): Promise<EndpointAnswer>;
}

const UNAUTHENTICATED: EndpointAnswer = { status: 401, body: { error: 'The request is not authenticated.' } };

/** Token failures that are the caller's: a bad, expired or foreign token. Anything else is ours. */
function isTokenProblem(error: unknown): boolean {
  const { name, statusCode } = (error ?? {}) as { name?: string; statusCode?: number };
  return (
    statusCode === 401 ||
    statusCode === 403 ||
    name === 'JsonWebTokenError' ||
    name === 'TokenExpiredError' ||
    name === 'NotBeforeError'
  );
}

/**
 * The one way into the bot: every request body is parsed by activitySchema.ts before botbuilder or
 * any handler sees it, the token is checked (where the bot has an identity), and then
 * - a well-formed activity of a type the bot serves runs the bot;
 * - a type the bot does not serve (typing, reactions, events, …) is acknowledged and not run;
 * - a malformed invoke gets 400 with a short reason; a malformed message gets "I did not understand
 *   that" in the person's language; other malformed activities are acknowledged and not run;
 * - an activity without an envelope (no conversation, no sender, no service URL) cannot be answered
 *   or authenticated: an invoke gets 400, anything else 200 and nothing happens.
 * Every refusal is one log line naming the check and the field's path, never what was sent.
 */
export function createMessagesEndpoint(deps: {
  adapter: BotAdapter;
  bot: ActivityHandler;
  services: BotServices;
  log: Logger;
}): MessagesEndpoint {
  const { adapter, bot, services, log } = deps;

  async function replyNotUnderstood(context: TurnContext): Promise<void> {
    const remembered = await services.conversationRefs.lookup(personOf(context).id).catch(() => undefined);
    const lang = remembered?.lang ?? langFromLocale(context.activity.locale);
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: messages(lang).notUnderstood,
      textFormat: 'plain',
    });
  }

  return {
    async handle(body, authorization, requestId) {
      const parsed = parseActivity(body);
      const type =
        typeof (body as { type?: unknown } | null)?.type === 'string' ? (body as { type: string }).type : '';
      const typeForLog = isServedType(type) ? type : type ? 'other' : 'none';
      const refused = (refusal: Refusal) =>
        log.warn('activity.refused', {
          requestId,
          check: refusal.check,
          path: refusal.path,
          type: typeForLog,
        });

      if (!parsed.ok) refused(parsed.refusal);
      const activity = parsed.ok ? parsed.activity : parsed.envelope;
      if (!activity) {
        const refusal = (parsed as { refusal: Refusal }).refusal;
        const notAnActivity = refusal.check === 'body' || refusal.path === 'type';
        return notAnActivity || type === 'invoke'
          ? {
              status: 400,
              body: invokeRefusal(
                type === 'invoke' ? (body as { name?: unknown }).name : undefined,
                refusal.reason,
              ),
            }
          : { status: 200 };
      }

      let turnStarted = false;
      try {
        const response = await adapter.run(authorization, activity, async (context) => {
          turnStarted = true;
          context.turnState.set(REQUEST_ID, requestId);
          if (parsed.ok) {
            if (isServedType(context.activity.type)) await bot.run(context);
          } else if (type === 'invoke') {
            await context.sendActivity({
              type: ActivityTypes.InvokeResponse,
              value: {
                status: 400,
                body: invokeRefusal((body as { name?: unknown }).name, parsed.refusal.reason),
              },
            });
          } else if (type === 'message') {
            await replyNotUnderstood(context);
          }
        });
        return {
          status: response?.status ?? 200,
          ...(response?.body !== undefined ? { body: response.body } : {}),
        };
      } catch (error) {
        if (turnStarted) {
          // onTurnError itself failed: nothing of it is the caller's business.
          log.error('turn.unhandled', { requestId, error: (error as Error)?.message });
          return { status: 500, body: { error: 'Internal error' } };
        }
        // The token did not verify, or its keys could not be fetched: either way it is not verified.
        const fields = { requestId, error: (error as Error)?.message };
        if (isTokenProblem(error)) log.warn('bot.token_refused', fields);
        else log.error('bot.token_unverifiable', fields);
        return UNAUTHENTICATED;
      }
    },
  };
}
