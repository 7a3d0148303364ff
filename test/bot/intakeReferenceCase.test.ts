import assert from 'node:assert/strict';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import { REFERENCE_CASE, REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot, TestChannel, TestUser, cardOf, command, textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { casesOf } from '../support/storedCases';

describe('intake through /api/messages: the reference case of seed 000', () => {
  let channel: TestChannel;
  let bot: RunningBot;

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  it('takes every answer typed, submits, and storage holds exactly what was typed', async () => {
    const user = new TestUser(channel, bot, {
      id: '29:runa',
      aadObjectId: 'aad-runa',
      name: 'Runa Bakke',
      locale: 'nn-NO',
    });
    const welcome = await user.join();
    assert.match(textOf(welcome), /innmeldingsboten/);

    let replies = await user.say('ny sak');
    assert.match(textOf(replies), /Spørsmål 1 av 12/);
    for (const field of FORM_FIELDS) {
      const answer = REFERENCE_CASE[field.id];
      replies = await user.say(answer);
      assert.doesNotMatch(
        textOf(replies),
        /må du svare|for langt|ser ikkje ut|kjende ikkje att/,
        `answer to ${field.id} refused: ${textOf(replies)}`,
      );
    }
    assert.match(textOf(replies), /Sjå over svara dine/);
    assert.ok(
      textOf(replies).includes(REFERENCE_CASE.background),
      'the summary shows the background verbatim',
    );

    replies = await user.press(replies, command('submit'));
    const receipt = textOf(replies);
    assert.match(receipt, /Saka er motteken – saksnummer \d{4}-001/);
    assert.ok(receipt.includes(REFERENCE_CASE.solution), 'the receipt has a copy of the answers');
    assert.ok(cardOf(replies));

    const cases = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(cases.length, 1);
    const stored = cases[0]!;
    assert.equal(stored.state, 'submitted');
    assert.deepEqual(stored.answers, REFERENCE_STORED);
    const history = await bot.app.services.cases.history(stored.number);
    assert.deepEqual(
      history.map((h) => [h.from, h.to, h.by.id]),
      [[null, 'submitted', 'aad-runa']],
    );
  });
});
