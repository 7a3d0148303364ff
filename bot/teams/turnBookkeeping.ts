import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * How many activity ids a conversation remembers as handled. Channels re-send within seconds or
 * minutes, so the last 50 cover any repeat while keeping the stored state small.
 */
export const HANDLED_ACTIVITY_LIMIT = 50;

/** The ids handled so far with `id` added, the oldest dropped beyond the limit. */
export function rememberHandled(handled: readonly string[], id: string): string[] {
  return [...handled.filter((h) => h !== id), id].slice(-HANDLED_ACTIVITY_LIMIT);
}

/**
 * Whether this activity's id is recorded when handled and a repeat recognised. Invokes other than
 * card actions change nothing (they are refused), so only the card action is tracked among them.
 */
export function trackedActivityId(activity: Partial<Activity>): string | undefined {
  if (!activity.id) return undefined;
  if (activity.type === ActivityTypes.Invoke && activity.name !== 'adaptiveCard/action') return undefined;
  return activity.id;
}

export interface HeldReplies {
  /** Sends what was held, in order. */
  release(): Promise<void>;
  /** Forgets what was held: the turn's state was not stored, so its replies would not be true. */
  discard(): void;
  /** From now on replies go out at once (an error reply after the turn failed). */
  stopHolding(): void;
}

/**
 * Holds the turn's outgoing messages until the state they describe is stored, so a person is never
 * told "next question" about an answer that a crash or a lost ETag race then dropped. The invoke
 * response passes straight through: it is the HTTP body, answered after the turn anyway.
 */
export function holdReplies(context: TurnContext): HeldReplies {
  let holding = true;
  let held: (() => Promise<ResourceResponse[]>)[] = [];
  context.onSendActivities(async (_context, activities, next) => {
    if (!holding || activities.every((a) => a.type === ActivityTypes.InvokeResponse)) return next();
    held.push(next);
    return activities.map(() => ({ id: '' }));
  });
  return {
    async release() {
      const sends = held;
      held = [];
      for (const send of sends) await send();
    },
    discard() {
      held = [];
    },
    stopHolding() {
      holding = false;
    },
  };
}
