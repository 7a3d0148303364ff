import assert from 'node:assert/strict';
import { textOf } from '../support/botHarness';
import { RoutingWorld } from './routingWorld';

describe('routing notifications: outbox, retries, undelivered list', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  for (const status of [403, 404]) {
    it(`records a notification whose conversation answers ${status} as undelivered, shows it to the secretariat, and retries it`, async () => {
      const number = await world.submit();
      await world.act('secretariat', 'propose', {
        caseNumber: number,
        v: 1,
        // The SSU: its leadership already has the card, so the routed message is the one new send.
        proposeForum: 'ssu',
        proposeComment: 'IKT',
      });

      world.channel.failWith = status;
      await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
      world.channel.failWith = undefined;
      assert.equal(
        (await world.caseOf(number)).state,
        'routed',
        'the decision stands though the message failed',
      );
      assert.doesNotMatch(textOf(world.posted('submitter')), /skal behandles i/);

      const undelivered = await world.routing.outbox.listUndelivered();
      assert.equal(undelivered.length, 1);
      const failed = undelivered[0]!;
      assert.equal(failed.label, 'routed → submitter');
      assert.equal(failed.status, 'failed');
      assert.equal(failed.attempts, 2, 'retried with backoff within the bound (NOTIFY_IMMEDIATE_ATTEMPTS)');
      assert.equal(failed.lastStatus, status);
      assert.ok(failed.nextAttemptAt, 'a later retry is planned');

      // The secretariat can see it; someone else cannot.
      const list = await world.users.secretariat.say('varsel');
      assert.match(
        textOf(list),
        new RegExp(`${number} · routed → submitter · til person:.* · 2 forsøk · HTTP ${status}`),
      );
      const refused = await world.users.outsider.say('varsel');
      assert.match(textOf(refused), /Det har du ikkje løyve til/);

      // Not yet due: the sweep leaves it.
      assert.equal(await world.routing.outbox.sweep(new Date()), 0);
      // Later the sweep sends it, and nothing is lost.
      const later = new Date(Date.now() + 10 * 60_000);
      await world.routing.runJobs(later);
      assert.match(
        textOf(world.posted('submitter')),
        new RegExp(`Saken din ${number} skal behandles i Strategisk samarbeidsutvalg \\(SSU\\)`),
      );
      assert.deepEqual(await world.routing.outbox.listUndelivered(), []);
      const list2 = await world.users.secretariat.say('varsel');
      assert.match(textOf(list2), /Alle varsel er komne fram/);
    });
  }

  it('gives up after NOTIFY_MAX_ATTEMPTS, keeps it listed, and stops sending', async () => {
    const number = await world.submit();
    world.channel.failWith = 404;
    await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      justification: 'Ikkje ei sak for oss.',
    });
    let at = Date.now();
    for (let run = 0; run < 3; run++) {
      at += 60 * 60_000;
      await world.routing.outbox.sweep(new Date(at));
    }
    const [n] = await world.routing.outbox.listUndelivered();
    assert.equal(n?.status, 'undeliverable');
    assert.equal(n?.attempts, 4);
    world.channel.failWith = undefined;
    assert.equal(await world.routing.outbox.sweep(new Date(at + 60 * 60_000)), 0);
    assert.doesNotMatch(textOf(world.posted('submitter')), /skal ikke behandles/);
  });

  it('stores each notification before sending it, once per step and recipient', async () => {
    const number = await world.submit();
    // Queueing the new-case notifications again (a repeated submit) sends nothing new.
    const before = world.channel.sent.length;
    await world.routing.caseService.submitted(await world.caseOf(number));
    await world.routing.outbox.drain();
    assert.equal(world.channel.sent.length, before);
  });
});
