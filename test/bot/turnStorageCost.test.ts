import assert from 'node:assert/strict';
import { messages } from '../../bot/domain/i18n/messages';
import { TableStateStorage } from '../../bot/storage/tableStateStorage';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import { RunningBot, TestChannel, TestUser, textOf } from '../support/botHarness';
import { testConfig, testStorage } from '../support/globalAzurite';
import { StorageRequestLog } from '../support/storageRequestLog';

/**
 * What an answer turn asks of Table Storage, counted at the wire: the rows a turn keeps are the
 * conversation's state (draft, profile, handled activities), the person's conversation reference
 * and cases. A 1:1 chat's turn reads its state once and writes it once, like a minimal durable bot.
 */
describe('the Table Storage round trips of a turn in the 1:1 chat', () => {
  let channel: TestChannel;
  let log: StorageRequestLog;
  let bot: RunningBot;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    log = await StorageRequestLog.start(testStorage());
    bot = await RunningBot.start(testConfig({ storage: log.storage }));
  });
  afterEach(async () => {
    await bot.stop();
    await log.stop();
    await channel.stop();
  });

  it('an answer: one read and one conditional write of the conversation state, nothing else', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await user.say(REFERENCE_CASE.title);
    const from = log.requests.length;
    const replies = await user.say(REFERENCE_CASE.submitterName);
    assert.match(textOf(replies), /Kva organisasjon/);
    assert.deepEqual(log.to('BotState', from), ['GET', 'PUT']);
    assert.deepEqual(log.to('ConversationRefs', from), []);
    assert.deepEqual(log.to('Cases', from), []);
  });

  it('a chat whose profile was kept in user state keeps its language and welcome, then reads one row per turn', async () => {
    const { app } = bot;
    // The earlier layout: the profile in the person's user state, the chat's own state empty.
    await new TableStateStorage(app.storage.table('botState')).write({
      [`msteams/users/${runa.id}/`]: { profile: { lang: 'en', welcomed: true }, eTag: '*' },
    });
    const user = new TestUser(channel, bot, runa);
    let replies = await user.say('hjelp');
    assert.match(textOf(replies), new RegExp(messages('en').helpHeading));

    const from = log.requests.length;
    replies = await user.say('kva no');
    assert.match(textOf(replies), new RegExp(messages('en').notUnderstood.slice(0, 20)));
    assert.doesNotMatch(textOf(replies), new RegExp(messages('en').welcome.slice(0, 20)));
    assert.deepEqual(log.to('BotState', from), ['GET', 'PUT']);
  });
});
