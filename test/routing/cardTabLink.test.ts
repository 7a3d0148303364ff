import assert from 'node:assert/strict';
import { tabDeepLink } from '../../bot/cards/tabDeepLink';
import { assertValidCard } from '../support/adaptiveCards';
import { RoutingWorld, executeData, lastCard } from './routingWorld';

const TEAMS_APP_ID = '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e';

/** Every OpenUrl action on a card: its title and target. */
function openLinks(card: unknown): { title: string; url: string }[] {
  const links: { title: string; url: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const action = node as { type?: string; title?: string; url?: string };
    if (action.type === 'Action.OpenUrl') links.push({ title: action.title ?? '', url: action.url ?? '' });
    Object.values(node).forEach(walk);
  };
  walk(card);
  return links;
}

const MINUTES = 'https://helse-mr.no/referat/fsu-rehabilitering-2026-12-01.pdf';

/** Routed to FSU rehabilitering with the SSU leader's approval: version 3. */
async function routed(world: RoutingWorld): Promise<string> {
  const number = await world.submit();
  await world.act('secretariat', 'propose', {
    caseNumber: number,
    v: 1,
    proposeForum: 'fsu-rehabilitering',
    proposeComment: 'Koordinering.',
  });
  await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
  return number;
}

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

describe('"Opne i fana" on every notice about a case (TEAMS_APP_ID set), through /api/messages', () => {
  let world: RoutingWorld;

  before(async () => {
    world = await RoutingWorld.start({ teamsAppId: TEAMS_APP_ID });
    await world.joinAll();
  });
  after(async () => {
    await world.stop();
  });

  /** The notice the step just posted to the person: valid, and its links. */
  const notice = (who: 'submitter' | 'secretariat') => {
    const card = lastCard(world.posted(who));
    assertValidCard(card, `notice to ${who}`);
    return openLinks(card);
  };

  it("opens the case in the tab from each notice to the submitter (in bokmål, theirs), and the secretariat's", async () => {
    // The submitter's Teams is in bokmål; the secretariat's in nynorsk.
    const inTab = (number: string, title = 'Åpne i fanen') => ({
      title,
      url: tabDeepLink(TEAMS_APP_ID, { kind: 'case', number }),
    });

    const first = await routed(world);
    assert.deepEqual(notice('submitter'), [inTab(first)], 'routed');
    await world.act('secretariat', 'forward', {
      caseNumber: first,
      v: 3,
      forwardForum: 'lsu-alesund',
      forwardComment: 'Lokalt.',
    });
    assert.deepEqual(notice('submitter'), [inTab(first)], 'forwarded');
    await world.act('secretariat', 'outcome', {
      caseNumber: first,
      v: 4,
      decision: 'Teke inn i handlingsplanen.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: MINUTES,
    });
    assert.deepEqual(
      notice('submitter'),
      [{ title: 'Åpne referatet', url: MINUTES }, inTab(first)],
      'decided: the minutes, then the tab',
    );

    const second = await world.submit();
    await world.act('secretariat', 'requestInfo', { caseNumber: second, v: 1, question: 'Kven er med?' });
    assert.deepEqual(notice('submitter'), [inTab(second)], 'info requested');
    const ask = lastCard(world.posted('submitter'));
    await world.act('submitter', 'replyInfo', { ...executeData(ask, 'replyInfo'), reply: 'Ålesund.' });
    assert.deepEqual(notice('secretariat'), [inTab(second, 'Opne i fana')], 'the reply, to the secretariat');
    await world.act('secretariat', 'return', { caseNumber: second, v: 3, justification: 'Lokalt.' });
    assert.deepEqual(notice('submitter'), [inTab(second)], 'returned');
  });
});

describe('notices without TEAMS_APP_ID: no tab button, as on the case card', () => {
  let world: RoutingWorld;

  before(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  after(async () => {
    await world.stop();
  });

  it('the routed notice to the submitter and the case card carry no link into the tab', async () => {
    const number = await routed(world);
    const routedNotice = lastCard(world.posted('submitter'));
    assertValidCard(routedNotice, 'routed notice');
    assert.deepEqual(openUrls(routedNotice), []);
    assert.deepEqual(openUrls(lastCard(world.posted('secretariat'))), []);
    assert.equal((await world.caseOf(number)).state, 'routed');
  });
});
