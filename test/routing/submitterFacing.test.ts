import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { TestUser, textOf } from '../support/botHarness';
import { assertValidCard } from '../support/adaptiveCards';
import { IDS, RoutingWorld, allText, lastCard } from './routingWorld';

/** The TextBlock and TextRun texts of a card, each as a separate entry. */
function blocks(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out.map((t) => t.split('\u2060').join(''));
}

const cardText = (card: Record<string, unknown>) =>
  textOf([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);

describe('what the submitter and the secretariat read about a case (/api/messages)', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    // Teams knows the submitter by another display name than the one typed in the form.
    const runa = world.users.submitter;
    world.users.submitter = new TestUser(world.channel, world.bot, { ...runa.identity, name: 'Alex Wilber' });
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  it("names the submitter by the form's name with the Teams identity beside it, says a decided case is decided, and tells the submitter both justifications", async () => {
    const number = await world.submit();
    let card = lastCard(world.posted('secretariat'));
    assert.match(cardText(card), /Runa Bakke \(i Teams: Alex Wilber\)/);
    assert.match(allText(card), /\d\d\.\d\d\.\d{4} Runa Bakke \(i Teams: Alex Wilber\): /);

    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Saka gjeld koordinering, som FSU rehabilitering arbeider med.',
    });
    await world.act('ssuDeputy', 'approve', {
      caseNumber: number,
      v: 2,
      approveComment: 'Einig, og det hastar.',
    });
    const routed = world.posted('submitter').find((a) => /skal behandles i/.test(textOf([a])))!;
    const told = blocks(lastCard([routed]));
    assert.ok(told.includes('Begrunnelse fra sekretariatet:'), told.join(' | '));
    assert.ok(told.includes('Saka gjeld koordinering, som FSU rehabilitering arbeider med.'));
    assert.ok(told.includes('Kommentar fra SSU-ledelsen:'));
    assert.ok(told.includes('Einig, og det hastar.'));

    await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 3,
      decision: 'Teke inn i handlingsplanen.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: 'https://helse-mr.no/referat.pdf',
    });
    const refreshed = await world.users.secretariat.execute('refresh', { caseNumber: number });
    card = refreshed.body.value ?? {};
    assertValidCard(card, 'decided case, secretariat');
    assert.match(cardText(card), /Saka er avgjord 01\.12\.2026/);
    assert.doesNotMatch(cardText(card), /ikkje ta avgjerder/);
  });

  it('shows the withdrawal reason on the card', async () => {
    const number = await world.submit();
    await world.act('submitter', 'withdraw', {
      caseNumber: number,
      v: 1,
      withdrawComment: 'Vi løyser det *lokalt*.',
    });
    const refreshed = await world.users.secretariat.execute('refresh', { caseNumber: number });
    const card = refreshed.body.value ?? {};
    assertValidCard(card, 'withdrawn case');
    const texts = blocks(card);
    assert.ok(texts.includes('Grunngjeving frå melder:'), texts.join(' | '));
    assert.ok(texts.includes('Vi løyser det *lokalt*.'), 'verbatim');
  });

  it('"roller" and "grunngjeving" answer with one block per line', async () => {
    let replies: Partial<Activity>[] = await world.users.admin.say('roller');
    let texts = blocks(lastCard(replies));
    assert.ok(texts.includes('Roles'), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes(IDS.secretariat)));
    assert.ok(
      texts.every((t) => !t.includes('\n')),
      'no line breaks for Teams to collapse',
    );

    await world.users.secretariat.say('grunngjeving ny Saka høyrer heime i kommunen.');
    replies = await world.users.secretariat.say('grunngjeving');
    texts = blocks(lastCard(replies));
    assert.ok(
      texts.some((t) => /^\d+\. Saka høyrer heime i kommunen\.$/.test(t)),
      texts.join(' | '),
    );
    assert.ok(texts.every((t) => !t.includes('\n')));
  });
});
