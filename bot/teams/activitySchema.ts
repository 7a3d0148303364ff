import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * The one check of what arrives on /api/messages, before botbuilder or any handler sees it. It lives
 * beside the handlers because it is their input contract: what it lets through is exactly what
 * `activityInput.ts`, the bot and botbuilder's own dispatch read without further `typeof` checks.
 *
 * Two layers, because they fail differently:
 * - the envelope (who, where, which conversation): without it nothing can be answered at all, and
 *   the Bot Framework token cannot be checked against it;
 * - the content of the types the bot serves (message, invoke, conversationUpdate): a message with a
 *   bad content is answered "I did not understand that", an invoke with a bad value gets 400.
 * Objects are loose (Teams adds fields over time); the fields the app or botbuilder reads are typed,
 * and a field Teams never sends in the wrong type is refused rather than guessed at.
 */

const id = z.string().min(1).max(1000);
const account = z.looseObject({
  id,
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
  role: z.string().optional(),
});
const conversation = z.looseObject({
  id,
  conversationType: z.string().optional(),
  isGroup: z.boolean().optional(),
  tenantId: z.string().optional(),
  name: z.string().optional(),
});
const httpUrl = z.string().refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL' },
);
const timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a date' });

/** Who, where and which conversation: what answering the person and checking the token need. */
const envelope = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  channelId: id,
  serviceUrl: httpUrl,
  conversation,
  from: account,
  recipient: account,
});

/** Read by botbuilder or the bot for every served type (the language, Teams' tenant and event). */
const common = z.looseObject({
  locale: z.string().max(100).optional(),
  timestamp: timestamp.optional(),
  localTimestamp: timestamp.optional(),
  replyToId: z.string().optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string() }).optional(),
      team: z.looseObject({ id: z.string() }).optional(),
      channel: z.looseObject({ id: z.string() }).optional(),
      eventType: z.string().optional(),
    })
    .optional(),
});

/** A mention is stripped from the text by botbuilder, which reads its `mentioned.id` and `text`. */
const entity = z
  .looseObject({ type: z.string(), mentioned: account.optional(), text: z.string().optional() })
  .refine((e) => e.type !== 'mention' || (e.mentioned !== undefined && e.text !== undefined), {
    message: 'is a mention without mentioned.id or text',
  });
const attachment = z.looseObject({
  contentType: z.string(),
  content: z.unknown().optional(),
  contentUrl: z.string().optional(),
  name: z.string().optional(),
});

const message = common.extend({
  text: z.string().max(100_000).optional(),
  textFormat: z.string().optional(),
  entities: z.array(entity).max(100).optional(),
  attachments: z.array(attachment).max(50).optional(),
  // Card submits (Action.Submit): any JSON; activityInput.ts reads the intake cards' shape from it.
  value: z.unknown().optional(),
});

const conversationUpdate = common.extend({
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
});

/**
 * `adaptiveCard/action` (Universal Actions): the envelope of a card action, so no handler ever sees a
 * malformed shape. What the verb's `data` must hold is the card action handler's business.
 */
export const adaptiveCardActionValue = z.looseObject({
  action: z.looseObject({
    // Teams sends only Action.Execute as adaptiveCard/action (Action.Submit arrives as a message).
    type: z.literal('Action.Execute'),
    verb: z.string(),
    id: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().optional(),
});

/** Invoke values the bot reads; every other invoke's value is any JSON (the bot does not serve it). */
const INVOKE_VALUES: Record<string, z.ZodType> = { 'adaptiveCard/action': adaptiveCardActionValue };

const invoke = common.extend({ name: z.string().min(1).max(200), value: z.unknown().optional() });

/** The activity types the bot serves; every other type is acknowledged and not run (see the endpoint). */
export const SERVED_TYPES = ['message', 'invoke', 'conversationUpdate'] as const;
export type ServedType = (typeof SERVED_TYPES)[number];

export function isServedType(type: string): type is ServedType {
  return (SERVED_TYPES as readonly string[]).includes(type);
}

export interface Refusal {
  /** Which check refused: the envelope, or the content of a served type. */
  check: 'body' | 'envelope' | 'content';
  /** The path of the first failing field, e.g. `value.action.type` (field names only, never values). */
  path: string;
  /** A short reason for a 400, naming the field and not repeating what was sent. */
  reason: string;
}

export type ActivityParse =
  | { ok: true; activity: Activity }
  /** `envelope` is set when the envelope itself was fine: the turn can still be answered. */
  | { ok: false; refusal: Refusal; envelope?: Activity };

/** A path of field names; a key that is not a plain name (it came from the sender) is not repeated. */
function pathOf(path: readonly PropertyKey[]): string {
  return (
    path
      .map((key) =>
        typeof key === 'number' || /^[A-Za-z_][\w]{0,40}$/.test(String(key)) ? String(key) : '…',
      )
      .join('.') || '(activity)'
  );
}

/** How a field failed, in words that never repeat the value sent. */
function failure(issue: z.core.$ZodIssue | undefined, sent: unknown): string {
  switch (issue?.code) {
    case 'invalid_type':
      if (sent === undefined) return 'is required';
      return issue.expected === 'object' || issue.expected === 'record'
        ? 'must be an object'
        : `must be ${issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_big':
      return 'is too long';
    case 'too_small':
      return 'is empty';
    case 'custom':
      return issue.message;
    default:
      return 'is not valid';
  }
}

function refusal(check: Refusal['check'], error: z.ZodError, body: unknown, prefix: string[] = []): Refusal {
  const issue = error.issues[0];
  const keys = [...prefix, ...(issue?.path ?? [])];
  let sent: unknown = body;
  for (const key of keys) sent = (sent as Record<PropertyKey, unknown> | null | undefined)?.[key];
  const path = pathOf(keys);
  return { check, path, reason: `activity.${path} ${failure(issue, sent)}.` };
}

/** The envelope's fields only: enough to authenticate the request and answer the person. */
function envelopeOf(parsed: z.infer<typeof envelope>, body: Record<string, unknown>): Activity {
  const { type, id, channelId, serviceUrl, conversation, from, recipient } = parsed;
  const locale = common.shape.locale.safeParse(body.locale);
  return {
    type,
    channelId,
    serviceUrl,
    conversation,
    from,
    recipient,
    ...(id !== undefined ? { id } : {}),
    ...(locale.success && locale.data !== undefined ? { locale: locale.data } : {}),
  } as unknown as Activity;
}

/** botbuilder's own HTTP path turns the date strings into Dates (keeping the raw text); so do we. */
function withDates(activity: Record<string, unknown>): Activity {
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof activity[key] === 'string') {
      activity[raw] = activity[key];
      activity[key] = new Date(activity[key]);
    }
  }
  return activity as unknown as Activity;
}

const CONTENT: Record<ServedType, z.ZodType> = { message, invoke, conversationUpdate };

/** Parses a request body into an activity the handlers can read, or says which check refused it. */
export function parseActivity(body: unknown): ActivityParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      refusal: { check: 'body', path: '(activity)', reason: 'The body must be a JSON activity object.' },
    };
  }
  const outer = envelope.safeParse(body);
  if (!outer.success) return { ok: false, refusal: refusal('envelope', outer.error, body) };
  const env = envelopeOf(outer.data, body as Record<string, unknown>);
  const type = outer.data.type;
  if (!isServedType(type)) return { ok: true, activity: env };
  const content = CONTENT[type].safeParse(body);
  if (!content.success) return { ok: false, refusal: refusal('content', content.error, body), envelope: env };
  if (type === 'invoke') {
    const schema = INVOKE_VALUES[(content.data as { name: string }).name];
    const value = schema?.safeParse((body as { value?: unknown }).value);
    if (value && !value.success) {
      return { ok: false, refusal: refusal('content', value.error, body, ['value']), envelope: env };
    }
  }
  return { ok: true, activity: withDates({ ...(body as Record<string, unknown>) }) };
}
