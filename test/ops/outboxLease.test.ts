import assert from 'node:assert/strict';
import sinon from 'sinon';
import { silentLogger } from '../../bot/logger';
import type { Delivery } from '../../bot/notifications/botDelivery';
import { Outbox, type OutboxDeps } from '../../bot/notifications/outbox';
import type { ConversationAddress, OutgoingMessage } from '../../bot/notifications/outgoing';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableNotificationRepository } from '../../bot/storage/tableNotificationRepository';
import { textOf } from '../support/botHarness';
import { testConfig, testStorage, uniquePrefix } from '../support/globalAzurite';
import { RoutingWorld } from '../routing/routingWorld';

const LEASE_MS = 5_000;
const SEND_TIMEOUT_MS = 2_000;
const RETRY = { immediateAttempts: 1, baseDelayMs: 0, maxAttempts: 5, retryAfterMs: 1_000 };
/** The longest the dead instance's delivery run could have taken (one attempt, its timeout). */
const RUN_MS = SEND_TIMEOUT_MS;

const ADDRESS: ConversationAddress = { serviceUrl: 'http://127.0.0.1:9' };
const MESSAGE: OutgoingMessage = { type: 'message', text: 'Saka di er fordelt.', summary: 'Sak 2026-001' };

/**
 * Two instances' outboxes on one notifications table. The first takes a notification for sending and
 * dies in the middle of the send (its send never returns); the second one's periodic run must send
 * it once the first one's lease (NOTIFY_LEASE_SECONDS beyond the longest its attempts could take)
 * has run out, and not before.
 */
describe('outbox across instances: a send taken by an instance that died', () => {
  it('is sent by another instance once NOTIFY_LEASE_SECONDS has run out, exactly once', async () => {
    const account = new StorageAccount(testStorage(), uniquePrefix());
    await account.ensureTables(['notifications']);
    const repo = new TableNotificationRepository(account.table('notifications'));
    const outboxOf = (delivery: Delivery, now: () => Date): Outbox => {
      const deps: OutboxDeps = {
        repo,
        delivery,
        resolve: () => Promise.resolve(ADDRESS),
        renderCard: () => Promise.resolve(undefined),
        retry: RETRY,
        sendTimeoutMs: SEND_TIMEOUT_MS,
        leaseMs: LEASE_MS,
        now,
        log: silentLogger,
      };
      return new Outbox(deps);
    };

    // The first instance: its send reaches nobody and never returns (the process is gone).
    const taken = new Date();
    let reached!: () => void;
    const sendStarted = new Promise<void>((resolve) => (reached = resolve));
    const dead = outboxOf(
      {
        send: () => {
          reached();
          return new Promise(() => {});
        },
        update: () => new Promise(() => {}),
      },
      () => taken,
    );
    void dead.enqueue([
      {
        id: 'msg|0004|person:runa',
        caseNumber: '2026-001',
        kind: 'message',
        recipient: 'person:runa',
        label: 'routed → submitter',
        activity: MESSAGE,
      },
    ]);
    await sendStarted;
    assert.equal((await repo.get('2026-001', 'msg|0004|person:runa'))?.status, 'sending');

    // The second instance's periodic runs, at times after the first one took it.
    const sent: OutgoingMessage[] = [];
    const alive = outboxOf(
      {
        send: (_address, activity) => {
          sent.push(activity);
          return Promise.resolve({ activityId: `sent-${sent.length}` });
        },
        update: () => Promise.resolve(),
      },
      () => new Date(),
    );
    const after = (ms: number) => new Date(taken.getTime() + ms);
    await alive.sweep(after(RUN_MS + LEASE_MS - 1_000));
    assert.equal(sent.length, 0, 'not while the lease holds: the first instance may still be sending');
    await alive.sweep(after(RUN_MS + LEASE_MS + 1_000));
    assert.equal(sent.length, 1, 'sent once the lease ran out');
    await alive.sweep(after(RUN_MS + LEASE_MS + 60_000));
    assert.equal(sent.length, 1, 'and not again');
    const record = await repo.get('2026-001', 'msg|0004|person:runa');
    assert.equal(record?.status, 'sent');
    assert.equal(record?.activityId, 'sent-1');
  });
});

/**
 * An instance that stalls after taking a notification (a starved process, a slow storage read) until
 * its lease has run out must not send it any more: another instance may be sending it by then.
 */
describe('outbox: a send whose lease ran out while its instance stalled', () => {
  it('is not sent by the stalled instance, and is sent once by the next', async () => {
    const account = new StorageAccount(testStorage(), uniquePrefix());
    await account.ensureTables(['notifications']);
    const repo = new TableNotificationRepository(account.table('notifications'));
    let clock = new Date();
    const sent: string[] = [];
    const outboxOf = (name: string, stall: boolean): Outbox =>
      new Outbox({
        repo,
        delivery: {
          send: () => {
            sent.push(name);
            return Promise.resolve({ activityId: `${name}-${sent.length}` });
          },
          update: () => Promise.resolve(),
        },
        resolve: () => {
          // The stall: by the time the address is read, the lease has run out.
          if (stall) clock = new Date(clock.getTime() + RUN_MS + LEASE_MS + 1_000);
          return Promise.resolve(ADDRESS);
        },
        renderCard: () => Promise.resolve(undefined),
        retry: RETRY,
        sendTimeoutMs: SEND_TIMEOUT_MS,
        leaseMs: LEASE_MS,
        now: () => clock,
        log: silentLogger,
      });
    const stalled = outboxOf('stalled', true);
    await stalled.enqueue([
      {
        id: 'msg|0004|person:runa',
        caseNumber: '2026-001',
        kind: 'message',
        recipient: 'person:runa',
        label: 'routed → submitter',
        activity: MESSAGE,
      },
    ]);
    await stalled.drain();
    assert.deepEqual(sent, [], 'the stalled instance did not send after its lease ran out');
    await outboxOf('next', false).sweep(clock);
    assert.deepEqual(sent, ['next'], 'the next instance sent it, once');
    assert.equal((await repo.get('2026-001', 'msg|0004|person:runa'))?.status, 'sent');
  });
});

/**
 * A step is stored with a "to notify" mark; the instance that stored it dies before queueing its
 * notifications. Any instance's job takes the mark as left behind once it is NOTIFY_LEASE_SECONDS old.
 */
describe('a step whose instance died before queueing its notifications', () => {
  let world: RoutingWorld | undefined;
  afterEach(async () => {
    sinon.restore();
    await world?.stop();
    world = undefined;
  });

  it('is told by the job once NOTIFY_LEASE_SECONDS has passed, not before, and once', async () => {
    const w = (world = await RoutingWorld.start({
      routing: { ...testConfig().routing, approvalsRequired: 1, jobsIntervalSeconds: 0, leaseMs: LEASE_MS },
    }));
    await w.joinAll();
    const number = await w.submit();
    await w.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT',
    });
    sinon.stub(w.routing.outbox, 'enqueue').onFirstCall().rejects(new Error('the instance died'));
    const decided = new Date();
    await w.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
    sinon.restore();
    assert.equal((await w.caseOf(number)).state, 'routed');
    const told = () =>
      textOf(w.posted('submitter')).match(new RegExp(`Saken din ${number} skal behandles i`, 'g'));

    await w.routing.runJobs(new Date(decided.getTime() + LEASE_MS - 1_000));
    assert.equal(told(), null, 'not while the instance may still be queueing');
    await w.routing.runJobs(new Date(decided.getTime() + LEASE_MS + 1_000));
    await w.routing.runJobs(new Date(decided.getTime() + LEASE_MS + 2_000));
    assert.equal(told()?.length, 1, 'told once the lease ran out, and once');
  });
});
