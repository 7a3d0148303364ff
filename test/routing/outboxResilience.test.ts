import assert from 'node:assert/strict';
import type { RoutingConfig } from '../../bot/config';
import { textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { RoutingWorld, type Who } from './routingWorld';

const DAY = 24 * 60 * 60_000;

/** Routing settings as configured, with short send timeouts so a hung conversation is given up quickly. */
function routing(overrides: Partial<RoutingConfig>): RoutingConfig {
  return {
    ...testConfig().routing,
    approvalsRequired: 1, // one SSU approval routes, as these tests mean
    jobsIntervalSeconds: 0,
    retry: { immediateAttempts: 2, baseDelayMs: 5, maxAttempts: 6, retryAfterMs: 60_000 },
    sendTimeoutMs: 300,
    ...overrides,
  };
}

/** Waits until the condition holds (polling storage or the stand-in channel), or fails after a while. */
async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const giveUpAt = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(`Still waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('notification outbox: hung or throttled conversations delay nobody else', () => {
  let world: RoutingWorld | undefined;

  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  const reminders = (w: RoutingWorld, who: Who) =>
    w.posted(who).filter((a) => /^(Påminning|Påminnelse|Reminder)/.test(a.summary ?? '')).length;

  it('keeps sending reminders to everyone else while one conversation never answers, and the periodic job keeps running', async () => {
    let clock = Date.parse('2026-11-02T09:00:00Z'); // a Monday
    const w = (world = await RoutingWorld.start(
      { routing: routing({ jobsIntervalSeconds: 1 }) },
      () => new Date(clock),
    ));
    await w.joinAll();
    await w.bot.app.services.roles.grant({
      personId: w.users.admin.identity.aadObjectId,
      role: 'secretariat_member',
      scope: '*',
      grantedBy: 'test',
      grantedAt: new Date(clock).toISOString(),
    });
    await w.submit(); // stays submitted: the secretariat (leader and member) is reminded
    const proposed = await w.submit();
    await w.act('secretariat', 'propose', {
      caseNumber: proposed,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT',
    });

    // The secretariat leader's chat stops answering (the connection stays open, no response).
    w.channel.hung.add(w.users.secretariat.conversationId);
    const others: Who[] = ['admin', 'ssuLeader', 'ssuDeputy'];

    clock += 7 * DAY; // five working days later: every waiting case is due a reminder
    await until('the first reminders to everyone else', () => others.every((o) => reminders(w, o) === 1));

    clock += DAY; // the next day's reminders come from a later run of the periodic job
    await until('the next day’s reminders to everyone else', () =>
      others.every((o) => reminders(w, o) === 2),
    );
    assert.equal(reminders(w, 'secretariat'), 0);
    await until('the hung reminders recorded as failed', async () => {
      const failed = (await w.routing.outbox.listUndelivered()).filter(
        (n) => n.recipient === `person:${w.users.secretariat.identity.aadObjectId}`,
      );
      return failed.length === 2 && failed.every((n) => /no answer within 300 ms/.test(n.lastError ?? ''));
    });

    // The conversation answers again: the failed ones are retried by the periodic job.
    w.channel.hung.clear();
    clock += DAY;
    await until('the secretariat’s reminders, retried', () => reminders(w, 'secretariat') >= 3);
    await until(
      'nothing left undelivered',
      async () => (await w.routing.outbox.listUndelivered()).length === 0,
    );
  });

  it('honours Retry-After on 429: no new attempt before it, then delivered', async () => {
    const w = (world = await RoutingWorld.start({ routing: routing({ sendTimeoutMs: 5_000 }) }));
    await w.joinAll();
    const number = await w.submit();
    await w.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      // The SSU: its leadership already has the card, so the routed message is the one new send.
      proposeForum: 'ssu',
      proposeComment: 'IKT',
    });
    w.channel.failWith = 429;
    w.channel.retryAfter = '3600';
    const before = Date.now();
    await w.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
    w.channel.failWith = undefined;

    const [throttled, ...rest] = await w.routing.outbox.listUndelivered();
    assert.equal(rest.length, 0);
    assert.equal(throttled?.label, 'routed → submitter');
    assert.equal(throttled?.lastStatus, 429);
    assert.equal(throttled?.attempts, 1, 'no second attempt in the same run');
    assert.ok(Date.parse(throttled.nextAttemptAt!) >= before + 3600_000, throttled?.nextAttemptAt);

    // Our own backoff (60 s) is long over, the channel's hour is not: nothing is tried.
    assert.equal(await w.routing.outbox.sweep(new Date(before + 30 * 60_000)), 0);
    assert.doesNotMatch(textOf(w.posted('submitter')), /skal behandles i/);
    await w.routing.runJobs(new Date(before + 61 * 60_000));
    assert.match(
      textOf(w.posted('submitter')),
      new RegExp(`Saken din ${number} skal behandles i Strategisk samarbeidsutvalg \\(SSU\\)`),
    );
    assert.deepEqual(await w.routing.outbox.listUndelivered(), []);
  });

  it('retries a card update that failed, like any other notification', async () => {
    const w = (world = await RoutingWorld.start({ routing: routing({}) }));
    await w.joinAll();
    const number = await w.submit();
    const updatesBefore = w.updated('secretariat').length;

    w.channel.failUpdatesWith = 502;
    await w.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT',
    });
    w.channel.failUpdatesWith = undefined;
    assert.equal(w.updated('secretariat').length, updatesBefore);
    const failed = await w.routing.outbox.listUndelivered();
    assert.deepEqual(
      failed.map((n) => [n.kind, n.status, n.lastStatus, n.recipient.slice(7)]).sort(),
      [
        ['cardUpdate', 'failed', 502, w.users.secretariat.identity.aadObjectId],
        ['cardUpdate', 'failed', 502, w.users.submitter.identity.aadObjectId],
      ].sort(),
    );

    await w.routing.runJobs(new Date(Date.now() + 10 * 60_000));
    const updates = w.updated('secretariat');
    assert.equal(updates.length, updatesBefore + 1);
    assert.match(textOf(updates.slice(-1)), /Under vurdering/);
    assert.deepEqual(await w.routing.outbox.listUndelivered(), []);
  });
});
