import assert from 'node:assert/strict';
import { textOf } from '../support/botHarness';
import { assertValidCard } from '../support/adaptiveCards';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import { IDS, RoutingWorld, allText, lastCard, verbsOf } from './routingWorld';

describe('routing through /api/messages: submit → propose → approve → outcome (guideline steps 1-5)', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('takes the whole path, and the submitter hears of each step, in order, in bokmål', async () => {
    const number = await world.submit();

    // Step 2: the secretariat gets the case as a card in its 1:1 chat, with its actions.
    const secretariatCard = lastCard(world.posted('secretariat'));
    assertValidCard(secretariatCard, 'secretariat case card');
    const secretariatText = textOf([
      { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: secretariatCard }] },
    ]);
    assert.match(secretariatText, new RegExp(`Sak ${number}`));
    assert.ok(secretariatText.includes(REFERENCE_CASE.title), 'the title');
    assert.match(secretariatText, /Runa Bakke/);
    assert.match(secretariatText, /Middels/);
    assert.match(secretariatText, /Barn og unge/);
    assert.match(secretariatText, /Hovudavtale/);
    assert.ok(
      allText(secretariatCard).includes(REFERENCE_CASE.background),
      'the full answers are one click away',
    );
    assert.deepEqual(
      verbsOf(secretariatCard).sort(),
      // useJustification twice: "use and edit" next to the standard justifications of propose and return
      ['propose', 'refresh', 'requestInfo', 'return', 'useJustification', 'useJustification'].sort(),
    );
    const refresh = secretariatCard.refresh as { action: { verb: string }; userIds: string[] };
    assert.equal(refresh.action.verb, 'refresh');
    assert.ok(refresh.userIds.includes('29:secretariat') && refresh.userIds.includes('29:submitter'));
    // Nobody else was sent the case before it is proposed.
    assert.equal(
      world.posted('ssuDeputy').filter((a) => a.attachments?.length).length,
      1,
      'only the welcome',
    );

    // Step 3: the secretariat proposes an FSU.
    let result = await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Saka gjeld koordinering og individuell plan, som FSU rehabilitering arbeider med.',
    });
    assert.match(result.text, /Lagra\./);
    assert.match(result.text, /Under vurdering/);
    assert.equal((await world.caseOf(number)).state, 'routing_proposed');

    // The SSU leader and deputy get the proposal as a card with their actions.
    for (const who of ['ssuLeader', 'ssuDeputy'] as const) {
      const card = lastCard(world.posted(who));
      assertValidCard(card, `${who} card`);
      assert.deepEqual(verbsOf(card).sort(), ['approve', 'changeForum', 'refresh']);
      assert.match(JSON.stringify(card), /Fagleg samarbeidsutval for Rehabilitering/);
    }

    // The deputy approves: one approval routes the case (ROUTING_APPROVALS_REQUIRED=1).
    result = await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 2, approveComment: 'Einig.' });
    assert.match(result.text, /Fordelt til utval/);
    assert.equal((await world.caseOf(number)).state, 'routed');

    // Step 5: the secretariat registers the outcome with the minutes.
    result = await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 3,
      decision: 'FSU rehabilitering tek saka inn i handlingsplanen for 2025.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: 'https://helse-mr.no/referat/fsu-rehabilitering-2026-12-01.pdf',
    });
    assert.match(result.text, /Avgjort/);
    assert.match(result.text, /Sak 39\/22/);

    const record = await world.caseOf(number);
    assert.equal(record.state, 'decided');
    assert.deepEqual(
      record.routing?.forumChain.map((s) => [s.forum, s.kind]),
      [['fsu-rehabilitering', 'routed']],
    );
    assert.equal(record.routing?.outcome?.forumCaseNumber, 'Sak 39/22');

    const history = await world.bot.app.services.cases.history(number);
    assert.deepEqual(
      history.map((h) => [h.from, h.to, h.by.id, h.event ?? '']),
      [
        [null, 'submitted', IDS.submitter, ''],
        ['submitted', 'routing_proposed', IDS.secretariat, 'routing_proposed'],
        ['routing_proposed', 'routed', IDS.ssuDeputy, 'routed'],
        ['routed', 'decided', IDS.secretariat, 'outcome_registered'],
      ],
    );

    // The submitter's chat: receipt, the live case card, routing decided, outcome with the minutes link.
    const chat = world.posted('submitter');
    const texts = chat.map((a) => textOf([a]));
    const at = (pattern: RegExp) => texts.findIndex((t) => pattern.test(t));
    const receipt = at(new RegExp(`Saken er mottatt – saksnummer ${number}`));
    const liveCard = at(new RegExp(`Sak ${number}[\\s\\S]*Trekk saken tilbake`));
    const routed = at(
      new RegExp(`Saken din ${number} skal behandles i Faglig samarbeidsutvalg for Rehabilitering`),
    );
    const outcome = at(
      new RegExp(`Saken din ${number} er behandlet i Faglig samarbeidsutvalg for Rehabilitering`),
    );
    assert.ok(
      receipt >= 0 && liveCard > receipt && routed > liveCard && outcome > routed,
      `order: ${[receipt, liveCard, routed, outcome].join(',')}`,
    );
    assert.match(texts[routed]!, /Saka gjeld koordinering|Einig\./, 'where and why');
    assert.match(texts[outcome]!, /Sak 39\/22/);
    assert.match(texts[outcome]!, /01\.12\.2026/);
    const outcomeCard = lastCard([chat[outcome]!]);
    assertValidCard(outcomeCard, 'outcome message');
    assert.match(JSON.stringify(outcomeCard.actions), /"Action.OpenUrl".*fsu-rehabilitering-2026-12-01\.pdf/);
    assert.doesNotMatch(texts.join('\n'), /Saka di|Sakene dine/, 'nothing in nynorsk to a bokmål user');

    // Every copy of the card shows the current state: the submitter's and the secretariat's were updated.
    const submitterCopy = world.updated('submitter').at(-1);
    assert.ok(submitterCopy, 'the submitter copy was updated');
    assert.match(textOf([submitterCopy]), /Avgjort/);
    assert.deepEqual(verbsOf(lastCard([submitterCopy])), ['refresh'], 'no withdrawal after the decision');
    const secretariatCopy = world.updated('secretariat').at(-1);
    assert.match(textOf([secretariatCopy!]), /Avgjort/);
    assert.match(textOf([secretariatCopy!]), /Sak 39\/22/);

    // Nothing failed on the way.
    assert.deepEqual(await world.routing.outbox.listUndelivered(), []);
  });

  it('records a forum sending the case on, keeps the whole chain, and tells the submitter', async () => {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-barn-og-unge',
      proposeComment: 'Barn',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });

    // The same forum again is refused; a reason is required.
    let result = await world.act('secretariat', 'forward', {
      caseNumber: number,
      v: 3,
      forwardForum: 'fsu-barn-og-unge',
      forwardComment: 'x',
    });
    assert.match(result.text, /Vel eit anna utval/);
    result = await world.act('secretariat', 'forward', {
      caseNumber: number,
      v: 3,
      forwardForum: 'lsu-volda',
      forwardComment: '',
    });
    assert.match(result.text, /må fyllast ut/);

    result = await world.act('secretariat', 'forward', {
      caseNumber: number,
      v: 3,
      forwardForum: 'lsu-volda',
      forwardComment: 'FSU fann at saka gjeld berre Volda sjukehusområde.',
    });
    assert.match(result.text, /sendt vidare til LSU Volda/);
    const record = await world.caseOf(number);
    assert.equal(record.state, 'routed');
    assert.deepEqual(
      record.routing?.forumChain.map((s) => [s.forum, s.kind]),
      [
        ['fsu-barn-og-unge', 'routed'],
        ['lsu-volda', 'forwarded'],
      ],
    );
    const told = world.posted('submitter').at(-1)!;
    assert.match(textOf([told]), new RegExp(`Saken din ${number} er sendt videre til LSU Volda`));
    assert.match(textOf([told]), /gjeld berre Volda/);

    // The outcome is then registered for where the case is now.
    await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 4,
      decision: 'Teke til orientering.',
      meetingDate: '05.02.2027',
      forumCaseNumber: 'Sak 3/27',
      minutesUrl: 'javascript:alert(1)',
    });
    assert.equal((await world.caseOf(number)).state, 'routed', 'a javascript: link is refused');
    result = await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 4,
      decision: 'Teke til orientering.',
      meetingDate: '05.02.2027',
      forumCaseNumber: 'Sak 3/27',
      minutesUrl: 'https://helse-mr.no/lsu-volda/referat-2027-02-05',
    });
    assert.match(result.text, /Avgjort/);
    assert.equal((await world.caseOf(number)).routing?.outcome?.meetingDate, '2027-02-05');
    assert.match(textOf([world.posted('submitter').at(-1)!]), /er behandlet i LSU Volda/);
  });
});
