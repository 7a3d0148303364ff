import assert from 'node:assert/strict';
import type { Person } from '../../bot/domain/person';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { osloYear } from '../../bot/domain/time';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import type { RunningBot } from '../support/botHarness';
import {
  TabBrowser,
  checkPrerequisites,
  describeViolations,
  grant,
  seriousViolations,
  startTabServer,
} from './support/tabBrowser';

const REHAB = 'fsu-rehabilitering';
const TITLE = 'Koordinator for rehabilitering';
const secretariat: Person = { id: 'a5111111-1111-4111-8111-111111111111', name: 'Siri Sekretariat' };
const ssuLeader: Person = { id: 'a5222222-2222-4222-8222-222222222222', name: 'Sverre SSU' };
/** Holds the role but has never opened the chat with the bot: the routed case reaches nobody. */
const rehabLeader: Person = { id: 'a5333333-3333-4333-8333-333333333333', name: 'Rut Rehab' };
const LATER_YEAR = 2035;

describe("tab: the SSU's annual report and the undelivered mark in Chromium", function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;
  let number: string;
  const year = String(osloYear(new Date()));

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, secretariat, 'secretariat_leader', '*');
    await grant(bot, ssuLeader, 'ssu_leader', '*');
    await grant(bot, rehabLeader, 'committee_leader', REHAB);
    const record = await submitCase(bot.app.services.cases, {
      draftId: 'annual-report-1',
      answers: { ...REFERENCE_STORED, title: TITLE, priorityGroups: ['frail_elderly'] },
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date(),
    });
    number = record.number;
    // A case of a year no plan covers: the committee still counts it, in that year.
    const later = await submitCase(bot.app.services.cases, {
      draftId: 'annual-report-2',
      answers: { ...REFERENCE_STORED, title: 'Sak etter planperioden' },
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date(`${LATER_YEAR}-02-01T10:00:00Z`),
    });
    const service = bot.app.services.routing.caseService;
    const steps = [
      { actor: secretariat, verb: 'propose', input: { forum: REHAB, comment: 'Rehabilitering' } },
      { actor: ssuLeader, verb: 'approve', input: {} },
    ] as const;
    for (const caseNumber of [number, later.number]) {
      for (const [i, step] of steps.entries()) {
        const outcome = await service.decide({ caseNumber, cardVersion: i + 1, ...step });
        assert.equal(outcome.kind, 'applied', step.verb);
      }
    }
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('the secretariat opens it from the statistics: measures and cases per priority group, in print too', async () => {
    const page = await browser.open(bot, '/stats', secretariat);
    await page.getByRole('link', { name: /Tal til årsmeldinga for SSU/ }).click();
    await page.getByRole('heading', { level: 1, name: `Tal til årsmeldinga ${year}` }).waitFor();
    assert.match(page.url(), /#\/annual-report$/);

    const measures = page.getByRole('table', { name: `Tiltak etter status ${year}` });
    const rows = await measures.locator('tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split('\t')[0]),
      [
        'Barn og unge',
        'Personar med alvorlege psykiske lidingar og rusavhengigheit',
        'Skrøpelege eldre',
        'Personar med fleire kroniske lidingar',
        'Utan prioritert pasientgruppe',
        'Alle (kvar éin gong)',
      ],
    );
    const cases = page.getByRole('table', { name: `Saker etter status ${year}` });
    const frail = await cases.locator('tr[data-row="frail_elderly"]').innerText();
    // Motteken, Under vurdering, Fordelt til utval, Avgjort, Returnert, Trekt tilbake, Totalt.
    assert.deepEqual(frail.split('\t').slice(1), ['0', '0', '1', '0', '0', '0', '1']);
    const byForum = page.getByRole('table', { name: 'Saker etter forum og status: Skrøpelege eldre' });
    assert.match(await byForum.innerText(), /Fagleg samarbeidsutval for Rehabilitering\s+0\s+0\s+1\s+0\s+0\s+0\s+1/);

    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.equal(await measures.isVisible(), true);
    assert.deepEqual((page as { errors?: string[] }).errors ?? [], []);
    await page.close();
  });

  it("the statistics offer the year of a committee's case after its plan period, with the case counted", async () => {
    const page = await browser.open(bot, '/stats', rehabLeader);
    await page.getByRole('tab', { name: 'Tabell' }).click();
    await page.getByLabel('År', { exact: true }).selectOption(String(LATER_YEAR));
    const row = page.getByRole('row', { name: /^Rehabilitering/ });
    assert.match(await row.innerText(), /–\s+1$/);
    await page.close();
  });

  it('someone who may not see every case gets no link, and the page says they may not', async () => {
    const page = await browser.open(bot, '/stats', rehabLeader);
    await page.getByRole('heading', { level: 1, name: 'Statistikk til årsmeldinga' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('link', { name: /Tal til årsmeldinga/ }).count(), 0);
    await page.goto(page.url().replace('#/stats', '#/annual-report'));
    await page.getByText('Du har ikkje løyve til dette.').waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    await page.close();
  });

  it('a case routed to a forum whose leader never installed the app shows "Ikkje levert til nokon" and what to do', async () => {
    const page = await browser.open(bot, `/board/${REHAB}`, rehabLeader);
    const row = page.getByRole('region', { name: 'Saker' }).locator(`tr[data-case="${number}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Fordelt til utval\s+Ikkje levert til nokon/);
    await page
      .getByText(/installerer appen for dei/)
      .first()
      .waitFor();
    await row.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Sak ${number}`) }).waitFor();
    await page.getByText('Ikkje levert til nokon').first().waitFor();
    await page.getByText(/installasjonsrettleiinga, steg 9/).waitFor();
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.close();
  });
});
