import assert from 'node:assert/strict';
import { IDS, RoutingWorld, verbsOf } from './routingWorld';

describe('routing: only the role named for a step may take it; one decision wins a race', () => {
  let world: RoutingWorld;

  afterEach(async () => {
    await world.stop();
  });

  it('refuses a person without the role: nothing changes, a read-only view, the attempt recorded', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    const before = await world.caseOf(number);

    // The outsider replays exactly what the secretariat's card would send.
    const data = { caseNumber: number, v: 1, proposeForum: 'fsu-ikt', proposeComment: 'Eg bestemmer' };
    // They may not even see the case: the short card that names nothing of it.
    const result = await world.act('outsider', 'propose', data);
    assert.equal(result.text, 'Du har ikkje tilgang til denne saka.');
    assert.deepEqual(verbsOf(result.card), []);

    // The submitter cannot approve, and the SSU leader cannot propose (the secretariat's step).
    await world.act('submitter', 'approve', { caseNumber: number, v: 1 });
    const ssu = await world.act('ssuLeader', 'propose', data);
    assert.match(ssu.text, /Du har ikkje rolla som skal til for dette steget/);
    assert.deepEqual(verbsOf(ssu.card), ['refresh'], 'read-only view');
    assert.match(ssu.text, /Saka ventar på at sekretariatet føreslår/);
    // An administrator is not the secretariat either.
    await world.act('admin', 'return', { caseNumber: number, v: 1, justification: 'nei' });

    const after = await world.caseOf(number);
    assert.equal(after.state, 'submitted');
    assert.equal(after.etag, before.etag, 'not written at all');
    assert.equal((await world.bot.app.services.cases.history(number)).length, 1);
    const denied = await world.bot.app.services.roles.deniedAttempts();
    assert.deepEqual(
      denied.map((d) => [d.personId, d.action, d.target]).sort(),
      [
        [IDS.admin, 'case.return', number],
        [IDS.outsider, 'case.view', `case:${number}`],
        [IDS.ssuLeader, 'case.propose_routing', number],
        [IDS.submitter, 'case.approve_routing', number],
      ].sort(),
    );
    // Nothing was sent to anyone because of the refused attempts.
    assert.equal(world.posted('ssuDeputy').length, 1, 'only the welcome');
  });

  it('applies exactly one of two approvals made at the same moment', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'lsu-molde',
      proposeComment: 'Lokal sak',
    });

    const [leader, deputy] = await Promise.all([
      world.users.ssuLeader.execute('changeForum', {
        caseNumber: number,
        v: 2,
        changeForum: 'lsu-kristiansund',
        changeComment: 'Gjeld Kristiansund',
      }),
      world.users.ssuDeputy.execute('approve', { caseNumber: number, v: 2 }),
    ]);
    await world.routing.outbox.drain();
    const notices = [leader, deputy].map((r) => JSON.stringify(r.body.value));
    assert.equal(notices.filter((n) => n.includes('Lagra.')).length, 1, 'one was applied');
    assert.equal(
      notices.filter((n) => /Nokon andre tok ei avgjerd|endra sidan/.test(n)).length,
      1,
      'the other saw the current state',
    );

    const history = await world.bot.app.services.cases.history(number);
    assert.deepEqual(
      history.map((h) => h.to),
      ['submitted', 'routing_proposed', 'routed'],
    );
    const record = await world.caseOf(number);
    assert.equal(record.state, 'routed');
    assert.equal(record.routing?.forumChain.length, 1);
    // The submitter hears of the routing once.
    const routedMessages = world
      .posted('submitter')
      .filter((a) => /skal behandles i/.test(JSON.stringify(a)));
    assert.equal(routedMessages.length, 1);
  });

  it('shows the current state for a click on a stale card, and recognises a repeated click', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    const propose = {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-barn-og-unge',
      proposeComment: 'Barn og unge',
    };
    await world.act('secretariat', 'propose', propose);

    // The same click again (a double click, or Teams retrying the invoke): recognised, not applied twice.
    let result = await world.act('secretariat', 'propose', propose);
    assert.match(result.text, /Avgjerda di er alt registrert/);
    assert.equal((await world.bot.app.services.cases.history(number)).length, 2);

    // The deputy approves; then the leader clicks approve on the card they got before: stale.
    await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
    result = await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.match(result.text, /Saka er endra sidan dette kortet vart vist/);
    assert.match(result.text, /Fordelt til utval/);
    assert.deepEqual(verbsOf(result.card), ['refresh']);

    // A secretariat member's old card (from before the proposal) cannot return the routed case.
    result = await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      justification: 'for seint',
    });
    assert.match(result.text, /endra sidan/);
    assert.equal((await world.caseOf(number)).state, 'routed');
    assert.equal((await world.bot.app.services.cases.history(number)).length, 3);

    // A refresh shows each person their own view of the current state.
    const secretariat = await world.users.secretariat.execute('refresh', { caseNumber: number });
    assert.deepEqual(verbsOf(secretariat.body.value).sort(), ['forward', 'outcome', 'refresh']);
    const submitter = await world.users.submitter.execute('refresh', { caseNumber: number });
    assert.deepEqual(verbsOf(submitter.body.value), ['refresh']);
    assert.equal(submitter.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(submitter.body.statusCode, 200);
  });

  it('with ROUTING_APPROVALS_REQUIRED=2, needs both the leader and the deputy', async () => {
    world = await RoutingWorld.start({
      routing: { ...RoutingWorldDefaults(), approvalsRequired: 2 },
    });
    await world.joinAll();
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'partnarskapsmotet',
      proposeComment: 'Stor sak',
    });
    let result = await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.match(result.text, /Godkjent av 1 av 2/);
    assert.equal((await world.caseOf(number)).state, 'routing_proposed');
    // The same leader approving again does not count twice.
    result = await world.act('ssuLeader', 'approve', { caseNumber: number, v: 3 });
    assert.match(result.text, /alt registrert/);
    assert.equal((await world.caseOf(number)).state, 'routing_proposed');
    await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 3 });
    assert.equal((await world.caseOf(number)).state, 'routed');
  });
});

function RoutingWorldDefaults() {
  return {
    approvalsRequired: 1,
    reminderWorkingDays: 3,
    jobsIntervalSeconds: 0,
    retry: { immediateAttempts: 2, baseDelayMs: 5, maxAttempts: 4, retryAfterMs: 60_000 },
    sendTimeoutMs: 15_000,
    leaseMs: 120_000,
  };
}
