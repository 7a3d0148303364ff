import assert from 'node:assert/strict';
import { cardBytes } from '../../bot/cards/cardTemplates';
import { DEFAULT_JUSTIFICATIONS } from '../../bot/domain/routing/justifications';
import { assertValidCard } from '../support/adaptiveCards';
import { IDS, RoutingWorld, lastCard, verbsOf } from './routingWorld';

interface Node {
  type?: string;
  id?: string;
  value?: unknown;
  [key: string]: unknown;
}

/** Every element of a card (including inside Action.ShowCard), refresh left out. */
function nodesOf(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      found.push(node as Node);
      for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return found;
}

function input(card: unknown, type: string, id: string): Node | undefined {
  return nodesOf(card).find((n) => n.type === type && n.id === id);
}

const J1 = DEFAULT_JUSTIFICATIONS[0]!.text;

describe('routing: a standard justification is picked, then edited on the card', () => {
  let world: RoutingWorld | undefined;

  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  it('puts the picked justification into the return form for editing; the edited text is what is stored', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    const sent = lastCard(world.posted('secretariat'));
    assert.ok(verbsOf(sent).includes('useJustification'), 'the button is on the secretariat card');
    const before = await world.caseOf(number);

    // The secretariat (nn) picks standard justification 1 and presses "use and edit".
    const picked = await world.act('secretariat', 'useJustification', {
      caseNumber: number,
      v: 1,
      form: 'return',
      returnStandard: 'j1',
      justification: '',
    });
    const box = input(picked.card, 'Input.Text', 'justification');
    assert.equal(box?.value, J1.nn, 'prefilled with the nynorsk text, in the text box');
    assert.equal(input(picked.card, 'Input.ChoiceSet', 'returnStandard')?.value, 'j1', 'still picked');
    assert.ok(verbsOf(picked.card).includes('return'), 'the form can be sent from this card');
    assert.equal(
      nodesOf(picked.card).filter((n) => n.id === 'justification').length,
      1,
      'one text box: the form is shown open instead of behind its button',
    );
    assertValidCard(picked.card, 'card with the return form open');
    assert.ok(cardBytes(picked.card) < 28_000);
    assert.doesNotMatch(JSON.stringify(picked.card), /"\$\{/, 'no unbound template expression');
    const unchanged = await world.caseOf(number);
    assert.equal(unchanged.etag, before.etag, 'pressing the button writes nothing');
    assert.equal(unchanged.state, 'submitted');

    // They edit the text and return the case from that card.
    const edited = `${J1.nn} Ta kontakt med LSU Ålesund, sjå {{DATE(2026-01-01T00:00:00Z)}}.`;
    const result = await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      returnStandard: 'j1',
      justification: edited,
    });
    assert.match(result.text, /Lagra\./);
    const after = await world.caseOf(number);
    assert.equal(after.state, 'returned');
    const history = await world.bot.app.services.cases.history(number);
    assert.equal(history.at(-1)?.event, 'returned');
    assert.equal(history.at(-1)?.comment, edited, 'the edited text, exactly as typed');
  });

  it('prefills the propose form too, keeping the forum chosen', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    const picked = await world.act('secretariat', 'useJustification', {
      caseNumber: number,
      v: 1,
      form: 'propose',
      proposeForum: 'lsu-alesund',
      proposeStandard: 'j1',
    });
    assert.equal(input(picked.card, 'Input.Text', 'proposeComment')?.value, J1.nn);
    assert.equal(input(picked.card, 'Input.ChoiceSet', 'proposeForum')?.value, 'lsu-alesund');
    assertValidCard(picked.card, 'card with the propose form open');
  });

  it('refuses the button to anyone but the secretariat; an outsider learns nothing of the case', async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
    const number = await world.submit();
    const before = await world.caseOf(number);

    const hidden = await world.act('outsider', 'useJustification', {
      caseNumber: number,
      v: 1,
      form: 'return',
      returnStandard: 'j1',
    });
    assert.equal(hidden.text, 'Du har ikkje tilgang til denne saka.');

    // The SSU leader may see the case, not return it: the usual refusal and a read-only view.
    const result = await world.act('ssuLeader', 'useJustification', {
      caseNumber: number,
      v: 1,
      form: 'return',
      returnStandard: 'j1',
    });
    assert.match(result.text, /Du har ikkje rolla som skal til for dette steget/);
    assert.deepEqual(verbsOf(result.card), ['refresh'], 'read-only view');
    assert.ok(!result.text.includes(J1.nn), 'no justification shown');
    assert.equal(input(result.card, 'Input.Text', 'justification'), undefined);

    const after = await world.caseOf(number);
    assert.equal(after.etag, before.etag, 'not written at all');
    assert.equal((await world.bot.app.services.cases.history(number)).length, 1);
    const denied = await world.bot.app.services.roles.deniedAttempts();
    assert.ok(denied.some((d) => d.personId === IDS.outsider && d.action === 'case.view'));
    assert.ok(denied.some((d) => d.personId === IDS.ssuLeader && d.action === 'case.return'));
  });
});
