import assert from 'node:assert/strict';
import { textOf } from '../support/botHarness';
import { assertValidCard } from '../support/adaptiveCards';
import { IDS, RoutingWorld, allText, executeData, lastCard, verbsOf } from './routingWorld';

describe('routing: return, more information, withdrawal', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('returns a case with a required justification, picked from the standard list, and tells the submitter', async () => {
    const number = await world.submit();

    // Without a justification nothing happens.
    let result = await world.act('secretariat', 'return', { caseNumber: number, v: 1, justification: '   ' });
    assert.match(result.text, /Ingenting er lagra enno/);
    assert.match(result.text, /«Grunngjeving til melder» må fyllast ut/);
    assert.equal((await world.caseOf(number)).state, 'submitted');

    // The standard justifications are offered on the card, and picking one (no own text) uses it.
    const card = lastCard(world.posted('secretariat'));
    assert.match(allText(card), /Saka høyrer heime i det lokale samarbeidsutvalet/);
    result = await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      returnStandard: 'j1',
      justification: '',
    });
    assert.match(result.text, /Returnert/);
    const record = await world.caseOf(number);
    assert.equal(record.state, 'returned');
    assert.equal(
      record.routing?.returned?.justification,
      'Saka høyrer heime i det lokale samarbeidsutvalet for sjukehusområdet.',
    );

    const message = world.posted('submitter').at(-1)!;
    assertValidCard(lastCard([message]), 'returned message');
    assert.match(
      textOf([message]),
      new RegExp(`Saken din ${number} skal ikke behandles i helsefellesskapet`),
    );
    assert.match(textOf([message]), /Saka høyrer heime i det lokale samarbeidsutvalet/);

    const history = await world.bot.app.services.cases.history(number);
    assert.deepEqual(history.at(-1), {
      caseNumber: number,
      seq: 2,
      at: history.at(-1)!.at,
      by: { id: IDS.secretariat, name: 'Bodil Våge' },
      from: 'submitted',
      to: 'returned',
      event: 'returned',
      comment: 'Saka høyrer heime i det lokale samarbeidsutvalet for sjukehusområdet.',
    });
  });

  it('asks the submitter for more information; the reply is added to the case and the cards update', async () => {
    const number = await world.submit();
    const question = 'Kva kommunar er med i BTI/BTS-prosjektet?\nSvar gjerne med ei liste.';
    let result = await world.act('secretariat', 'requestInfo', { caseNumber: number, v: 1, question });
    assert.match(result.text, /Ventar på svar frå melder/);

    // The submitter is asked, in bokmål, with a field to answer in.
    const ask = world.posted('submitter').at(-1)!;
    const askCard = lastCard([ask]);
    assertValidCard(askCard, 'question message');
    assert.match(textOf([ask]), /Sekretariatet trenger mer informasjon om saken din/);
    assert.ok(allText(askCard).includes(question));
    assert.deepEqual(verbsOf(askCard), ['replyInfo']);

    // The submitter answers from that card (what its button sends: the case and its version).
    const reply = 'Ålesund, Ørsta og Volda.\n• Fleire kjem til i 2025.';
    const sent = executeData(askCard, 'replyInfo');
    assert.deepEqual(sent, { caseNumber: number, v: 2 });
    result = await world.act('submitter', 'replyInfo', { ...sent, reply });
    assert.match(result.text, /Lagret\./);
    const record = await world.caseOf(number);
    assert.equal(record.state, 'submitted');
    assert.deepEqual(
      record.routing?.infoRequests.map((r) => [r.question, r.reply]),
      [[question, reply]],
    );

    // The secretariat hears of the reply, and its copy of the card shows it.
    const told = world.posted('secretariat').at(-1)!;
    assert.match(textOf([told]), new RegExp(`Melder har svart på spørsmålet i sak ${number}`));
    assert.ok(textOf([told]).includes(reply));
    const copy = world.updated('secretariat').at(-1)!;
    assert.ok(textOf([copy]).includes(reply), 'the secretariat copy shows the reply');

    // A second click on the same reply does not add it twice.
    result = await world.act('submitter', 'replyInfo', { ...sent, reply });
    assert.match(result.text, /allerede registrert/);
    const history = await world.bot.app.services.cases.history(number);
    assert.deepEqual(
      history.map((h) => h.event ?? h.to),
      ['submitted', 'info_requested', 'info_added'],
    );
  });

  it('lets the submitter withdraw before routing, and nobody else', async () => {
    const number = await world.submit();

    // Someone else cannot withdraw the submitter's case, whatever their card says.
    let result = await world.act('secretariat', 'withdraw', {
      caseNumber: number,
      v: 1,
      withdrawComment: 'no',
    });
    assert.match(result.text, /ikkje rolla/);
    assert.equal((await world.caseOf(number)).state, 'submitted');
    const denied = await world.bot.app.services.roles.deniedAttempts();
    assert.deepEqual(
      denied.map((d) => [d.personId, d.action, d.target]),
      [[IDS.secretariat, 'case.withdraw', number]],
    );

    result = await world.act('submitter', 'withdraw', {
      caseNumber: number,
      v: 1,
      withdrawComment: 'Vi løyser det lokalt.',
    });
    assert.match(result.text, /Trukket tilbake/);
    assert.deepEqual(verbsOf(result.card), ['refresh'], 'nothing more to do');
    const record = await world.caseOf(number);
    assert.equal(record.state, 'withdrawn');

    // The secretariat's card shows it, and offers nothing more.
    const copy = world.updated('secretariat').at(-1)!;
    assert.match(textOf([copy]), /Trekt tilbake/);
    assert.deepEqual(verbsOf(lastCard([copy])), ['refresh']);

    // After routing there is no withdrawing.
    const second = await world.submit(world.users.submitter, 'Ei anna sak');
    await world.act('secretariat', 'propose', {
      caseNumber: second,
      v: 1,
      proposeForum: 'ssu',
      proposeComment: 'SSU',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: second, v: 2 });
    result = await world.act('submitter', 'withdraw', { caseNumber: second, v: 3 });
    assert.match(result.text, /endret siden dette kortet/);
    assert.equal((await world.caseOf(second)).state, 'routed');
  });
});
