import type { Activity } from 'botbuilder';
import type { AppConfig } from '../../bot/config';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import {
  RunningBot,
  TestChannel,
  TestUser,
  cardOf,
  command,
  textOf,
  type InvokeBody,
} from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';

/** Azure AD object ids of the people in the routing tests (bootstrapped roles, as from configuration). */
export const IDS = {
  submitter: '00000000-0000-4000-8000-00000000a001',
  secretariat: '00000000-0000-4000-8000-00000000b001',
  ssuLeader: '00000000-0000-4000-8000-00000000c001',
  ssuDeputy: '00000000-0000-4000-8000-00000000c002',
  admin: '00000000-0000-4000-8000-00000000d001',
  outsider: '00000000-0000-4000-8000-00000000e001',
  /** Leads FSU rehabilitering (committee_leader held for 'fsu-rehabilitering'). */
  rehabLeader: '00000000-0000-4000-8000-00000000f101',
} as const;

export type Who = keyof typeof IDS;

const LOCALES: Record<Who, string> = {
  submitter: 'nb-NO', // Teams has no nynorsk: most people arrive as bokmål
  secretariat: 'nn-NO',
  ssuLeader: 'nn-NO',
  ssuDeputy: 'nn-NO',
  admin: 'en-GB',
  outsider: 'nn-NO',
  rehabLeader: 'nn-NO',
};

const NAMES: Record<Who, string> = {
  submitter: 'Runa Bakke',
  secretariat: 'Bodil Våge',
  ssuLeader: 'Tanja Thalen',
  ssuDeputy: 'Siv Jensen',
  admin: 'Admin Adminsen',
  outsider: 'Ola Utanfor',
  rehabLeader: 'Rut Rehab',
};

/** The bot on a fresh set of tables, with the roles of the guideline and a user per role. */
export class RoutingWorld {
  channel = new TestChannel();
  bot!: RunningBot;
  users = {} as Record<Who, TestUser>;

  static async start(overrides: Partial<AppConfig> = {}, now?: () => Date): Promise<RoutingWorld> {
    const world = new RoutingWorld();
    await world.channel.start();
    const base = testConfig();
    world.bot = await RunningBot.start(
      {
        ...base,
        bootstrapRoles: {
          admins: [IDS.admin],
          secretariatLeaders: [IDS.secretariat],
          secretariatMembers: [],
          ssuLeaders: [IDS.ssuLeader],
          ssuDeputies: [IDS.ssuDeputy],
        },
        routing: {
          ...base.routing,
          // The tests of one step at a time mean one SSU approval routes (the app's default is 2).
          approvalsRequired: 1,
          jobsIntervalSeconds: 0, // jobs run only when a test calls them
          retry: { immediateAttempts: 2, baseDelayMs: 5, maxAttempts: 4, retryAfterMs: 60_000 },
          ...overrides.routing,
        },
        ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'routing')),
      },
      now,
    );
    // Committee roles are not bootstrapped from configuration: granted as an administrator would.
    await world.bot.app.services.roles.grant({
      personId: IDS.rehabLeader,
      role: 'committee_leader',
      scope: 'fsu-rehabilitering',
      grantedBy: IDS.admin,
      grantedAt: new Date().toISOString(),
    });
    for (const who of Object.keys(IDS) as Who[]) {
      world.users[who] = new TestUser(world.channel, world.bot, {
        id: `29:${who}`,
        aadObjectId: IDS[who],
        name: NAMES[who],
        locale: LOCALES[who],
      });
    }
    return world;
  }

  get routing() {
    return this.bot.app.services.routing;
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.channel.stop();
  }

  /** Everyone opens the chat with the bot (that is when their conversation reference is stored). */
  async joinAll(): Promise<void> {
    for (const user of Object.values(this.users)) await user.join();
  }

  /** The submitter submits the reference case of seed 000 through the intake dialog; its number. */
  async submit(user: TestUser = this.users.submitter, title?: string): Promise<string> {
    await user.say('ny sak');
    let summary: Awaited<ReturnType<TestUser['say']>> = [];
    for (const field of FORM_FIELDS) {
      summary = await user.say(
        field.id === 'title' && title !== undefined ? title : REFERENCE_CASE[field.id],
      );
    }
    const replies = await user.press(summary, command('submit'));
    const match = /(\d{4}-\d{3})/.exec(textOf(replies));
    if (!match) throw new Error(`No case number in the receipt: ${textOf(replies).slice(0, 300)}`);
    await this.routing.outbox.drain();
    return match[1]!;
  }

  /** What the bot sent (POST) into a person's 1:1 chat, in order; card updates (PUT) left out. */
  posted(who: Who): Partial<Activity>[] {
    const conversationId = this.users[who].conversationId;
    return this.channel.sent
      .filter((s) => s.conversationId === conversationId && s.method !== 'PUT')
      .map((s) => s.activity);
  }

  /** The card updates (PUT) in a person's chat, in order. */
  updated(who: Who): Partial<Activity>[] {
    const conversationId = this.users[who].conversationId;
    return this.channel.sent
      .filter((s) => s.conversationId === conversationId && s.method === 'PUT')
      .map((s) => s.activity);
  }

  /** A click on a case card, then waiting for the notifications it caused. */
  async act(
    who: Who,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ card: Record<string, unknown>; text: string; body: InvokeBody }> {
    const { status, body } = await this.users[who].execute(verb, data);
    if (status !== 200) throw new Error(`invoke answered ${status}: ${JSON.stringify(body)}`);
    await this.routing.outbox.drain();
    const card = body.value ?? {};
    return {
      card,
      text: textOf([
        { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
      ]),
      body,
    };
  }

  async caseOf(number: string) {
    const record = await this.bot.app.services.cases.get(number);
    if (!record) throw new Error(`case ${number} not found`);
    return record;
  }
}

/** The last card posted in a person's chat. */
export function lastCard(activities: Partial<Activity>[]): Record<string, unknown> {
  return cardOf([...activities].reverse());
}

/** Action.Execute verbs anywhere in a card (including inside Action.ShowCard). */
export function verbsOf(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') verbs.push(record.verb);
      for (const [key, value] of Object.entries(record)) if (key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return verbs;
}

/** The data an Action.Execute with this verb sends (the first one found, refresh left out). */
export function executeData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) {
        found = record.data as Record<string, unknown>;
        return;
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return found;
}

/** Every string in a card (including inside Action.ShowCard), as a person would read it. */
export function allText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card);
  return parts.join('\n').split('\u2060').join('');
}
