import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { RunningBot, TestChannel, TestUser, textOf } from '../support/botHarness';
import { markedCase, stepMessage } from '../support/formSteps';
import { testConfig } from '../support/globalAzurite';
import { casesOf } from '../support/storedCases';
import { RoutingWorld } from '../routing/routingWorld';

/**
 * Teams sends an activity again when it got no timely 200. The copy has the same id and must not be
 * applied a second time: the answer would otherwise be taken as the answer to the next question.
 */
describe('an activity sent again (same id) through /api/messages', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  const repliesSince = (user: TestUser, before: number): Partial<Activity>[] =>
    channel.sent
      .slice(before)
      .filter((s) => s.conversationId === user.conversationId)
      .map((s) => s.activity);

  async function post(activity: Partial<Activity>): Promise<void> {
    const result = await bot.post(activity);
    assert.equal(result.status, 200, result.body);
  }

  it('one after another at every step of the form: each answer is stored once, the repeat shows the current question again', async () => {
    const user = new TestUser(channel, bot, runa);
    const { steps, stored } = markedCase(1);
    for (const [index, step] of steps.entries()) {
      const activity = user.activity(stepMessage(user, step));
      let before = channel.sent.length;
      await post(activity);
      const first = textOf(repliesSince(user, before));
      before = channel.sent.length;
      await post(activity);
      const again = textOf(repliesSince(user, before));
      if (index < steps.length - 1) {
        assert.equal(again, first, `step ${index}: the repeat shows the question the first one led to`);
      } else {
        assert.match(first, /Saka er motteken/);
        assert.doesNotMatch(again, /Saka er motteken/, 'no second receipt');
      }
    }
    const cases = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0]!.answers, stored);
  });

  it('two copies at the same time, and a third later, at every step of the form: each answer is stored once', async () => {
    const user = new TestUser(channel, bot, runa);
    const { steps, stored } = markedCase(2);
    for (const step of steps) {
      const activity = user.activity(stepMessage(user, step));
      await Promise.all([post(activity), post(activity)]);
      await post(activity);
    }
    const cases = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0]!.answers, stored);
  });
});

describe('a card action sent again (same id) through /api/messages', () => {
  it('is answered with the card as it is now, and decides nothing again', async () => {
    const world = await RoutingWorld.start();
    try {
      await world.joinAll();
      const number = await world.submit();
      const secretariat = world.users.secretariat;
      const click = secretariat.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'propose',
            data: {
              caseNumber: number,
              v: 1,
              proposeForum: 'fsu-barn-og-unge',
              proposeComment: 'Barn og unge',
            },
          },
          trigger: 'manual',
        },
      });
      assert.equal((await world.bot.post(click)).status, 200);
      const again = await world.bot.post(click);
      assert.equal(again.status, 200);
      const refresh = await secretariat.execute('refresh', { caseNumber: number });
      assert.deepEqual(JSON.parse(again.body), refresh.body, 'the current card, as a refresh shows it');
      assert.doesNotMatch(again.body, /alt registrert/, 'Teams sent it again; the person clicked once');
      assert.equal((await world.bot.app.services.cases.history(number)).length, 2);
    } finally {
      await world.stop();
    }
  });
});
