import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { TestUser, textOf } from '../support/botHarness';
import { assertValidCard } from '../support/adaptiveCards';
import { testConfig } from '../support/globalAzurite';
import { IDS, RoutingWorld, allText, lastCard, verbsOf } from './routingWorld';

/** The leadership of FSU rehabilitering, and the leader of another committee. */
const REHAB_LEADER = {
  id: '29:rehabLeader',
  aadObjectId: 'aad-rehab-leader',
  name: 'Rut Rehab',
  locale: 'nn-NO',
};
const REHAB_DEPUTY = {
  id: '29:rehabDeputy',
  aadObjectId: 'aad-rehab-deputy',
  name: 'Roar Rehab',
  locale: 'nb-NO',
};
const MOLDE_LEADER = {
  id: '29:moldeLeader',
  aadObjectId: 'aad-molde-leader',
  name: 'Mona Molde',
  locale: 'nn-NO',
};
const IKT_LEADER = { id: '29:iktLeader', aadObjectId: 'aad-ikt-leader', name: 'Ivar IKT', locale: 'nn-NO' };

describe("routing through /api/messages: a routed case reaches the forum's leadership", () => {
  let world: RoutingWorld;
  let rehabLeader: TestUser;
  let rehabDeputy: TestUser;
  let iktLeader: TestUser;

  /** An administrator grants the committee roles in the chat, as in production. */
  async function grant(role: string, aadObjectId: string, committee: string) {
    const reply = await world.users.admin.say(`grant role ${role} ${aadObjectId} ${committee}`);
    assert.match(textOf(reply), /now has the role/);
  }

  const posted = (user: TestUser): Partial<Activity>[] =>
    world.channel.sent
      .filter((s) => s.conversationId === user.conversationId && s.method !== 'PUT')
      .map((s) => s.activity);

  async function act(user: TestUser, verb: string, data: Record<string, unknown>) {
    const { status, body } = await user.execute(verb, data);
    assert.equal(status, 200);
    await world.routing.outbox.drain();
    return body.value ?? {};
  }

  /** Submitted, proposed for the forum (FSU rehabilitering unless named) and approved: routed there, at version 3. */
  async function routedToRehab(forum = 'fsu-rehabilitering'): Promise<string> {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: forum,
      proposeComment: 'Koordinering og individuell plan.',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routed');
    return number;
  }

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    rehabLeader = new TestUser(world.channel, world.bot, REHAB_LEADER);
    rehabDeputy = new TestUser(world.channel, world.bot, REHAB_DEPUTY);
    iktLeader = new TestUser(world.channel, world.bot, IKT_LEADER);
  });
  afterEach(async () => {
    await world.stop();
  });

  describe('with the leadership of FSU rehabilitering in the chat', () => {
    beforeEach(async () => {
      for (const user of [rehabLeader, rehabDeputy, iktLeader]) await user.join();
      await grant('committee_leader', REHAB_LEADER.aadObjectId, 'fsu-rehabilitering');
      await grant('committee_deputy', REHAB_DEPUTY.aadObjectId, 'fsu-rehabilitering');
      await grant('committee_leader', IKT_LEADER.aadObjectId, 'fsu-ikt');
    });

    it("gives the leader and deputy the live card with the forum's actions; the leader registers the outcome", async () => {
      const number = await routedToRehab();

      for (const [user, heading] of [
        [rehabLeader, `Sak ${number}`],
        [rehabDeputy, `Sak ${number}`],
      ] as const) {
        const card = lastCard(posted(user));
        assertValidCard(card, `${user.identity.name}'s card`);
        assert.match(allText(card), new RegExp(heading));
        assert.deepEqual(verbsOf(card).sort(), ['forward', 'outcome', 'refresh']);
        const refresh = card.refresh as { userIds: string[] };
        assert.ok(refresh.userIds.includes(user.identity.id), 'their copy refreshes to their own view');
      }
      // The leader of another committee gets nothing of it.
      assert.doesNotMatch(textOf(posted(iktLeader)), new RegExp(number));

      const card = await act(rehabLeader, 'outcome', {
        caseNumber: number,
        v: 3,
        decision: 'FSU rehabilitering tek saka inn i handlingsplanen.',
        meetingDate: '2026-12-01',
        forumCaseNumber: 'Sak 39/22',
        minutesUrl: 'https://helse-mr.no/referat/fsu-rehabilitering-2026-12-01.pdf',
      });
      assert.match(allText(card), /Avgjort/);
      const record = await world.caseOf(number);
      assert.equal(record.state, 'decided');
      assert.equal(record.routing?.outcome?.by.id, REHAB_LEADER.aadObjectId);
      const history = await world.bot.app.services.cases.history(number);
      assert.deepEqual(history.at(-1) && [history.at(-1)!.by.id, history.at(-1)!.event], [
        REHAB_LEADER.aadObjectId,
        'outcome_registered',
      ]);
      // The submitter hears of it (in bokmål), and the secretariat's copy of the card shows it.
      assert.match(
        textOf(world.posted('submitter')),
        new RegExp(
          `Saken din ${number} er behandlet i Faglig samarbeidsutvalg for Rehabilitering[\\s\\S]*Sak 39/22`,
        ),
      );
      assert.match(allText(world.updated('secretariat').at(-1)), /Sak 39\/22/);
    });

    it('refuses the leader of another committee: nothing changes, and the refusal is recorded', async () => {
      const number = await routedToRehab();
      const before = await world.bot.app.services.cases.history(number);

      const card = await act(iktLeader, 'outcome', {
        caseNumber: number,
        v: 3,
        decision: 'Ikkje vår sak',
        meetingDate: '2026-12-01',
        forumCaseNumber: 'Sak 1/26',
        minutesUrl: 'https://example.org/referat.pdf',
      });
      assert.doesNotMatch(allText(card), /Ikkje vår sak/);
      await act(iktLeader, 'forward', {
        caseNumber: number,
        v: 3,
        forwardForum: 'fsu-ikt',
        forwardComment: 'Til oss',
      });

      assert.equal((await world.caseOf(number)).state, 'routed');
      assert.equal((await world.bot.app.services.cases.history(number)).length, before.length);
      // They may not even see a case of another forum: both clicks are refused and recorded as such.
      const denied = (await world.bot.app.services.roles.deniedAttempts()).filter(
        (d) => d.personId === IKT_LEADER.aadObjectId && d.target === `case:${number}`,
      );
      assert.equal(denied.length, 1, JSON.stringify(denied));
      assert.equal(denied[0]!.count, 2);

      // The forum's own leader, on the same version of the case, is let through.
      await act(rehabLeader, 'outcome', {
        caseNumber: number,
        v: 3,
        decision: 'Vedteke',
        meetingDate: '2026-12-01',
        forumCaseNumber: 'Sak 2/26',
        minutesUrl: 'https://example.org/referat.pdf',
      });
      assert.equal((await world.caseOf(number)).state, 'decided');
    });

    it('a case forwarded by the leadership reaches the next forum, and the forum it left no longer acts', async () => {
      const number = await routedToRehab();
      await act(rehabDeputy, 'forward', {
        caseNumber: number,
        v: 3,
        forwardForum: 'fsu-ikt',
        forwardComment: 'Gjeld journalsystemet.',
      });
      const record = await world.caseOf(number);
      assert.deepEqual(
        record.routing?.forumChain.map((s) => [s.forum, s.kind, s.by.id]),
        [
          ['fsu-rehabilitering', 'routed', IDS.ssuLeader],
          ['fsu-ikt', 'forwarded', REHAB_DEPUTY.aadObjectId],
        ],
      );
      assert.deepEqual(verbsOf(lastCard(posted(iktLeader))).sort(), ['forward', 'outcome', 'refresh']);
      await act(rehabLeader, 'outcome', {
        caseNumber: number,
        v: 4,
        decision: 'Vedteke',
        meetingDate: '2026-12-01',
        forumCaseNumber: 'Sak 2/26',
        minutesUrl: 'https://example.org/referat.pdf',
      });
      assert.equal((await world.caseOf(number)).state, 'routed', 'the forum it left is refused');
    });
  });

  it('a forum with nobody reachable in its leadership shows in varsel, and the secretariat is told once', async () => {
    // The leader holds the role but has never opened the chat with the bot.
    const moldeLeader = new TestUser(world.channel, world.bot, MOLDE_LEADER);
    await grant('committee_leader', MOLDE_LEADER.aadObjectId, 'lsu-molde');
    const number = await routedToRehab('lsu-molde');

    assert.equal(posted(moldeLeader).length, 0);
    const told = world
      .posted('secretariat')
      .filter((a) => new RegExp(`${number}.*ikkje levert til nokon`).test(textOf([a])));
    assert.equal(told.length, 1);

    const list = textOf(await world.users.secretariat.say('varsel'));
    assert.match(list, new RegExp(`${number} · LSU Molde · ikkje levert til nokon`));
    const english = textOf(await world.users.admin.say('varsel'));
    assert.match(english, new RegExp(`${number} · Local committee Molde · delivered to nobody`));

    // Running the jobs again tells nobody twice.
    await world.routing.runJobs(new Date(Date.now() + 10 * 60_000));
    assert.equal(world.posted('secretariat').filter((a) => /Sjå «varsel»/.test(textOf([a]))).length, 1);
  });

  it('routes on the one approval of the only person holding an SSU leadership role, where two are configured', async () => {
    await world.stop();
    world = await RoutingWorld.start({
      routing: { ...testConfig().routing, jobsIntervalSeconds: 0, approvalsRequired: 2 },
    });
    await world.joinAll();
    const revoked = await world.users.admin.say(`revoke role ssu_deputy ${IDS.ssuDeputy}`);
    assert.match(textOf(revoked), /The role "SSU deputy leader" was removed from Siv Jensen/);
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Koordinering.',
    });
    assert.match(allText(lastCard(world.posted('ssuLeader'))), /Godkjent av 0 av 1/);
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routed');
  });
});
