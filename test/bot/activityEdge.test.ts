import assert from 'node:assert/strict';
import { createApp } from '../../bot/app';
import type { LogFields, Logger } from '../../bot/logger';
import { RunningBot, TestChannel, TestUser, textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { TURN_TABLES, storedRows } from '../support/storedRows';

const NOT_UNDERSTOOD = {
  nn: 'Eg forstod ikkje heilt. Skriv «ny sak» for å melde inn ei sak, «status» for sakene dine eller «hjelp».',
  en: 'I did not quite understand. Type "new case" to submit a case, "status" for your cases, or "help".',
};

/** Every log line of the app, to see which check refused what and that no turn failed. */
class CapturingLog implements Logger {
  readonly lines: { level: string; event: string; fields: LogFields }[] = [];
  debug = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'debug', event, fields });
  info = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'info', event, fields });
  warn = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'warn', event, fields });
  error = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'error', event, fields });
  events(name: string) {
    return this.lines.filter((l) => l.event === name);
  }
}

describe('the edge of /api/messages: every activity is checked before a handler runs', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  let log: CapturingLog;
  let seq = 0;

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    log = new CapturingLog();
    const app = await createApp(testConfig(), { log });
    bot = new RunningBot(app, await app.listen(0, '127.0.0.1'));
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  /** Every test here also checks that no turn threw on its input. */
  const itEdge = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      await fn();
      assert.deepEqual(log.events('turn.failed'), [], 'no turn threw');
    });

  const person = () =>
    new TestUser(channel, bot, { id: `29:edge-${++seq}`, aadObjectId: `aad-edge-${seq}`, name: 'Edda Kant' });

  /** Posts the activity and returns the status, the parsed body and what the bot sent meanwhile. */
  async function post(user: TestUser, extra: Record<string, unknown>) {
    const before = channel.sent.length;
    const result = await bot.post(user.activity(extra));
    const body = result.body ? (JSON.parse(result.body) as Record<string, unknown>) : undefined;
    return { status: result.status, body, sent: channel.sent.slice(before).map((s) => s.activity) };
  }

  describe('adaptiveCard/action with a value that is no card action → 400 with the reason Teams shows', () => {
    const values: [string, unknown, string][] = [
      ['{}', {}, 'activity.value.action is required.'],
      ['{"action":null}', { action: null }, 'activity.value.action must be an object.'],
      ['"x"', 'x', 'activity.value must be an object.'],
      ['[]', [], 'activity.value must be an object.'],
      ['1', 1, 'activity.value must be an object.'],
      ['null', null, 'activity.value must be an object.'],
      ['no value', undefined, 'activity.value is required.'],
      [
        'fields with non-function toString/valueOf',
        {
          action: {
            type: { toString: 'x', valueOf: 1 },
            verb: 'forward',
            data: { caseNumber: '2026-001' },
          },
        },
        'activity.value.action.type must be "Action.Execute".',
      ],
      [
        'a verb that is an object',
        { action: { type: 'Action.Execute', verb: { toString: 'x' }, data: {} } },
        'activity.value.action.verb must be a string.',
      ],
      [
        'data that is an array',
        { action: { type: 'Action.Execute', verb: 'refresh', data: ['2026-001'] } },
        'activity.value.action.data must be an object.',
      ],
      [
        'a trigger that is a number',
        { action: { type: 'Action.Execute', verb: 'refresh', data: {} }, trigger: 7 },
        'activity.value.trigger must be a string.',
      ],
    ];
    for (const [what, value, reason] of values) {
      it(what, async () => {
        const user = person();
        const answer = await post(user, { type: 'invoke', name: 'adaptiveCard/action', value });
        assert.equal(answer.status, 400);
        assert.deepEqual(answer.body, {
          error: reason,
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: reason },
        });
        assert.deepEqual(answer.sent, [], 'no "something went wrong" in the chat');
        assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
          botState: [],
          conversationRefs: [],
          cases: [],
        });
        const refused = log.events('activity.refused');
        assert.equal(refused.length, 1, 'one log line');
        assert.deepEqual(refused[0]!.fields, {
          requestId: refused[0]!.fields.requestId,
          check: 'content',
          path: reason.replace(/^activity\.(\S+) .*$/, '$1'),
          type: 'invoke',
        });
      });
    }

    itEdge('a well-formed card action still reaches the card handler', async () => {
      const answer = await post(person(), {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'refresh', data: { caseNumber: '2026-999' } } },
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.body?.type, 'application/vnd.microsoft.card.adaptive');
    });
  });

  describe('invokes the bot does not serve → 400 with a reason, never a 5xx', () => {
    const invokes: [string, unknown, Record<string, unknown>][] = [
      [
        'application/search',
        'x',
        {
          error: 'This bot does not serve this kind of invoke.',
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'This bot does not serve this kind of invoke.' },
        },
      ],
      [
        'application/search',
        { kind: 'search', queryText: 'a', dataset: 'x' },
        {
          error: 'This bot does not serve this kind of invoke.',
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'This bot does not serve this kind of invoke.' },
        },
      ],
      ['composeExtension/query', 'x', { error: 'This bot does not serve this kind of invoke.' }],
      ['task/fetch', { data: 1 }, { error: 'This bot does not serve this kind of invoke.' }],
      ['signin/verifyState', null, { error: 'This bot does not serve this kind of invoke.' }],
      ['Error: at x (/work/x.ts:1:1)', {}, { error: 'Unknown invoke.' }],
    ];
    for (const [name, value, body] of invokes) {
      itEdge(`${name} with ${JSON.stringify(value)}`, async () => {
        const answer = await post(person(), { type: 'invoke', name, value });
        assert.equal(answer.status, 400);
        assert.deepEqual(answer.body, body);
        assert.deepEqual(answer.sent, []);
      });
    }
  });

  describe('messages of a shape Teams never sends → "I did not understand" in the person\'s language', () => {
    const shapes: [string, Record<string, unknown>, string][] = [
      ['entities that is not an array', { text: 'hjelp', entities: { type: 'mention' } }, 'entities'],
      ['an attachment that is null', { text: '', attachments: [null] }, 'attachments.0'],
      [
        'an attachment without a content type',
        { text: 'x', attachments: [{ content: 'x' }] },
        'attachments.0.contentType',
      ],
      [
        'a mention without a mentioned account',
        { text: 'hjelp', entities: [{ type: 'mention', text: '<at>Bot</at>' }] },
        'entities.0',
      ],
      ['text that is an object', { text: { toString: 'x', valueOf: 1 } }, 'text'],
      ['a locale that is a number', { text: 'hjelp', locale: 7 }, 'locale'],
      ['channelData that is a string', { text: 'hjelp', channelData: 'x' }, 'channelData'],
    ];
    for (const [what, extra, path] of shapes) {
      it(what, async () => {
        const user = person();
        const answer = await post(user, { type: 'message', ...extra });
        assert.equal(answer.status, 200);
        assert.equal(answer.body, undefined);
        assert.equal(textOf(answer.sent), NOT_UNDERSTOOD.nn);
        assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
          botState: [],
          conversationRefs: [],
          cases: [],
        });
        const refused = log.events('activity.refused');
        assert.equal(refused.length, 1);
        assert.equal(refused[0]!.fields.path, path);
        assert.equal(refused[0]!.fields.check, 'content');
        assert.doesNotMatch(JSON.stringify(log.lines), /hjelp|toString/, "never the user's text");
      });
    }

    itEdge('answers in the language the person chose, not the locale Teams sends', async () => {
      const user = person();
      await user.say('English');
      const answer = await post(user, { type: 'message', text: 'help', entities: 'x', locale: 'nb-NO' });
      assert.equal(textOf(answer.sent), NOT_UNDERSTOOD.en);
    });

    itEdge('a draft survives a malformed message: the next answer goes on where it was', async () => {
      const user = person();
      await user.say('ny sak');
      await user.say('Tittel på saka');
      const rowsBefore = await storedRows(bot.app, TURN_TABLES);
      const answer = await post(user, { type: 'message', text: 'Runa', attachments: 'x' });
      assert.equal(textOf(answer.sent), NOT_UNDERSTOOD.nn);
      assert.deepEqual(await storedRows(bot.app, TURN_TABLES), rowsBefore, 'the draft is untouched');
      assert.match(textOf(await user.say('Runa Bakke')), /Spørsmål|Kva/);
    });
  });

  describe('what cannot be answered at all is acknowledged and nothing happens', () => {
    const shapes: [string, Record<string, unknown>, string][] = [
      ['a recipient id that is an object', { recipient: { id: { toString: 'x' } } }, 'recipient.id'],
      ['no conversation id', { conversation: { conversationType: 'personal' } }, 'conversation.id'],
      ['a sender without an id', { from: { name: 'X' } }, 'from.id'],
      ['an empty channel id', { channelId: '' }, 'channelId'],
    ];
    for (const [what, extra, path] of shapes) {
      it(what, async () => {
        const answer = await post(person(), { type: 'message', text: 'hjelp', ...extra });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.sent, []);
        assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
          botState: [],
          conversationRefs: [],
          cases: [],
        });
        assert.deepEqual(
          log.events('activity.refused').map((l) => [l.fields.check, l.fields.path]),
          [['envelope', path]],
        );
      });
    }

    itEdge(
      'types the bot does not serve (typing, events, message updates) are acknowledged and not run',
      async () => {
        for (const extra of [
          { type: 'typing' },
          { type: 'event', name: 'application/vnd.microsoft.meetingStart', value: 1 },
          { type: 'messageUpdate', channelData: undefined },
          { type: 'messageDelete', channelData: { eventType: 'softDeleteMessage' } },
          { type: 'no-such-type', value: { toString: 'x' } },
        ]) {
          const answer = await post(person(), extra);
          assert.equal(answer.status, 200, JSON.stringify(extra));
          assert.deepEqual(answer.sent, []);
        }
        assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
          botState: [],
          conversationRefs: [],
          cases: [],
        });
      },
    );
  });

  itEdge(
    'an empty display name is allowed: the person starts a case and is asked for their name',
    async () => {
      const user = new TestUser(channel, bot, { id: '29:noname', aadObjectId: 'aad-noname', name: '' });
      const replies = await user.say('ny sak');
      assert.match(textOf(replies), /Spørsmål 1 av 12/);
      await user.say('Ein tittel');
      assert.doesNotMatch(textOf(await user.say('hjelp')), /Noko gjekk gale/);
    },
  );

  itEdge('a mention of the bot in a message without text is read as an empty message', async () => {
    const answer = await post(person(), {
      type: 'message',
      entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>Bot</at>' }],
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.sent.length, 1, 'the welcome, as for an empty message');
  });

  itEdge('conversationUpdate with members that are not accounts is acknowledged and not run', async () => {
    const answer = await post(person(), { type: 'conversationUpdate', membersAdded: [null, 'x'] });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.sent, []);
    assert.deepEqual(
      log.events('activity.refused').map((l) => [l.fields.check, l.fields.path, l.fields.type]),
      [['content', 'membersAdded.0', 'conversationUpdate']],
    );
  });
});
