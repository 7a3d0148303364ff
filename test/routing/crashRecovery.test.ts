import assert from 'node:assert/strict';
import sinon from 'sinon';
import { textOf } from '../support/botHarness';
import { RoutingWorld } from './routingWorld';

/**
 * A step is stored with a "to notify" mark in the same transaction; if queueing its notifications
 * fails right after (a crash, storage unreachable), the periodic job queues them later, once.
 */
describe('routing notifications: nothing lost when queueing fails right after a step', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    sinon.restore();
    await world.stop();
  });

  const later = () => new Date(Date.now() + 10 * 60_000);

  it('a routing decision: the submitter hears of it from the job, exactly once', async () => {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT',
    });

    sinon.stub(world.routing.outbox, 'enqueue').onFirstCall().rejects(new Error('storage unreachable'));
    await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
    sinon.restore();
    assert.equal((await world.caseOf(number)).state, 'routed', 'the decision stands');
    assert.doesNotMatch(textOf(world.posted('submitter')), /skal behandles i/);
    assert.deepEqual(
      (await world.bot.app.services.cases.unnotified(later())).map((m) => m.seq),
      [3],
      'the step is marked as still to notify',
    );

    await world.routing.runJobs(later());
    await world.routing.runJobs(later());
    const routed = textOf(world.posted('submitter')).match(
      new RegExp(`Saken din ${number} skal behandles i`, 'g'),
    );
    assert.equal(routed?.length, 1, 'told once, though the job ran twice');
    assert.deepEqual(await world.bot.app.services.cases.unnotified(later()), []);
  });

  it('a new case: the secretariat gets its card from the job', async () => {
    sinon.stub(world.routing.outbox, 'enqueue').onFirstCall().rejects(new Error('storage unreachable'));
    const number = await world.submit();
    sinon.restore();
    assert.doesNotMatch(textOf(world.posted('secretariat')), new RegExp(number));

    await world.routing.runJobs(later());
    assert.match(textOf(world.posted('secretariat')), new RegExp(number));
    assert.deepEqual(await world.bot.app.services.cases.unnotified(later()), []);
  });

  it('a step whose notifications were queued leaves no mark behind', async () => {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT',
    });
    assert.deepEqual(await world.bot.app.services.cases.unnotified(later()), []);
  });
});
