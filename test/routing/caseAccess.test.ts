import assert from 'node:assert/strict';
import { TestUser, textOf, type InvokeBody } from '../support/botHarness';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import { IDS, RoutingWorld, allText, verbsOf } from './routingWorld';

const NO_ACCESS = 'Du har ikkje tilgang til denne saka.';

/** Every verb a card can send, with data that would be valid for it. */
const EVERY_VERB: [string, Record<string, unknown>][] = [
  ['refresh', {}],
  ['useJustification', { v: 1, form: 'return', returnStandard: 'j1' }],
  ['useJustification', { v: 1, form: 'propose', proposeStandard: 'j1' }],
  ['propose', { v: 1, proposeForum: 'fsu-ikt', proposeComment: 'Eg bestemmer' }],
  ['return', { v: 1, justification: 'Nei' }],
  ['requestInfo', { v: 1, question: 'Kva?' }],
  ['approve', { v: 1 }],
  ['changeForum', { v: 1, changeForum: 'ssu', changeComment: 'SSU' }],
  [
    'outcome',
    { v: 1, decision: 'x', meetingDate: '2026-12-01', forumCaseNumber: '1', minutesUrl: 'https://a.no' },
  ],
  ['forward', { v: 1, forwardForum: 'ssu', forwardComment: 'x' }],
  ['withdraw', { v: 1 }],
  ['replyInfo', { v: 1, reply: 'x' }],
];

/** What a person reads on the card of an invoke response. */
function cardText(body: InvokeBody): string {
  return textOf([
    { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] },
  ]);
}

/** Nothing of the case may be on the card: not its title, answers, submitter or history. */
function assertNamesNothing(body: InvokeBody, what: string): void {
  const text = cardText(body);
  assert.equal(body.statusCode, 200, what);
  assert.equal(text, NO_ACCESS, `${what}: the short card only`);
  for (const secret of [REFERENCE_CASE.title, 'Runa Bakke', REFERENCE_CASE.email, REFERENCE_CASE.phone]) {
    assert.ok(!JSON.stringify(body).includes(secret), `${what}: leaks ${secret}`);
  }
  assert.deepEqual(verbsOf(body.value), [], `${what}: no action`);
}

describe('case access: every card action first decides who may see the case', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    // A fixed clock: the audit counts per hour, and a test must not straddle one.
    world = await RoutingWorld.start({}, () => new Date('2026-11-23T10:15:00Z'));
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  /** A Teams user the tests make up, with the roles given. */
  async function person(
    id: string,
    name: string,
    roles: { role: 'committee_leader' | 'committee_deputy'; scope: string }[],
  ) {
    for (const r of roles) {
      await world.bot.app.services.roles.grant({
        personId: id,
        ...r,
        grantedBy: 'test',
        grantedAt: new Date().toISOString(),
      });
    }
    const user = new TestUser(world.channel, world.bot, {
      id: `29:${id}`,
      aadObjectId: id,
      name,
      locale: 'nn-NO',
    });
    await user.join();
    return user;
  }

  it('gives someone without a role the same short card for every verb, for this case and for none, and records each attempt', async () => {
    const number = await world.submit();
    assert.equal(number, '2026-001');
    const outsider = world.users.outsider;
    const reference = await outsider.execute('refresh', { caseNumber: number });
    for (const caseNumber of [number, '2026-1', '2026-000001', '2026-0001', ' 2026-001', '2026-999', 'x']) {
      for (const [verb, data] of EVERY_VERB) {
        const { status, body } = await outsider.execute(verb, { ...data, caseNumber });
        assert.equal(status, 200, `${verb} ${caseNumber}`);
        assertNamesNothing(body, `${verb} ${caseNumber}`);
        assert.deepEqual(
          body,
          reference.body,
          `${verb} ${caseNumber}: the same card whether the case exists or not`,
        );
      }
    }
    const record = await world.caseOf(number);
    assert.equal(record.state, 'submitted');
    assert.equal(record.historyCount, 1, 'nothing written');

    const denied = (await world.bot.app.services.roles.deniedAttempts()).filter(
      (d) => d.personId === IDS.outsider,
    );
    const byTarget = Object.fromEntries(denied.map((d) => [d.target, d.count]));
    assert.deepEqual(byTarget, {
      'case:2026-001': EVERY_VERB.length + 1,
      'case:2026-999': EVERY_VERB.length,
      'case:invalid-number': EVERY_VERB.length * 5,
    });
    assert.ok(denied.every((d) => d.action === 'case.view'));
  });

  it('shows a routed case to the leadership of the forum that has it, with its steps only; another committee’s leader sees nothing', async () => {
    const ikt = await person('00000000-0000-4000-8000-00000000f001', 'Ivar IKT', [
      { role: 'committee_leader', scope: 'fsu-ikt' },
    ]);
    const rehab = await person('00000000-0000-4000-8000-00000000f002', 'Rut Rehab', [
      { role: 'committee_leader', scope: 'fsu-rehabilitering' },
    ]);
    const number = await world.submit();

    // Before routing no committee sees the case.
    assertNamesNothing((await ikt.execute('refresh', { caseNumber: number })).body, 'ikt before routing');

    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'IKT-saka',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routed');

    const seen = await ikt.execute('refresh', { caseNumber: number });
    assert.ok(allText(seen.body.value).includes(REFERENCE_CASE.title), 'the forum leader sees the case');
    // The forum's leadership works the case (outcome, forward); the secretariat's steps stay its own.
    assert.deepEqual(verbsOf(seen.body.value).sort(), ['forward', 'outcome', 'refresh']);
    const tried = await ikt.execute('return', { caseNumber: number, v: 3, justification: 'x' });
    assert.match(allText(tried.body.value), /Du har ikkje rolla som skal til/);
    assert.equal((await world.caseOf(number)).state, 'routed');

    for (const [verb, data] of EVERY_VERB) {
      const { body } = await rehab.execute(verb, { ...data, caseNumber: number });
      assertNamesNothing(body, `another committee's leader: ${verb}`);
    }
  });

  it('shows the submitter their own view on the card: no proposal, approvals or internal comments', async () => {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'Intern merknad frå sekretariatet',
    });
    await world.act('ssuLeader', 'approve', {
      caseNumber: number,
      v: 2,
      approveComment: 'Intern merknad frå SSU',
    });
    const own = await world.users.submitter.execute('refresh', { caseNumber: number });
    const text = allText(own.body.value);
    assert.ok(text.includes(REFERENCE_CASE.title));
    assert.match(text, /samarbeidsutvalg? for IKT-l/, 'where the case is handled');
    // The reason the case went there is told to the submitter (as the notification does) ...
    assert.ok(text.includes('Intern merknad frå SSU'));
    // ... but not the proposal before it, nor who approved.
    assert.ok(!text.includes('Intern merknad frå sekretariatet'), 'no proposal comment');
    assert.ok(!text.includes('Godkjent av'), 'no approvals');
    assert.ok(!text.includes('Forslag frå sekretariatet') && !text.includes('Forslag fra sekretariatet'));
    // The secretariat still sees everything.
    const full = allText(
      (await world.users.secretariat.execute('refresh', { caseNumber: number })).body.value,
    );
    assert.ok(full.includes('Intern merknad frå sekretariatet'));
  });

  it('applies no decision from a card whose version is missing or not a whole number', async () => {
    const number = await world.submit();
    const before = await world.caseOf(number);
    const bad: unknown[] = ['abc', null, {}, [2], '3 ', -1, 1.5, '', undefined];
    for (const v of bad) {
      const data: Record<string, unknown> = {
        caseNumber: number,
        proposeForum: 'fsu-ikt',
        proposeComment: 'Ja',
      };
      if (v !== undefined) data.v = v;
      const { status, body } = await world.users.secretariat.execute('propose', data);
      assert.equal(status, 200, JSON.stringify(v));
      const text = allText(body.value);
      assert.match(text, /Kortet var utdatert, så ingenting er endra/, `v=${JSON.stringify(v)}`);
      assert.ok(text.includes(REFERENCE_CASE.title), 'the current card');
      assert.ok(JSON.stringify(body.value).includes('"id":"proposeComment","label":'), 'the form is there');
      assert.match(
        JSON.stringify(body.value),
        /"id":"proposeComment"[^}]*"value":"Ja"/,
        'what they typed kept',
      );
      const ret = await world.users.secretariat.execute('return', { ...data, justification: 'Nei' });
      assert.match(allText(ret.body.value), /Kortet var utdatert/);
    }
    const after = await world.caseOf(number);
    assert.equal(after.etag, before.etag, 'nothing written');
    assert.equal(after.state, 'submitted');
    // The version as templating may write it (digits in a string) still works.
    const ok = await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: '1',
      proposeForum: 'fsu-ikt',
      proposeComment: 'Ja',
    });
    assert.match(ok.text, /Lagra\./);
  });

  it('refuses card data of the wrong type with a clear 400', async () => {
    const number = await world.submit();
    const { status, body } = await world.users.secretariat.execute('propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: { text: 'x' },
    });
    assert.equal(status, 400);
    assert.equal(body.statusCode, 400);
    assert.match(JSON.stringify(body.value), /proposeComment/);
    assert.equal((await world.caseOf(number)).historyCount, 1);
  });

  it('keeps one audit row, with a count, for 50 refused attempts by one person on one case in one hour', async () => {
    const number = await world.submit();
    for (let i = 0; i < 50; i++) {
      const { body } = await world.users.outsider.execute('refresh', { caseNumber: number });
      assertNamesNothing(body, `attempt ${i}`);
    }
    const rows = (await world.bot.app.services.roles.deniedAttempts()).filter(
      (d) => d.personId === IDS.outsider,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.count, 50);
    assert.equal(rows[0]!.target, `case:${number}`);
  });
});
