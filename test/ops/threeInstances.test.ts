import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { osloDate } from '../../bot/domain/routing/workingDays';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { TestChannel, TestUser } from '../support/botHarness';
import { startBotInstances, type BotProcess } from '../support/botProcess';
import { markedCase, stepMessage } from '../support/formSteps';
import { testStorage, uniquePrefix } from '../support/globalAzurite';
import { RoundRobinProxy } from '../support/roundRobinProxy';
import { StoredState, type OutboxRow } from '../support/storedState';

/** The size of the run: 100 people fill in the form at once (20 turns each), then 3 routing clicks per case. */
const INSTANCES = 3;
const CONVERSATIONS = 100;
/** Cases submitted a week before the run: reminders and queued notifications due at every instance at once. */
const WAITING_CASES = 3;
/** JOBS_INTERVAL_SECONDS of every instance. */
const JOBS_SECONDS = 2;
/** Sends of one activity before the test gives up (a healthy run needs a few at most). */
const MAX_SENDS = 200;
/** Every so many 200s, the proxy drops the answer: the instance did the work, the channel never heard. */
const LOSE_EVERY = 25;
/**
 * How long the outbox may take to settle after the last click (a bound, not a measurement: it took
 * about 60 s here; a slower machine only waits longer, a missing notification still fails).
 */
const SETTLE_MS = 240_000;
const FORUM = 'fsu-rehabilitering';

const STAFF = {
  secretariat: { id: '29:sec', aadObjectId: '00000000-0000-4000-8000-00000000b001', name: 'Bodil Våge' },
  ssuLeader: { id: '29:ssul', aadObjectId: '00000000-0000-4000-8000-00000000c001', name: 'Tanja Thalen' },
  ssuDeputy: { id: '29:ssud', aadObjectId: '00000000-0000-4000-8000-00000000c002', name: 'Siv Jensen' },
  forumLeader: { id: '29:rehab', aadObjectId: '00000000-0000-4000-8000-00000000f101', name: 'Rut Rehab' },
  earlier: { id: '29:earlier', aadObjectId: '00000000-0000-4000-8000-00000000a009', name: 'Eli Tidleg' },
} as const;
type Staff = keyof typeof STAFF;

/**
 * Three server processes on one Azurite behind a round-robin proxy, the periodic jobs of each
 * running every JOBS_SECONDS, and the channel (a real HTTP server the processes call) recording every
 * message and card update. 100 people fill in the form at once and their cases are routed by card
 * clicks (the secretariat proposes, the SSU leader and deputy approve) while one instance is killed
 * with SIGKILL during intake and another during routing, each started again. Every turn that got no
 * 200 is sent again unchanged, as the channel does.
 */
describe('three instances, faults on: intake, routing and notifications across a crash', () => {
  let channel: TestChannel;
  let instances: BotProcess[] = [];
  let proxy: RoundRobinProxy | undefined;

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
  });
  afterEach(async () => {
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.kill()));
    instances = [];
    await channel.stop();
  });

  it('stores every answer once, numbers every case once, decides once, and notifies exactly once', async function () {
    this.timeout(900_000); // a bound for a shared, loaded machine: the run is sized by turns, not by time
    const started = Date.now();
    const storage = testStorage();
    if (storage.kind !== 'connectionString') throw new Error('tests run on Azurite');
    const tablePrefix = uniquePrefix();
    const stored = new StoredState(storage, tablePrefix);
    instances = await startBotInstances(
      INSTANCES,
      { connectionString: storage.connectionString, tablePrefix },
      {
        BOOTSTRAP_SECRETARIAT_LEADER: STAFF.secretariat.aadObjectId,
        BOOTSTRAP_SSU_LEADER: STAFF.ssuLeader.aadObjectId,
        BOOTSTRAP_SSU_DEPUTY: STAFF.ssuDeputy.aadObjectId,
        ROUTING_APPROVALS_REQUIRED: '2',
        REMINDER_WORKING_DAYS: '1',
        // Every instance's jobs run every few seconds, so whatever is due is due at all three at once.
        JOBS_INTERVAL_SECONDS: String(JOBS_SECONDS),
        // What an instance that died held is sent by another after 3 s + 2 × (5 s + backoff).
        NOTIFY_LEASE_SECONDS: '3',
        NOTIFY_SEND_TIMEOUT_SECONDS: '5',
        NOTIFY_IMMEDIATE_ATTEMPTS: '2',
        NOTIFY_RETRY_BASE_MS: '50',
        NOTIFY_RETRY_AFTER_SECONDS: '1',
      },
    );
    let answered = 0;
    const lb = await RoundRobinProxy.start(
      instances.map((i) => i.url),
      { beforeResponse: (_b, status) => status !== 200 || ++answered % LOSE_EVERY !== 0 },
    );
    proxy = lb;

    let resends = 0;
    /** Sends one activity until it gets a 200, as the channel does. */
    const deliver = async (activity: Partial<Activity>): Promise<string> => {
      for (let send = 1; ; send++) {
        const result = await lb.post(activity);
        if (result.status === 200) return result.body;
        assert.ok(send < MAX_SENDS, `gave up on a turn: ${result.status} ${result.body}`);
        resends++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const staff = Object.fromEntries(
      Object.entries(STAFF).map(([who, identity]) => [who, new TestUser(channel, lb, identity)]),
    ) as Record<Staff, TestUser>;
    // The staff open their chat with the bot (that is when they can be reached), and FSU
    // rehabilitering gets its leader, as an administrator would grant it.
    for (const user of Object.values(staff)) {
      await deliver(
        user.activity({
          type: 'conversationUpdate',
          membersAdded: [
            { id: '28:bot', name: 'Helsefellesskap' },
            { id: user.identity.id, name: user.identity.name },
          ],
        }),
      );
    }
    await stored.grant({
      personId: STAFF.forumLeader.aadObjectId,
      role: 'committee_leader',
      scope: FORUM,
      grantedBy: 'test',
      grantedAt: new Date().toISOString(),
    });
    // Cases that have waited a week: their notifications and reminders fall due at every instance's next job run.
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
    const waiting: string[] = [];
    for (let n = 0; n < WAITING_CASES; n++) {
      const person = { id: STAFF.earlier.aadObjectId, name: STAFF.earlier.name };
      waiting.push((await stored.submitAsOf(weekAgo, `waiting-${n}`, REFERENCE_STORED, person)).number);
    }

    const people = Array.from({ length: CONVERSATIONS }, (_, n) => ({
      user: new TestUser(channel, lb, { id: `29:p${n}`, aadObjectId: `aad-p${n}`, name: `Person ${n}` }),
      form: markedCase(100 + n),
    }));
    const intakeTurns = people.reduce((sum, p) => sum + p.form.steps.length, 0);
    const clicks = CONVERSATIONS * 3;
    let turnsDone = 0;
    let clicksDone = 0;

    // One instance dies a third of the way through the intake, another a third of the way through routing.
    const crashes: Promise<void>[] = [];
    /** How many messages had reached the channel when each killed instance was gone. */
    const arrivedByDeath: number[] = [];
    const crash = (victim: BotProcess) =>
      crashes.push(
        (async () => {
          await victim.kill('SIGKILL');
          arrivedByDeath.push(channel.sent.length);
          await victim.restart();
        })(),
      );
    const click = async (who: Staff, verb: string, data: Record<string, unknown>) => {
      const user = staff[who];
      await deliver(
        user.activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      );
      if (++clicksDone === Math.floor(clicks / 3)) crash(instances[2]!);
    };

    await Promise.all(
      people.map(async ({ user, form }) => {
        for (const step of form.steps) {
          await deliver(user.activity(stepMessage(user, step)));
          if (++turnsDone === Math.floor(intakeTurns / 3)) crash(instances[1]!);
        }
        const [submitted] = await stored.casesOf(user.identity.aadObjectId);
        assert.ok(submitted, `${user.identity.name}: a case`);
        const caseNumber = submitted.number;
        await click('secretariat', 'propose', {
          caseNumber,
          v: 1,
          proposeForum: FORUM,
          proposeComment: 'Rehab',
        });
        await click('ssuLeader', 'approve', { caseNumber, v: 2, approveComment: 'Einig.' });
        await click('ssuDeputy', 'approve', { caseNumber, v: 3 });
      }),
    );
    await Promise.all(crashes);
    assert.equal(crashes.length, 2, 'both crashes happened');
    const clicked = Date.now();

    // Intake: one case per person, every answer as typed, stored once.
    const routedCases: { number: string; submitter: string }[] = [];
    for (const { user, form } of people) {
      const cases = await stored.casesOf(user.identity.aadObjectId);
      assert.equal(cases.length, 1, `${user.identity.name}: one case`);
      assert.deepEqual(cases[0]!.answers, form.stored, `${user.identity.name}: answers as typed`);
      routedCases.push({ number: cases[0]!.number, submitter: user.identity.aadObjectId });
    }
    // Numbers: one per case, and each year's run from 1 without a gap.
    const numbers = await stored.caseNumbers();
    assert.equal(numbers.length, CONVERSATIONS + WAITING_CASES);
    const byYear = new Map<string, number[]>();
    for (const number of numbers) {
      const [year, seq] = number.split('-');
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(seq)]);
    }
    for (const [year, seqs] of byYear) {
      assert.deepEqual(
        seqs.sort((a, b) => a - b),
        seqs.map((_, i) => i + 1),
        `${year}: numbered 1..n without gaps`,
      );
    }
    // Routing: every decision recorded once.
    for (const { number } of routedCases) {
      const events = (await stored.history(number)).map((h) => `${h.to}:${h.event ?? ''}`);
      assert.deepEqual(
        events,
        [
          'submitted:',
          'routing_proposed:routing_proposed',
          'routing_proposed:routing_approved',
          'routed:routed',
        ],
        `${number}: each decision once`,
      );
    }

    // What must be sent: per routed case the live card to the secretariat, the submitter, the SSU
    // leader and deputy and the forum's leader, and the submitter's message that it was routed; per
    // waiting case its cards (queued by a job) and today's reminder to the secretariat.
    const person = (aad: string) => `person:${aad}`;
    const expected = new Set<string>();
    for (const { number, submitter } of routedCases) {
      for (const aad of [
        submitter,
        STAFF.secretariat.aadObjectId,
        STAFF.ssuLeader.aadObjectId,
        STAFF.ssuDeputy.aadObjectId,
        STAFF.forumLeader.aadObjectId,
      ])
        expected.add(`${number}|card|${person(aad)}`);
      expected.add(`${number}|msg|0004|${person(submitter)}`);
    }
    const today = osloDate(new Date());
    for (const number of waiting) {
      expected.add(`${number}|card|${person(STAFF.secretariat.aadObjectId)}`);
      expected.add(`${number}|card|${person(STAFF.earlier.aadObjectId)}`);
      expected.add(`${number}|remind|${today}|${person(STAFF.secretariat.aadObjectId)}`);
    }

    // The outbox settles: everything queued, everything sent.
    let rows: OutboxRow[] = [];
    let missing: string[] = [];
    let open: OutboxRow[] = [];
    let marks = 0;
    for (const deadline = Date.now() + SETTLE_MS; Date.now() < deadline;) {
      rows = await stored.notifications();
      const ids = new Set(rows.map((r) => `${r.caseNumber}|${r.id}`));
      missing = [...expected].filter((key) => !ids.has(key));
      open = rows.filter((r) => r.status !== 'sent' && r.status !== 'undeliverable');
      marks = await stored.unnotifiedSteps();
      if (missing.length === 0 && open.length === 0 && marks === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.deepEqual(missing, [], 'every notification was queued');
    assert.equal(marks, 0, 'every step had its notifications queued');
    assert.deepEqual(
      open.map((r) => `${r.caseNumber}|${r.id}: ${r.status}`),
      [],
      'every notification was delivered',
    );
    assert.deepEqual(
      rows.filter((r) => r.status !== 'sent').map((r) => `${r.caseNumber}|${r.id}`),
      [],
      'nothing given up',
    );
    const unexpected = rows
      .filter((r) => r.kind !== 'cardUpdate' && !expected.has(`${r.caseNumber}|${r.id}`))
      .map((r) => `${r.caseNumber}|${r.id}`);
    assert.deepEqual(unexpected, [], 'nothing else was sent');

    // At the channel: each sent notification arrived exactly once, and nothing else arrived.
    const conversationOf = new Map(
      [...Object.values(staff), ...people.map((p) => p.user)].map((u) => [
        person(u.identity.aadObjectId),
        u.conversationId,
      ]),
    );
    // A notification carries the line Teams shows in the chat list (`summary`); a reply in a turn does not.
    const proactive = channel.sent.filter((s) => s.method === 'POST' && s.activity.summary !== undefined);
    const arrivals = new Map(proactive.map((s) => [s.id, s]));
    const rowOf = new Map<string, OutboxRow>();
    for (const row of rows.filter((r) => r.kind !== 'cardUpdate')) {
      const arrival = arrivals.get(row.activityId);
      assert.ok(arrival, `${row.caseNumber}|${row.id}: arrived`);
      assert.equal(
        arrival.conversationId,
        conversationOf.get(row.recipient),
        `${row.id}: in its recipient's chat`,
      );
      rowOf.set(row.activityId!, row);
    }
    // The channel takes no idempotency key, so a send is at-least-once: a message the channel took
    // whose sender never learnt so (it died before storing "sent", or the answer came after the send
    // timeout) is sent again, and the recipient sees it twice. Those are the only second copies
    // allowed, and they are counted; any other is a notification sent twice.
    const index = new Map(channel.sent.map((s, i) => [s, i]));
    const beforeADeath = (s: (typeof channel.sent)[number]) => arrivedByDeath.some((n) => index.get(s)! < n);
    const second = { afterCrash: 0, afterTimeout: 0, unexplained: [] as string[] };
    for (const e of proactive.filter((s) => !rowOf.has(s.id!))) {
      const kept = proactive.find(
        (s) =>
          rowOf.has(s.id!) &&
          s.conversationId === e.conversationId &&
          s.activity.summary === e.activity.summary,
      );
      if (kept && beforeADeath(e)) second.afterCrash++;
      else if (kept && rowOf.get(kept.id!)!.attempts > 1) second.afterTimeout++;
      else second.unexplained.push(`${e.conversationId}: ${e.activity.summary}`);
    }
    assert.deepEqual(second.unexplained, [], 'no message arrived twice but for an unanswered send');
    // Card updates: each queued one arrived; a repeat only for an unanswered one (it replaces the
    // card with the same card, which the recipient cannot see).
    const updateRows = new Map<string, OutboxRow[]>();
    for (const row of rows.filter((r) => r.kind === 'cardUpdate')) {
      const key = `${conversationOf.get(row.recipient)}|${row.activityId}`;
      updateRows.set(key, [...(updateRows.get(key) ?? []), row]);
    }
    const updatesArrived = new Map<string, (typeof channel.sent)[number][]>();
    for (const s of channel.sent.filter((s) => s.method === 'PUT')) {
      const key = `${s.conversationId}|${s.id}`;
      updatesArrived.set(key, [...(updatesArrived.get(key) ?? []), s]);
    }
    let repeatedUpdates = 0;
    for (const key of new Set([...updateRows.keys(), ...updatesArrived.keys()])) {
      const queued = updateRows.get(key) ?? [];
      const arrived = updatesArrived.get(key) ?? [];
      assert.ok(arrived.length >= queued.length, `${key}: every update arrived`);
      const unanswered =
        queued.filter((r) => r.attempts > 1).length + arrived.filter((s) => beforeADeath(s)).length;
      assert.ok(arrived.length - queued.length <= unanswered, `${key}: no update sent twice`);
      repeatedUpdates += arrived.length - queued.length;
    }

    console.log(
      `      ${intakeTurns} intake turns + ${clicks} clicks (${resends} re-sent), per instance forwarded ${lb.forwarded.join('/')}, failed ${lb.failed.join('/')}; ` +
        `${rows.length} notifications: ${proactive.length} messages (second copies: ${second.afterCrash} after a crash, ${second.afterTimeout} after a timeout), ` +
        `${updateRows.size} cards updated (${repeatedUpdates} updates repeated); ` +
        `clicks done after ${Math.round((clicked - started) / 1000)} s, settled after ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });
});
