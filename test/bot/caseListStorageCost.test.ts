import assert from 'node:assert/strict';
import type { CaseRepository } from '../../bot/domain/cases/caseRepository';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { Person } from '../../bot/domain/person';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot, TestChannel, TestUser, cardOf, textOf } from '../support/botHarness';
import { testConfig, testStorage } from '../support/globalAzurite';
import { StorageRequestLog } from '../support/storageRequestLog';
import { IDS, RoutingWorld } from '../routing/routingWorld';

/**
 * What `status` and the reminder job ask of the cases table, counted at the wire: both read the list
 * rows kept beside the cases, so the number of requests does not grow with the number of cases.
 */
let drafts = 0;
async function submitMany(cases: CaseRepository, submitter: Person, count: number, at: string) {
  for (let i = 0; i < count; i++) {
    await submitCase(cases, {
      draftId: `draft-${++drafts}`,
      answers: { ...REFERENCE_STORED, title: `Sak frå ${submitter.name} ${i + 1}` },
      submitter,
      lang: 'nn',
      now: new Date(at),
    });
  }
}

describe('the case lists of the bot, counted at the wire', () => {
  let log: StorageRequestLog;

  beforeEach(async () => {
    log = await StorageRequestLog.start(testStorage());
  });
  afterEach(async () => {
    await log.stop();
  });

  describe('status', () => {
    let channel: TestChannel;
    let bot: RunningBot;
    const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

    beforeEach(async () => {
      channel = new TestChannel();
      await channel.start();
      bot = await RunningBot.start(testConfig({ storage: log.storage, teamsAppId: 'app-id' }));
    });
    afterEach(async () => {
      await bot.stop();
      await channel.stop();
    });

    it('with 30 cases reads the years row and one query of the submitter’s list rows, and shows the newest 10', async () => {
      const { cases } = bot.app.services;
      await submitMany(cases, { id: 'aad-runa', name: 'Runa Bakke' }, 30, '2026-03-02T10:00:00Z');
      await submitMany(cases, { id: 'aad-per', name: 'Per Melder' }, 5, '2026-03-03T10:00:00Z');
      const user = new TestUser(channel, bot, runa);
      await user.say('hjelp');

      const from = log.requests.length;
      const replies = await user.say('status');
      assert.deepEqual(log.to('Cases', from), ['GET', 'GET'], 'the years row, then one partition query');

      const text = textOf(replies);
      const shown = [...text.matchAll(/2026-(\d{3})/g)].map((m) => Number(m[1]));
      assert.deepEqual(
        shown,
        Array.from({ length: 10 }, (_, i) => 30 - i),
        'the newest ten, newest first',
      );
      assert.doesNotMatch(text, /Per Melder/, 'only her own cases');
      assert.match(text, /Her er dei 10 nyaste sakene dine\. Alle sakene dine står i fana «Mine saker»\./);
      const actions = (cardOf(replies).actions ?? []) as { type: string; title: string; url: string }[];
      assert.deepEqual(actions, [
        {
          type: 'Action.OpenUrl',
          title: 'Opne «Mine saker»',
          url: 'https://teams.microsoft.com/l/entity/app-id/myCases',
        },
      ]);
    });

    it('with a few cases lists them all, with no line about more, in the person’s language', async () => {
      await submitMany(
        bot.app.services.cases,
        { id: 'aad-runa', name: 'Runa Bakke' },
        3,
        '2026-03-02T10:00:00Z',
      );
      const user = new TestUser(channel, bot, { ...runa, locale: 'en-GB' });
      await user.say('help');
      const replies = await user.say('status');
      const text = textOf(replies);
      assert.match(text, /Your cases/);
      assert.deepEqual(
        [...text.matchAll(/2026-(\d{3})/g)].map((m) => m[1]),
        ['003', '002', '001'],
      );
      assert.doesNotMatch(text, /newest cases/);
      assert.deepEqual(cardOf(replies).actions ?? [], [], 'no button to the tab');
    });
  });

  describe('the reminder job', () => {
    let world: RoutingWorld;
    const at = new Date('2026-11-26T07:00:00Z'); // Thursday

    beforeEach(async () => {
      world = await RoutingWorld.start({ storage: log.storage }, () => at);
      await world.joinAll();
    });
    afterEach(async () => {
      await world.stop();
    });

    /** The requests to the cases table of one reminder pass, and how many reminders it queued. */
    async function pass() {
      const from = log.requests.length;
      const reminders = await world.routing.notifier.remind(at);
      return { requests: log.to('Cases', from).length, reminders };
    }

    it('reads the list rows of each state and opens only the cases that are due, however many wait', async () => {
      const { cases } = world.bot.app.services;
      const someone = { id: IDS.submitter, name: 'Runa Bakke' };
      // Two cases waiting since Friday (four working days: due), five since yesterday (not yet).
      await submitMany(cases, someone, 2, '2026-11-20T10:00:00Z');
      await submitMany(cases, someone, 5, '2026-11-25T10:00:00Z');
      const few = await pass();
      assert.equal(few.reminders, 2, 'the two due cases, to the one secretariat leader');

      await submitMany(cases, someone, 40, '2026-11-25T12:00:00Z');
      const many = await pass();
      assert.equal(many.reminders, 2);
      assert.equal(many.requests, few.requests, 'forty more waiting cases cost no request');
    });
  });
});
