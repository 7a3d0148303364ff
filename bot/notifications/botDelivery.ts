import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/** Sends and updates activities in a stored conversation. The Bot Framework one is below. */
export interface Delivery {
  send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ activityId?: string }>;
  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status from the channel (403 removed/blocked, 404 conversation not found, 429 throttled). */
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null) {
    const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
    for (const candidate of [e.statusCode, e.status, e.response?.status]) {
      if (typeof candidate === 'number') return candidate;
    }
  }
  return undefined;
}

/**
 * Proactive sends through the bot's CloudAdapter (`continueConversationAsync`). An error inside the
 * turn logic would otherwise go to the adapter's onTurnError, which swallows it and tries to post
 * "something went wrong" into the very conversation that failed: it is caught here and rethrown.
 */
export class BotDelivery implements Delivery {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ activityId?: string }> {
    let activityId: string | undefined;
    await this.run(reference, async (context) => {
      const response = await context.sendActivity(activity);
      activityId = response?.id;
    });
    return activityId ? { activityId } : {};
  }

  async update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void> {
    await this.run(reference, async (context) => {
      await context.updateActivity({
        ...activity,
        id: activityId,
        conversation: context.activity.conversation,
      });
    });
  }

  private async run(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) {
      const message = failure instanceof Error ? failure.message : JSON.stringify(failure);
      throw new DeliveryError(message, statusOf(failure));
    }
  }
}
