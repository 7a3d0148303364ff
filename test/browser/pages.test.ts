import assert from 'node:assert/strict';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { osloYear } from '../../bot/domain/time';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import type { Person } from '../../bot/domain/person';
import type { RunningBot } from '../support/botHarness';
import {
  TabBrowser,
  checkPrerequisites,
  describeViolations,
  grant,
  seriousViolations,
  startTabServer,
} from './support/tabBrowser';

const secretariat: Person = { id: '55555555-5555-4555-8555-555555555555', name: 'Siri Sekretariat' };
const runa: Person = { id: '66666666-6666-4666-8666-666666666666', name: 'Runa Bakke' };
const per: Person = { id: '77777777-7777-4777-8777-777777777777', name: 'Per Melder' };

describe('tab: overview, cases, statistics and configuration in Chromium', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;
  let runaNumber: string;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, secretariat, 'secretariat_leader', '*');
    const runaCase = await submitCase(bot.app.services.cases, {
      draftId: 'browser-1',
      answers: REFERENCE_STORED,
      submitter: runa,
      lang: 'nn',
      now: new Date(),
    });
    runaNumber = runaCase.number;
    await submitCase(bot.app.services.cases, {
      draftId: 'browser-2',
      answers: { ...REFERENCE_STORED, title: 'Pers <script>alert(1)</script> sak' },
      submitter: per,
      lang: 'nn',
      now: new Date(),
    });
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('overview: all 13 committees with their counts; filters by text, priority group and status', async () => {
    const page = await browser.open(bot, '/overview', per);
    await page.getByRole('heading', { level: 1, name: 'Handlingsplanane til utvala' }).waitFor();
    const cards = page.locator('.committee-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 13);
    const rehab = page.locator('[data-committee="fsu-rehabilitering"]');
    assert.match(await rehab.innerText(), /Ikkje vurdert\s*19/);
    // Seed 001's working group follows its committee, marked as its working group, not as a 13th FSU.
    const cardIds = await Promise.all((await cards.all()).map((c) => c.getAttribute('data-committee')));
    assert.equal(
      cardIds.indexOf('fsu-rehabilitering-koordinering'),
      cardIds.indexOf('fsu-rehabilitering') + 1,
    );
    const group = page.locator('[data-committee="fsu-rehabilitering-koordinering"]');
    assert.match(await group.innerText(), /Arbeidsgruppe under Fagleg samarbeidsutval for Rehabilitering/);

    await page.getByLabel('Søk').fill('voksenhab');
    assert.equal(await cards.count(), 1);
    await page.getByLabel('Søk').fill('Eirin Liadal'); // the leader
    assert.equal(await cards.count(), 1);
    await page.getByLabel('Søk').fill('');
    await page.getByLabel('Prioritert pasientgruppe').selectOption('children_youth');
    const withChildren = await cards.count();
    assert.ok(withChildren > 0 && withChildren < 13, `children_youth filter left ${withChildren}`);
    await page.getByLabel('Prioritert pasientgruppe').selectOption('');
    // The overview opens on 2023, the seed's latest year with statuses; 2025 has none done.
    assert.equal(await page.getByTestId('year').inputValue(), '2023');
    await page.getByTestId('year').selectOption('2025');
    await page.getByLabel('Har tiltak med status').selectOption('done');
    assert.equal(await cards.count(), 0);
    await page.getByText('Ingen utval passar filteret.').waitFor();
    await page.getByLabel('Har tiltak med status').selectOption('');

    // Opening a committee leads to its board.
    await page
      .getByRole('link', { name: /Opne handlingsplanen for Rehabilitering/ })
      .first()
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Fagleg samarbeidsutval for Rehabilitering' })
      .waitFor();
    assert.match(page.url(), /#\/board\/fsu-rehabilitering$/);
    await page.close();
  });

  it('local identity mode: without an identity the banner offers the people; the choice is remembered', async () => {
    const page = await browser.open(bot, '/cases', undefined);
    const banner = page.getByTestId('local-identity-banner');
    await banner.getByText('Lokal identitetsmodus – berre for utvikling').waitFor();
    await page.getByText('Vel kven du vil opptre som for å halde fram.').waitFor();
    await banner.getByLabel('Du opptrer som').selectOption(secretariat.id);
    await page.getByRole('heading', { level: 1, name: 'Alle saker' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Alle saker' }).waitFor();
    assert.equal(await banner.getByLabel('Du opptrer som').inputValue(), secretariat.id);
    await page.evaluate('localStorage.clear()');
    await page.close();
  });

  it('framed by a page that is not Teams, tries Teams briefly and falls back to local mode', async () => {
    const page = await browser.context.newPage();
    const src = `${bot.url}/tab/index.html?as=${per.id}&lang=nn#/overview`;
    await page.setContent(`<iframe title="tab" src="${src}" style="width:1000px;height:800px"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1, name: 'Handlingsplanane til utvala' }).waitFor();
    await frame.getByText('Lokal identitetsmodus – berre for utvikling').waitFor();
    await page.close();
  });

  it('overview has no serious or critical accessibility violations (light, dark, high contrast)', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await browser.open(bot, '/overview', per, { theme });
      await page.locator('.committee-card').first().waitFor();
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${theme} theme:\n${describeViolations(violations)}`);
      await page.close();
    }
  });

  it('follows the language: bokmål and English labels, the same data', async () => {
    const nb = await browser.open(bot, '/overview', per, { lang: 'nb' });
    await nb.getByRole('heading', { level: 1, name: 'Handlingsplanene til utvalgene' }).waitFor();
    await nb.getByText('Lokal identitetsmodus – bare for utvikling').waitFor();
    await nb.close();
    const en = await browser.open(bot, `/board/fsu-rehabilitering/rediger`, per, { lang: 'en' });
    await en.getByText('Not assessed').first().waitFor();
    await en.getByRole('button', { name: 'Show history' }).first().waitFor();
    await en.close();
  });

  it('cases: the secretariat sees every case and opens one with its answers and history', async () => {
    const page = await browser.open(bot, '/cases', secretariat);
    await page.getByRole('heading', { level: 1, name: 'Alle saker' }).waitFor();
    const rows = page.locator('tr[data-case]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    // A title with markup is shown as text.
    await page.getByText('Pers <script>alert(1)</script> sak').waitFor();
    await page.getByRole('button', { name: 'Last ned sakslista som CSV' }).waitFor();

    await page.getByLabel('Søk').fill(runaNumber);
    assert.equal(await rows.count(), 1);
    await page.getByRole('link', { name: runaNumber }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Sak ${runaNumber}`) }).waitFor();
    // Labels come from the form definition; choices show their labels; paragraphs keep their breaks.
    const background = page.locator('[data-field="background"] dd');
    assert.match(await background.innerText(), /evaluert\.[\s\S]*\n\nUtvalget mener/);
    assert.match(await page.locator('[data-field="urgency"]').innerText(), /Hastegrad\s*Middels/);
    assert.match(
      await page.locator('[data-field="agreementParts"] dd').innerText(),
      /Hovudavtale\nDelavtale 1/,
    );
    assert.match(await page.locator('ol.history').innerText(), /Motteken/);
    await page.close();
  });

  it('cases: a submitter sees only the cases they submitted, without the export', async () => {
    const page = await browser.open(bot, '/cases', per);
    await page.getByRole('heading', { level: 1, name: 'Saker du har meldt inn' }).waitFor();
    const rows = page.locator('tr[data-case]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Last ned sakslista som CSV' }).count(), 0);
    await page.close();
  });

  it('statistics: case figures and committee statuses, as chart and as table', async () => {
    const page = await browser.open(bot, '/stats', secretariat);
    await page.getByRole('heading', { level: 1, name: 'Statistikk til årsmeldinga' }).waitFor();
    await page.getByText('Saker per år, totalt').waitFor();
    await page.getByRole('tab', { name: 'Tabell' }).click();
    const table = page.locator('table', { hasText: 'Rehabilitering' }).first();
    await table.waitFor();
    assert.match(await table.innerText(), /Rehabilitering\s+0\s+0\s+0\s+19\s+19/);
    await page.close();

    // Someone who may not see all cases gets the committee figures only.
    const other = await browser.open(bot, '/stats', per);
    await other.getByText('Status for tiltaka per utval', { exact: false }).waitFor();
    assert.equal(await other.getByText('Saker per år, totalt').count(), 0);
    await other.close();
  });

  it('configuration page: picking a committee offers its board (outside Teams, as a link)', async () => {
    const page = await browser.open(bot, '/config', per);
    await page.getByRole('heading', { level: 1, name: 'Vel utvalet for denne fana' }).waitFor();
    await page.getByLabel('Utval', { exact: true }).selectOption('fsu-rehabilitering');
    await page
      .getByText('Fana vil vise handlingsplanen til Fagleg samarbeidsutval for Rehabilitering.')
      .waitFor();
    const link = page.getByRole('link', { name: 'Opne handlingsplanen' });
    assert.equal(await link.getAttribute('href'), '#/board/fsu-rehabilitering');
    await page.close();
  });

  it('cases: the secretariat pages through more cases than one page, and filters by year on the server', async () => {
    // 60 older cases, stored in bulk (last, so the tests above see two cases).
    const older = Array.from({ length: 60 }, (_, i) => (seq: number) => {
      const number = `2024-${String(seq).padStart(3, '0')}`;
      const at = '2024-05-02T08:00:00.000Z';
      return {
        record: {
          number,
          year: 2024,
          seq,
          title: `Eldre sak ${i + 1}`,
          state: 'submitted' as const,
          answers: { ...REFERENCE_STORED, title: `Eldre sak ${i + 1}` },
          submitter: { ...per, lang: 'nn' as const },
          submittedAt: at,
          updatedAt: at,
          historyCount: 1,
        },
        history: [{ caseNumber: number, seq: 1, at, by: per, from: null, to: 'submitted' as const }],
      };
    });
    await new TableCaseRepository(bot.app.storage.table('cases')).importCases(2024, older);

    const page = await browser.open(bot, '/cases', secretariat);
    const rows = page.locator('tr[data-case]');
    await page.getByText('Viser 50 saker').waitFor();
    assert.equal(await rows.count(), 50);
    assert.match(
      (await rows.first().getAttribute('data-case')) ?? '',
      new RegExp(`^${osloYear(new Date())}-`),
    );
    await page.getByRole('button', { name: 'Vis fleire' }).click();
    await page.getByText('Viser 62 saker').waitFor();
    assert.equal(await rows.count(), 62);
    assert.equal(await page.getByRole('button', { name: 'Vis fleire' }).count(), 0, 'the last page');
    assert.equal(await rows.last().getAttribute('data-case'), '2024-001');
    const numbers = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-case')));
    assert.equal(new Set(numbers).size, 62, 'each case once');

    await page.getByLabel('År', { exact: true }).selectOption(String(osloYear(new Date())));
    await page.getByText('Viser 2 saker').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Vis fleire' }).count(), 0);
    await page.close();
  });

  it('print view: the plan as tables, with print styles hiding the controls', async () => {
    const page = await browser.open(bot, '/print/fsu-rehabilitering', per);
    await page.locator('.print-table').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.match(await page.locator('.print-table').first().innerText(), /Lage felles retningsliner/);
    await page.close();
  });
});
