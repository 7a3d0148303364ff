import assert from 'node:assert/strict';
import type { CaseDetailResponse, CaseListItem } from '../../bot/http/api/apiTypes';
import { IDS, RoutingWorld } from '../routing/routingWorld';
import { textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, type Caller } from './apiSupport';

const secretariat: Caller = { local: IDS.secretariat };
const rehabLeader: Caller = { local: IDS.rehabLeader };
const submitter: Caller = { local: IDS.submitter };

/**
 * "Ikkje levert til nokon" in the tab: a case routed (through /api/messages) to FSU rehabilitering
 * while its leader has never opened the chat with the bot is marked in the committee's list and on
 * the case; one routed after the leader installed the app is not.
 */
describe("tab API: a routed case that reached nobody in the forum's leadership", () => {
  let world: RoutingWorld;

  async function routedToRehab(): Promise<string> {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Koordinering.',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routed');
    return number;
  }

  beforeEach(async () => {
    world = await RoutingWorld.start({
      localIdentity: true,
      // A chat that does not answer is given up on quickly (the delivery test below).
      routing: { ...testConfig().routing, approvalsRequired: 1, jobsIntervalSeconds: 0, sendTimeoutMs: 300 },
    });
    for (const who of ['submitter', 'secretariat', 'ssuLeader', 'ssuDeputy', 'admin'] as const) {
      await world.users[who].join();
    }
  });
  afterEach(async () => {
    await world.stop();
  });

  it("is marked in the committee's list and on the case while nobody leading the forum can be reached", async () => {
    const marks = async (who: Caller) => {
      const listed = await call<CaseListItem[]>(
        bot(),
        'GET',
        '/api/committees/fsu-rehabilitering/cases',
        who,
      );
      assert.equal(listed.status, 200);
      return Object.fromEntries(listed.body.map((c) => [c.number, c.deliveredToNobody === true]));
    };
    const detail = (number: string, who: Caller) =>
      call<CaseDetailResponse>(bot(), 'GET', `/api/cases/${number}`, who);

    const unreached = await routedToRehab();
    for (const who of [secretariat, rehabLeader]) assert.deepEqual(await marks(who), { [unreached]: true });
    assert.equal((await detail(unreached, secretariat)).body.case.deliveredToNobody, true);
    // The submitter's own view shows no internal steps, this one included.
    const own = await detail(unreached, submitter);
    assert.equal(own.status, 200);
    assert.equal(own.body.case.deliveredToNobody, undefined);

    // Once the leader has the app, a case routed there reaches them (and the waiting one too).
    await world.users.rehabLeader.join();
    const reached = await routedToRehab();
    for (const who of [secretariat, rehabLeader]) {
      assert.deepEqual(await marks(who), { [unreached]: false, [reached]: false });
    }
    assert.equal((await detail(reached, secretariat)).body.case.deliveredToNobody, undefined);
  });

  const bot = () => world.bot;

  /** The mark as the secretariat sees it: on the case in the tab, and in `varsel`. */
  async function marked(number: string): Promise<{ tab: boolean; varsel: boolean }> {
    const detail = await call<CaseDetailResponse>(bot(), 'GET', `/api/cases/${number}`, secretariat);
    assert.equal(detail.status, 200);
    const varsel = textOf(await world.users.secretariat.say('varsel'));
    return {
      tab: detail.body.case.deliveredToNobody === true,
      varsel: varsel.includes(`${number} · `) && /ikkje levert til nokon/.test(varsel),
    };
  }

  const leaderCards = (number: string) =>
    world.posted('rehabLeader').filter((a) => (a.summary ?? '').includes(number));

  it('is cleared once the leader installs the app and the case card is delivered to them', async () => {
    const number = await routedToRehab();
    assert.deepEqual(await marked(number), { tab: true, varsel: true });

    // The app is installed for the leader (Teams tells the bot: conversationUpdate).
    await world.users.rehabLeader.join();
    await world.routing.outbox.drain();
    assert.equal(leaderCards(number).length, 1, "the leader gets the case's live card");
    assert.deepEqual(await marked(number), { tab: false, varsel: false });
    const listed = await call<CaseListItem[]>(
      bot(),
      'GET',
      '/api/committees/fsu-rehabilitering/cases',
      rehabLeader,
    );
    assert.equal(listed.body.find((c) => c.number === number)?.deliveredToNobody, undefined);

    // Nothing more happens on the leader's next turns: the card went once, the mark stays cleared.
    await world.users.rehabLeader.say('nynorsk');
    await world.users.rehabLeader.join();
    await world.routing.outbox.drain();
    assert.equal(leaderCards(number).length, 1);
    assert.deepEqual(await marked(number), { tab: false, varsel: false });

    // Sent on and back to the forum once it has nobody again: marked again.
    const forward = (v: number, forwardForum: string) =>
      world.act('secretariat', 'forward', { caseNumber: number, v, forwardForum, forwardComment: 'Vidare.' });
    await forward(3, 'lsu-alesund');
    await world.users.admin.say(`fjern rolle committee_leader ${IDS.rehabLeader} fsu-rehabilitering`);
    await forward(4, 'fsu-rehabilitering');
    assert.equal((await world.caseOf(number)).state, 'routed');
    assert.deepEqual(await marked(number), { tab: true, varsel: true });
  });

  it('is cleared when a forum leader who has the app is added with `gi rolle`, and stays while delivery fails', async () => {
    await world.users.outsider.join(); // has the app, no role yet
    const number = await routedToRehab();
    assert.deepEqual(await marked(number), { tab: true, varsel: true });
    const outsiderCards = () => world.posted('outsider').filter((a) => (a.summary ?? '').includes(number));

    // The new leader's chat does not answer: the card is not delivered, and the mark stays.
    world.channel.hung.add(world.users.outsider.conversationId);
    const reply = await world.users.admin.say(`gi rolle committee_leader ${IDS.outsider} fsu-rehabilitering`);
    assert.match(textOf(reply), /Ola Utanfor now has the role/);
    await world.routing.outbox.drain();
    assert.equal(outsiderCards().length, 0);
    assert.deepEqual(await marked(number), { tab: true, varsel: true });

    // The retry gets through: delivered, and the mark is gone.
    world.channel.hung.delete(world.users.outsider.conversationId);
    await world.routing.outbox.sweep(new Date(Date.now() + 24 * 60 * 60_000));
    await world.routing.outbox.drain();
    assert.equal(outsiderCards().length, 1, 'the new leader has the case card');
    assert.deepEqual(await marked(number), { tab: false, varsel: false });
  });
});
