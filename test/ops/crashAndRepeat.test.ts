import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { TestChannel, TestUser, textOf } from '../support/botHarness';
import { BotProcess } from '../support/botProcess';
import { markedCase, stepMessage } from '../support/formSteps';
import { testStorage, uniquePrefix } from '../support/globalAzurite';
import { RoundRobinProxy } from '../support/roundRobinProxy';
import { StoredState } from '../support/storedState';

/**
 * The real server process killed with SIGKILL in the middle of a turn, then the channel sending the
 * turn's activity again (same id) to the restarted server, as Teams does when it got no 200.
 */
describe('the server killed mid-turn, and the activity sent again', () => {
  let channel: TestChannel;
  let server: BotProcess | undefined;
  let proxy: RoundRobinProxy | undefined;
  let stored: StoredState;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

  async function startServer(): Promise<BotProcess> {
    const storage = testStorage();
    if (storage.kind !== 'connectionString') throw new Error('tests run on Azurite');
    const tablePrefix = uniquePrefix();
    stored = new StoredState(storage, tablePrefix);
    server = await BotProcess.start({ connectionString: storage.connectionString, tablePrefix });
    return server;
  }

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
    await server?.kill();
    server = undefined;
    await channel.stop();
  });

  const repliesSince = (user: TestUser, before: number): Partial<Activity>[] =>
    channel.sent
      .slice(before)
      .filter((s) => s.conversationId === user.conversationId)
      .map((s) => s.activity);

  it('killed after the turn was stored and before the 200 went out: the re-sent answer is not taken again', async function () {
    this.timeout(120_000);
    const bot = await startServer();
    // The instance dies after doing the work: the proxy gets its answer, kills it, and drops the answer.
    let killNext = false;
    proxy = await RoundRobinProxy.start([bot.url], {
      beforeResponse: async () => {
        if (!killNext) return true;
        killNext = false;
        await bot.kill();
        return false;
      },
    });
    const user = new TestUser(channel, proxy, runa);
    const { steps, stored: expected } = markedCase(5);
    const phoneStep = steps.findIndex((s) => s.text === expected.phone);
    for (const [index, step] of steps.entries()) {
      const activity = user.activity(stepMessage(user, step));
      if (index === phoneStep || index === steps.length - 1) {
        killNext = true;
        assert.equal((await proxy.post(activity)).status, 0, 'no answer reached the channel');
        await bot.restart();
      }
      const before = channel.sent.length;
      const result = await proxy.post(activity);
      assert.equal(result.status, 200, result.body);
      if (index === phoneStep) {
        assert.match(
          textOf(repliesSince(user, before)),
          /internt saksnummer/i,
          'still asks the next question',
        );
      }
    }
    const cases = await stored.casesOf('aad-runa');
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0]!.answers, expected);
  });

  it('killed while its reply to the channel hangs: the answer the reply tells of is already stored, and the re-sent one is not taken again', async function () {
    this.timeout(120_000);
    const bot = await startServer();
    const user = new TestUser(channel, bot, runa);
    const { steps, stored: expected } = markedCase(6);
    const backgroundStep = steps.findIndex((s) => s.text === expected.background);
    let told = '';
    for (const [index, step] of steps.entries()) {
      const activity = user.activity(stepMessage(user, step));
      if (index === backgroundStep) {
        const heldFrom = channel.sent.length;
        let release!: () => void;
        channel.hold = new Promise<void>((resolve) => (release = resolve));
        const arrived = new Promise<void>((resolve) => (channel.onArrival = resolve));
        const inFlight = bot.post(activity);
        await arrived;
        channel.onArrival = undefined;
        const draft = await stored.draftAnswers(user.conversationId);
        assert.equal(draft?.background, expected.background, 'stored before the person is told');
        await bot.kill();
        channel.hold = undefined;
        release();
        assert.equal((await inFlight).status, 0, 'the turn died with the server');
        await bot.restart();
        told = textOf(repliesSince(user, heldFrom));
        assert.match(told, /Kor mykje hastar saka/, 'the held reply reached the channel after all');
      }
      const before = channel.sent.length;
      const result = await bot.post(activity);
      assert.equal(result.status, 200, result.body);
      if (index === backgroundStep) {
        const again = textOf(repliesSince(user, before));
        assert.match(again, /Kor mykje hastar saka/, 'the next question');
        assert.equal(again, told, 'the repeat gets the question the lost reply told of, and changes nothing');
      }
    }
    const cases = await stored.casesOf('aad-runa');
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0]!.answers, expected);
  });
});
