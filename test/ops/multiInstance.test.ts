import assert from 'node:assert/strict';
import { TestChannel, TestUser } from '../support/botHarness';
import { startBotInstances, type BotProcess } from '../support/botProcess';
import { markedCase, stepMessage } from '../support/formSteps';
import { testStorage, uniquePrefix } from '../support/globalAzurite';
import { RoundRobinProxy } from '../support/roundRobinProxy';
import { StoredState } from '../support/storedState';

const INSTANCES = 3;
const CONVERSATIONS = 20;
/** Sends of one activity before the test gives up (a bound: a healthy run needs a few at most). */
const MAX_SENDS = 200;
/** Every so many 200s, the proxy drops the answer: the instance did the work, the channel never heard. */
const LOSE_EVERY = 10;

/**
 * Three server processes on one Azurite behind a round-robin proxy; conversations fill in the whole
 * form at once while one instance is killed with SIGKILL and started again, and some 200s are lost on
 * the way back. Like the channel, every turn that got no 200 is sent again unchanged (same activity
 * id) until one does; the copy of a turn already done lands on another instance, which must know it.
 */
describe('several server instances, one killed and restarted mid-run', () => {
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

  it('every case holds its answers exactly as typed, one case per conversation, numbers unique', async function () {
    this.timeout(180_000);
    const storage = testStorage();
    if (storage.kind !== 'connectionString') throw new Error('tests run on Azurite');
    const tablePrefix = uniquePrefix();
    instances = await startBotInstances(INSTANCES, {
      connectionString: storage.connectionString,
      tablePrefix,
    });
    let answered = 0;
    let lost = 0;
    const lb = await RoundRobinProxy.start(
      instances.map((i) => i.url),
      {
        beforeResponse: (_backend, status) => {
          if (status !== 200 || ++answered % LOSE_EVERY !== 0) return true;
          lost++;
          return false;
        },
      },
    );
    proxy = lb;

    const people = Array.from({ length: CONVERSATIONS }, (_, n) => ({
      user: new TestUser(channel, lb, { id: `29:p${n}`, aadObjectId: `aad-p${n}`, name: `Person ${n}` }),
      form: markedCase(100 + n),
    }));
    const totalTurns = people.reduce((sum, p) => sum + p.form.steps.length, 0);
    let turnsDone = 0;
    let resends = 0;

    // A third of the way through, one instance dies with turns in flight and comes back.
    const victim = instances[1]!;
    let crashed!: () => void;
    const crashTime = new Promise<void>((resolve) => (crashed = resolve));
    const crash = crashTime.then(async () => {
      await victim.kill('SIGKILL');
      await victim.restart();
    });

    await Promise.all(
      people.map(async ({ user, form }) => {
        for (const step of form.steps) {
          const activity = user.activity(stepMessage(user, step));
          for (let send = 1; ; send++) {
            const result = await lb.post(activity);
            if (result.status === 200) break;
            assert.ok(send < MAX_SENDS, `gave up on a turn: ${result.status} ${result.body}`);
            resends++;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          if (++turnsDone === Math.floor(totalTurns / 3)) crashed();
        }
      }),
    );
    await crash;

    const stored = new StoredState(storage, tablePrefix);
    const numbers = new Set<string>();
    for (const { user, form } of people) {
      const cases = await stored.casesOf(user.identity.aadObjectId);
      assert.equal(cases.length, 1, `${user.identity.name}: one case`);
      assert.deepEqual(cases[0]!.answers, form.stored, `${user.identity.name}: answers as typed`);
      numbers.add(cases[0]!.number);
    }
    assert.equal(numbers.size, CONVERSATIONS, 'case numbers unique');
    assert.ok(lost > 0, 'turns done whose 200 was lost were sent again');
    assert.ok(resends > lost, 'the kill made some turns fail and be sent again');
    console.log(
      `      ${totalTurns} turns, ${resends} re-sent (${lost} after a lost 200); per instance forwarded ${lb.forwarded.join('/')}, failed ${lb.failed.join('/')}`,
    );
  });
});
