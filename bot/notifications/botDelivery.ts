import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { ConversationAddress, OutgoingMessage } from './outgoing';

/** Sends and updates messages in a stored conversation. The Bot Framework one is below. */
export interface Delivery {
  send(reference: ConversationAddress, activity: OutgoingMessage): Promise<{ activityId?: string }>;
  update(reference: ConversationAddress, activityId: string, activity: OutgoingMessage): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status from the channel (403 removed/blocked, 404 conversation not found, 429 throttled). */
    readonly status: number | undefined,
    /** The channel's Retry-After (on 429/503): no new attempt before this many ms have passed. */
    readonly retryAfterMs?: number,
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

/** Retry-After as seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function retryAfterOf(error: unknown, status: number | undefined): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })
    .response?.headers;
  return typeof headers?.get === 'function'
    ? parseRetryAfter(headers.get('retry-after'), new Date())
    : undefined;
}

/** The connector client's HTTP pipeline (@azure/core-rest-pipeline), as far as it is used here. */
interface ConnectorPipeline {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { timeout: number }, next: (request: never) => Promise<unknown>): Promise<unknown>;
  }): void;
}

/**
 * Proactive sends through the bot's CloudAdapter (`continueConversationAsync`): the seam between the
 * notifications and the SDK. The plain address and message (outgoing.ts) have the SDK's field names
 * and shapes and pass as they are. An error inside the turn logic would otherwise go to the adapter's onTurnError, which swallows it and tries to post
 * "something went wrong" into the very conversation that failed: it is caught here and rethrown.
 */
export class BotDelivery implements Delivery {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    /** NOTIFY_SEND_TIMEOUT_SECONDS: the HTTP request is aborted after this (the outbox stops waiting too). */
    private readonly timeoutMs: number,
  ) {}

  async send(reference: ConversationAddress, activity: OutgoingMessage): Promise<{ activityId?: string }> {
    let activityId: string | undefined;
    await this.run(reference, async (context) => {
      const response = await context.sendActivity(activity);
      activityId = response?.id;
    });
    return activityId ? { activityId } : {};
  }

  async update(reference: ConversationAddress, activityId: string, activity: OutgoingMessage): Promise<void> {
    await this.run(reference, async (context) => {
      await context.updateActivity({
        ...activity,
        id: activityId,
        conversation: context.activity.conversation,
      });
    });
  }

  private async run(
    reference: ConversationAddress,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        this.oneBoundedRequest(context);
        await logic(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) {
      const message = failure instanceof Error ? failure.message : JSON.stringify(failure);
      const status = statusOf(failure);
      throw new DeliveryError(message, status, retryAfterOf(failure, status));
    }
  }

  /**
   * The connector client of a proactive turn is made for that turn alone. Its pipeline would retry
   * 429/503 by itself, sleeping as long as Retry-After says, inside one call: the outbox decides
   * when to try again (its backoff, the Retry-After it is told), so each attempt is one request,
   * aborted after the timeout so that a channel that never answers does not keep its socket.
   */
  private oneBoundedRequest(context: TurnContext): void {
    const connector = context.turnState.get<{ client?: { pipeline?: ConnectorPipeline } } | undefined>(
      this.adapter.ConnectorClientKey,
    );
    const pipeline = connector?.client?.pipeline;
    if (!pipeline) return; // another SDK shape: the outbox's own timeout still bounds the wait
    for (const policy of pipeline.getOrderedPolicies()) {
      if (/retry/i.test(policy.name)) pipeline.removePolicy({ name: policy.name });
    }
    const timeoutMs = this.timeoutMs;
    pipeline.addPolicy({
      name: 'proactiveRequestTimeout',
      sendRequest(request, next) {
        request.timeout = timeoutMs;
        return next(request as never);
      },
    });
  }
}
