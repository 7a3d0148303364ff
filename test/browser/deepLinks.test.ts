import assert from 'node:assert/strict';
import { tabDeepLink } from '../../bot/cards/tabDeepLink';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { Person } from '../../bot/domain/person';
import type { CommitteeSummary } from '../../bot/http/api/apiTypes';
import { TestIssuer, call } from '../api/apiSupport';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { TabBrowser, checkPrerequisites } from './support/tabBrowser';
import { openInFakeTeams, type FakeTeams } from './support/teamsHost';

const runa: Person = { id: '66666666-6666-4666-8666-666666666666', name: 'Runa Bakke' };
const REHAB = 'fsu-rehabilitering';
const APP_ID = '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e';

/** The sub-entity id a case card's "Opne i fana" carries, read back out of the link itself. */
function subEntityIdOf(link: string): string {
  const context = new URL(link).searchParams.get('context')!;
  return (JSON.parse(context) as { subEntityId: string }).subEntityId;
}

function errorsOf(teams: FakeTeams): string[] {
  return (teams.page as typeof teams.page & { errors: string[] }).errors;
}

describe('tab in (a stand-in for) Teams: deep links, the channel tab, stable URLs, in Chromium', function () {
  this.timeout(90_000);
  let issuer: TestIssuer;
  let bot: RunningBot;
  let browser: TabBrowser;
  let record: CaseRecord;
  let token: string;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    issuer = await TestIssuer.start();
    bot = await RunningBot.start(testConfig({ sso: issuer.ssoConfig(), localIdentity: true }));
    record = await submitCase(bot.app.services.cases, {
      draftId: 'deeplink-1',
      answers: REFERENCE_STORED,
      submitter: runa,
      lang: 'nn',
      now: new Date('2026-11-28T14:54:00Z'),
    });
    token = await issuer.token(runa.id, runa.name);
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    await issuer?.stop();
  });

  it('a case card\'s deep link opens "Mine saker" on that case, signed in with Teams SSO, and a reload keeps it', async () => {
    const link = tabDeepLink(APP_ID, { kind: 'case', number: record.number });
    // Teams opens the static tab of the link's entity id at its manifest contentUrl, with the
    // link's sub-entity id in the context.
    const teams = await openInFakeTeams(
      browser,
      bot,
      '/tab/index.html#/cases',
      { entityId: new URL(link).pathname.split('/').at(-1)!, subEntityId: subEntityIdOf(link) },
      token,
    );
    const heading = teams.tab().locator('h1#case-title');
    await heading.waitFor();
    assert.match(await heading.innerText(), new RegExp(`${record.number}: ${record.title}`));
    assert.equal(new URL(teams.tab().url()).hash, `#/cases/${record.number}`);
    const calls = await teams.calls();
    assert.ok(calls.includes('getContext') && calls.includes('authentication.getAuthToken'), calls.join());

    await teams.tab().evaluate('window.location.reload()');
    await teams.tab().locator('h1#case-title').waitFor();
    assert.equal(new URL(teams.tab().url()).hash, `#/cases/${record.number}`);
    assert.deepEqual(errorsOf(teams), []);
    await teams.page.close();
  });

  for (const [why, subEntityId] of [
    ['an unknown kind', 'sak:2026-001'],
    ['a case number in another spelling', 'case:2026-1'],
    ['broken encoding', 'measure:fsu-ikt:%E0%A4%A'],
  ] as const) {
    it(`a deep link with ${why} opens the overview, with no error`, async () => {
      const teams = await openInFakeTeams(
        browser,
        bot,
        '/tab/index.html#/cases',
        { entityId: 'myCases', subEntityId },
        token,
      );
      await teams.tab().locator('h1#overview-title').waitFor();
      assert.equal(new URL(teams.tab().url()).hash, '#/overview');
      assert.equal(await teams.tab().getByRole('alert').count(), 0);
      assert.deepEqual(errorsOf(teams), []);
      await teams.page.close();
    });
  }

  it("the channel tab's configuration page saves the committee's board with Teams; the tab opens on it", async () => {
    const committees = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', { token });
    const rehab = committees.body.find((c) => c.id === REHAB)!;
    const teams = await openInFakeTeams(
      browser,
      bot,
      '/tab/index.html#/config',
      { frameContext: 'settings' },
      token,
    );
    await teams.tab().getByTestId('config-committee').selectOption(REHAB);
    await teams.tab().getByRole('status').waitFor();
    assert.deepEqual((await teams.argsOf('settings.setValidityState')).at(-1), [true]);

    await teams.save();
    await teams.page.waitForFunction('window.teamsCalls.some((c) => c.func === "settings.save.success")');
    const boardUrl = `${bot.url}/tab/index.html#/board/${REHAB}`;
    assert.deepEqual(await teams.argsOf('settings.setSettings'), [
      [
        {
          entityId: `board:${REHAB}`,
          contentUrl: boardUrl,
          websiteUrl: boardUrl,
          suggestedDisplayName: `Handlingsplan ${rehab.shortName ?? rehab.name}`,
        },
      ],
    ]);
    assert.deepEqual(errorsOf(teams), []);
    await teams.page.close();

    // Teams then opens the channel tab at the saved URL with the saved entity id: straight on the board.
    const channel = await openInFakeTeams(
      browser,
      bot,
      new URL(boardUrl).pathname + new URL(boardUrl).hash,
      { entityId: `board:${REHAB}` },
      token,
    );
    await channel.tab().locator('h1#board-title').waitFor();
    assert.equal(new URL(channel.tab().url()).hash, `#/board/${REHAB}`);
    assert.deepEqual(errorsOf(channel), []);
    await channel.page.close();
  });

  it('outside Teams the hash routes are the stable URLs: a reload keeps the page', async () => {
    for (const [route, heading] of [
      [`/cases/${record.number}`, 'h1#case-title'],
      [`/board/${REHAB}`, 'h1#board-title'],
      ['/cases', 'h1'],
    ] as const) {
      const page = await browser.open(bot, route, runa);
      await page.locator(heading).first().waitFor();
      const before = page.url();
      await page.reload();
      await page.locator(heading).first().waitFor();
      assert.equal(page.url(), before, route);
      await page.close();
    }
  });
});
