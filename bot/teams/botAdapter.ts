import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotIdentityConfig } from '../config';
import { messages } from '../domain/i18n/messages';
import { StateConflictError } from '../domain/stateConflict';
import { REQUEST_ID, type Logger } from '../logger';
import { turnLang } from './turnLanguage';

/** The adapter, with the entry the HTTP edge uses for an activity already checked by activitySchema.ts. */
export class BotAdapter extends CloudAdapter {
  /**
   * Checks the request's token, then runs `logic` in a turn. Unlike `process()`, it writes no HTTP
   * answer and logs nothing itself: the endpoint decides what the caller may see of a failure.
   */
  run(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it neither checks incoming tokens nor
 * signs replies: that is local development (Agents Playground, tests), and the HTTP layer then only
 * accepts requests from loopback.
 */
export function createBotAdapter(identity: BotIdentityConfig, log: Logger): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    identity as unknown as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new BotAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    if (error instanceof StateConflictError) {
      // Turns of one conversation kept racing; the bot gave up on this one after a few attempts.
      log.warn('turn.state_conflict', { conversation: context.activity.conversation?.id });
      return;
    }
    log.error('turn.failed', {
      requestId: context.turnState.get<string | undefined>(REQUEST_ID),
      error: error.message,
      stack: error.stack,
      activityType: context.activity.type,
    });
    // Conversation state is deliberately kept: the draft is the person's work.
    try {
      await context.sendActivity(messages(turnLang(context)).somethingWentWrong);
    } catch (sendError) {
      log.error('turn.error_reply_failed', { error: (sendError as Error).message });
    }
  };
  return adapter;
}
