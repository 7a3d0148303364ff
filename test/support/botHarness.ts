import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import type { AppConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';

/**
 * A stand-in for the Teams channel on loopback: it receives what the bot sends (the Bot Framework
 * connector REST API) and answers the member lookup the bot makes for prefill.
 */
export class TestChannel {
  /**
   * Everything the bot sent, in the order it arrived, with the activity id the channel answered
   * (for an update: the one updated).
   */
  readonly sent: {
    conversationId: string;
    activity: Partial<Activity>;
    method?: 'POST' | 'PUT';
    id?: string;
  }[] = [];
  readonly members = new Map<
    string,
    { id: string; name: string; email?: string; userPrincipalName?: string; aadObjectId?: string }
  >();
  /** While set, the channel holds every reply until this settles (a turn kept in flight). */
  hold: Promise<void> | undefined;
  /** Called when an activity from the bot arrives, before it is held or answered. */
  onArrival: (() => void) | undefined;
  /** Set to make the next sends fail with this status (proactive-failure tests). */
  failWith: number | undefined;
  /** Sent as Retry-After with `failWith` (throttling tests). */
  retryAfter: string | undefined;
  /** Set to make card updates (PUT) fail with this status. */
  failUpdatesWith: number | undefined;
  /** Conversations whose sends and updates are never answered (the connection stays open). */
  readonly hung = new Set<string>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    let counter = 0;
    const record = async (req: express.Request, res: express.Response) => {
      this.onArrival?.();
      if (this.hung.has(String(req.params.conversationId))) return;
      if (this.hold) await this.hold;
      if (this.failWith) {
        if (this.retryAfter) res.setHeader('Retry-After', this.retryAfter);
        res
          .status(this.failWith)
          .json({ error: { code: 'ConversationNotFound', message: 'failing on purpose' } });
        return;
      }
      const conversationId = String(req.params.conversationId);
      const id = `sent-${++counter}`;
      this.sent.push({ conversationId, activity: req.body as Partial<Activity>, method: 'POST', id });
      res.json({ id });
    };
    app.post('/v3/conversations/:conversationId/activities', record);
    app.post('/v3/conversations/:conversationId/activities/:replyTo', record);
    app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      if (this.hung.has(String(req.params.conversationId))) return;
      if (this.failUpdatesWith) {
        res
          .status(this.failUpdatesWith)
          .json({ error: { code: 'BadGateway', message: 'failing on purpose' } });
        return;
      }
      this.sent.push({
        conversationId: String(req.params.conversationId),
        activity: { ...(req.body as object), id: req.params.activityId },
        method: 'PUT',
        id: String(req.params.activityId),
      });
      res.json({ id: req.params.activityId });
    });
    app.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
      const member = this.members.get(String(req.params.memberId));
      if (!member) res.status(404).json({ error: { code: 'MemberNotFound', message: 'no such member' } });
      else res.json(member);
    });
    this.server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections(); // hung requests too
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

export class RunningBot {
  constructor(
    readonly app: App,
    private readonly server: Server,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(config: AppConfig, now?: () => Date): Promise<RunningBot> {
    const app = await createApp(config, { log: silentLogger, ...(now ? { now } : {}) });
    const server = await app.listen(0, '127.0.0.1');
    return new RunningBot(app, server);
  }

  async stop(): Promise<void> {
    await this.app.services.routing.stop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** POSTs raw JSON to /api/messages and returns the status and body. */
  async post(body: unknown, contentType = 'application/json'): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }
}

/** Where a TestUser's activities go: one server, or a load balancer in front of several. */
export interface MessageEndpoint {
  post(body: unknown): Promise<{ status: number; body: string }>;
}

/** The body of an invoke response; for `adaptiveCard/action` a card (`value`) or an error. */
export interface InvokeBody {
  statusCode?: number;
  type?: string;
  value?: Record<string, unknown>;
}

export interface UserIdentity {
  id: string;
  aadObjectId: string;
  name: string;
  locale?: string;
}

/**
 * A person chatting with the bot 1:1 in Teams. Each call sends one real Bot Framework activity to
 * /api/messages and returns what the bot sent back during that turn.
 */
export class TestUser {
  private seq = 0;
  readonly conversationId: string;

  constructor(
    private readonly channel: TestChannel,
    public bot: MessageEndpoint,
    readonly identity: UserIdentity,
  ) {
    this.conversationId = `a:conv-${identity.id}`;
  }

  activity(extra: Partial<Activity>): Partial<Activity> {
    return {
      id: `in-${this.identity.id}-${++this.seq}`,
      channelId: 'msteams',
      serviceUrl: this.channel.url,
      timestamp: new Date(),
      locale: this.identity.locale ?? 'nn-NO',
      from: { id: this.identity.id, name: this.identity.name, aadObjectId: this.identity.aadObjectId },
      recipient: { id: '28:bot', name: 'Helsefellesskap' },
      conversation: {
        id: this.conversationId,
        conversationType: 'personal',
        isGroup: false,
        tenantId: 'tenant-1',
        name: '',
      },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    };
  }

  async send(extra: Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = this.channel.sent.length;
    const result = await this.bot.post(this.activity(extra));
    if (result.status >= 400) throw new Error(`/api/messages answered ${result.status}: ${result.body}`);
    return this.channel.sent
      .slice(before)
      .filter((s) => s.conversationId === this.conversationId)
      .map((s) => s.activity);
  }

  /** Everything the bot has sent to this person's conversation so far, oldest first. */
  received(): Partial<Activity>[] {
    return this.channel.sent.filter((s) => s.conversationId === this.conversationId).map((s) => s.activity);
  }

  say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', text });
  }

  /** Sends an invoke activity and returns the invoke response (status and parsed body). */
  async invoke(name: string, value: unknown): Promise<{ status: number; body: InvokeBody }> {
    const result = await this.bot.post(this.activity({ type: 'invoke', name, value }));
    return { status: result.status, body: (result.body ? JSON.parse(result.body) : {}) as InvokeBody };
  }

  /** A click on an Action.Execute of an Adaptive Card (Universal Actions): `adaptiveCard/action`. */
  execute(verb: string, data: Record<string, unknown>): Promise<{ status: number; body: InvokeBody }> {
    return this.invoke('adaptiveCard/action', {
      action: { type: 'Action.Execute', verb, data },
      trigger: 'manual',
    });
  }

  click(data: Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', value: data });
  }

  /**
   * Presses a button of the last card in `replies` as Teams would: sends that button's own data
   * (which names the draft and version the card was drawn for), merged with `inputs`.
   */
  press(
    replies: Partial<Activity>[],
    match: (data: Record<string, unknown>) => boolean,
    inputs: Record<string, unknown> = {},
  ): Promise<Partial<Activity>[]> {
    return this.click({ ...submitData(replies, match), ...inputs });
  }

  join(): Promise<Partial<Activity>[]> {
    return this.send({
      type: 'conversationUpdate',
      membersAdded: [
        { id: '28:bot', name: 'Helsefellesskap' },
        { id: this.identity.id, name: this.identity.name },
      ],
    });
  }
}

/** All visible text of a reply: message text and every string in its cards, for assertions. */
export function textOf(activities: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (
          [
            'text',
            'title',
            'value',
            'attachments',
            'content',
            'body',
            'items',
            'inlines',
            'columns',
            'facts',
            'actions',
            'choices',
            'label',
          ].includes(key)
        )
          walk(value);
      }
    }
  };
  for (const a of activities) {
    walk(a.text);
    walk(a.attachments);
  }
  return parts.join('\n').split('\u2060').join('');
}

/** The first Adaptive Card in the replies. */
export function cardOf(activities: Partial<Activity>[]): Record<string, unknown> {
  for (const a of activities) {
    const card = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
    if (card) return card.content as Record<string, unknown>;
  }
  throw new Error(`No Adaptive Card in: ${JSON.stringify(activities).slice(0, 500)}`);
}

/** The data of the first Action.Submit (anywhere on the last card in the replies) that matches. */
export function submitData(
  replies: Partial<Activity>[],
  match: (data: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const cards = replies.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x) => x.content as unknown),
  );
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Submit' && n.data && typeof n.data === 'object') found.push(n.data as never);
      Object.values(n).forEach(walk);
    }
  };
  walk(cards.at(-1));
  const hit = found.find(match);
  if (!hit) throw new Error(`No such button on the card: ${JSON.stringify(found).slice(0, 500)}`);
  return hit;
}

/** Matches a card button by its intake command (e.g. 'submit'). */
export const command =
  (name: string) =>
  (data: Record<string, unknown>): boolean =>
    data.intake === 'command' && data.command === name;
