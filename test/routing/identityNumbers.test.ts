import assert from 'node:assert/strict';
import { textOf } from '../support/botHarness';
import { RoutingWorld, allText } from './routingWorld';

/** 15058550040 is a valid fødselsnummer (15 May 1985); 55058550034 a valid D-number. */
const REFUSED =
  /Teksten ser ut til å innehalde eit fødselsnummer eller D-nummer\. Helsefellesskapet arbeider med tenester/;

describe('routing: no national identity number in what the secretariat and the SSU leadership type', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('refuses a routing proposal whose justification holds one, in the person’s language, and stores nothing', async () => {
    const number = await world.submit();
    const historyBefore = await world.bot.app.services.cases.history(number);
    for (const written of ['fødd 15.05.85 50040', 'D-nr 55.05.85 50034', '15 05 85 500 40']) {
      const result = await world.act('secretariat', 'propose', {
        caseNumber: number,
        v: 1,
        proposeForum: 'fsu-rehabilitering',
        proposeComment: `Gjeld pasienten ${written}.`,
      });
      assert.match(result.text, /Ingenting er lagra enno/, written);
      assert.match(result.text, REFUSED, written);
      assert.ok(allText(result.card).includes(`Gjeld pasienten ${written}.`), 'what was typed is kept');
    }
    const record = await world.caseOf(number);
    assert.equal(record.state, 'submitted');
    assert.deepEqual(await world.bot.app.services.cases.history(number), historyBefore);
  });

  it('refuses an outcome whose minutes link holds one, and stores nothing', async () => {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Koordinering.',
    });
    await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 2 });
    const result = await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 3,
      decision: 'Teke inn i handlingsplanen.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: 'https://helse-mr.no/referat?pasient=150585-50040',
    });
    assert.match(result.text, /«Lenkje til referatet \(https:\/\/…\)»: Teksten ser ut til å innehalde/);
    const record = await world.caseOf(number);
    assert.equal(record.state, 'routed');
    assert.equal(record.routing?.outcome, undefined);
  });

  it('refuses a standard justification that holds one, in the person’s language, and keeps the list', async () => {
    const before = await world.routing.justifications.list();
    const say = async (text: string) => textOf(await world.users.secretariat.say(text));

    assert.match(await say('grunngjeving ny Som for fødd 15.05.85 50040.'), REFUSED);
    assert.match(await say('grunngjeving endre 1 Gjeld 150 585 500 40'), /Ingenting er lagra/);
    // The administrator writes English: the refusal comes in English.
    await world.bot.app.services.roles.grant({
      personId: world.users.admin.identity.aadObjectId,
      role: 'secretariat_member',
      scope: '*',
      grantedBy: 'test',
      grantedAt: new Date().toISOString(),
    });
    assert.match(
      textOf(await world.users.admin.say('reason new Patient 150585\u00a050040')),
      /The text seems to contain a national identity number or D-number\..*Nothing was saved\./s,
    );
    assert.deepEqual(await world.routing.justifications.list(), before);

    // A sentence of ordinary length, with a case reference and a phone number, is stored.
    assert.match(await say('grunngjeving ny Sjå sak 2026-001 og ring 916 21 147.'), /lagra/);
    assert.equal((await world.routing.justifications.list()).length, before.length + 1);
  });

  it('refuses a standard justification longer than 500 characters (it is shown on every case card)', async () => {
    const before = await world.routing.justifications.list();
    const long = textOf(await world.users.secretariat.say(`grunngjeving ny ${'x'.repeat(15_000)}`));
    assert.match(long, /Grunngjevinga er for lang: 15000 teikn, og grensa er 500\. Ingenting er lagra/);
    assert.deepEqual(await world.routing.justifications.list(), before);
    const longest = textOf(await world.users.secretariat.say(`grunngjeving ny ${'y'.repeat(500)}`));
    assert.match(longest, /Grunngjevinga er lagra/);
  });
});
