import assert from 'node:assert/strict';
import { tabDeepLink } from '../../bot/cards/tabDeepLink';
import { assertValidCard } from '../support/adaptiveCards';
import { RoutingWorld, lastCard } from './routingWorld';

const TEAMS_APP_ID = '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e';

/** Every OpenUrl target on a card. */
function openUrls(card: unknown): string[] {
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const action = node as { type?: string; url?: string };
    if (action.type === 'Action.OpenUrl' && action.url) urls.push(action.url);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return urls;
}

describe('"Opne i fana" on the case cards the bot sends (TEAMS_APP_ID set), through /api/messages', () => {
  let world: RoutingWorld;

  before(async () => {
    world = await RoutingWorld.start({ teamsAppId: TEAMS_APP_ID });
    await world.joinAll();
  });
  after(async () => {
    await world.stop();
  });

  it("the secretariat's card, and the SSU leader's after the proposal, open the case in the tab", async () => {
    const number = await world.submit();
    const link = tabDeepLink(TEAMS_APP_ID, { kind: 'case', number });

    const secretariatCard = lastCard(world.posted('secretariat'));
    assertValidCard(secretariatCard, 'secretariat case card');
    assert.deepEqual(openUrls(secretariatCard), [link]);

    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Saka gjeld koordinering og individuell plan.',
    });
    const ssuCard = lastCard(world.posted('ssuLeader'));
    assert.deepEqual(openUrls(ssuCard), [link]);
  });
});
