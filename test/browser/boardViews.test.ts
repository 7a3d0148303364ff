import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
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

const FSU = 'fsu-svangerskap-fodsel-barsel';
const NAME = 'Fagleg samarbeidsutval for Svangerskaps-, fødsels- og barselomsorg';
const SEED = DEFAULT_PLANS.committees.find((c) => c.id === FSU)!;
const MOVED = `${FSU}.g2.s1.m3`;
const MOVED_TEXT = SEED.plan.mainGoals[1]!.subGoals[0]!.measures[2]!.text;
const YEARS = ['2022', '2023', '2024', '2025', '2026'];

/** `UPDATE_SCREENSHOTS=1` writes the pictures the README shows; otherwise they are only taken. */
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
const writeScreenshots = process.env.UPDATE_SCREENSHOTS === '1';

const member: Person = { id: '44444444-4444-4444-8444-444444444444', name: 'Mia Medlem' };
const leader: Person = { id: '55555555-5555-4555-8555-555555555555', name: 'Live Leiar' };
const reader: Person = { id: '66666666-6666-4666-8666-666666666666', name: 'Roar Lesar' };

function card(page: Page, id: string) {
  return page.locator(`.tavle-card[data-measure="${id}"]`);
}

function column(page: Page, status: string) {
  return page.locator(`.tavle-column[data-status="${status}"]`);
}

async function tavleReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await page.locator('.tavle-card').first().waitFor();
}

async function focusedMeasure(page: Page): Promise<string | null> {
  return page.evaluate(
    'document.activeElement?.closest("[data-measure]")?.getAttribute("data-measure") ?? null',
  );
}

/** Sets a status through the API, as the committee's member. */
async function setStatus(bot: RunningBot, measureId: string, year: number, status: string): Promise<void> {
  const headers = { 'X-Local-Identity': member.id, 'Content-Type': 'application/json' };
  const plan = (await (await fetch(`${bot.url}/api/committees/${FSU}/plan`, { headers })).json()) as {
    plan: { mainGoals: { subGoals: { measures: { id: string; etag: string }[] }[] }[] };
  };
  const etag = plan.plan.mainGoals
    .flatMap((g) => g.subGoals)
    .flatMap((s) => s.measures)
    .find((m) => m.id === measureId)!.etag;
  const put = await fetch(`${bot.url}/api/committees/${FSU}/measures/${measureId}/status`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ year, status, etag }),
  });
  assert.equal(put.status, 200);
}

describe('tab: the committee’s Tavle, Plan and Rediger views in Chromium', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, member, 'committee_member', FSU);
    await grant(bot, leader, 'committee_leader', FSU);
    // Every column has cards in 2025, as on a board in use.
    await setStatus(bot, `${FSU}.g1.s1.m1`, 2025, 'done');
    await setStatus(bot, `${FSU}.g4.s1.m1`, 2025, 'in_progress');
    await setStatus(bot, `${FSU}.g4.s1.m2`, 2025, 'in_progress');
    await setStatus(bot, `${FSU}.g5.s1.m1`, 2025, 'not_started');
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('moves a measure to another column with the keyboard only, with a comment, announced and in the history', async () => {
    const page = await browser.open(bot, `/board/${FSU}?year=2025`, member);
    await tavleReady(page);
    assert.equal(await card(page, MOVED).count(), 1);
    assert.equal(await column(page, 'not_assessed').locator(`[data-measure="${MOVED}"]`).count(), 1);

    // Keyboard: the card's "Flytt" menu, the last column, a comment, save.
    await card(page, MOVED)
      .getByRole('button', { name: /^Flytt/ })
      .focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    assert.deepEqual(await menu.getByRole('menuitem').allInnerTexts(), [
      'Flytt til Ikkje gjennomført',
      'Flytt til Under planlegging / under arbeid',
      'Flytt til Gjennomført',
    ]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Endre status for 2025' }).waitFor();
    assert.equal(await dialog.getByLabel('Ny status').inputValue(), 'done');
    await dialog.getByLabel('Ny status').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kurset er halde i alle kommunane.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // Announced to screen readers (a live region), moved, and focus stays on the moved card.
    const announcement = page.getByRole('status').filter({ hasText: 'flytta til' });
    await announcement.waitFor();
    assert.equal((await announcement.innerText()).trim(), `«${MOVED_TEXT}» flytta til Gjennomført for 2025`);
    assert.equal(await page.getByTestId('tavle-announcement').getAttribute('aria-live'), 'polite');
    await column(page, 'done').locator(`[data-measure="${MOVED}"]`).waitFor();
    assert.equal(await column(page, 'not_assessed').locator(`[data-measure="${MOVED}"]`).count(), 0);
    await page.waitForFunction(
      `document.activeElement?.getAttribute('data-measure') === ${JSON.stringify(MOVED)}`,
    );

    // Details with the history, opened from the keyboard.
    await page.keyboard.press('Tab'); // the card's "Flytt"
    await page.keyboard.press('Tab'); // "Vis detaljar"
    await page.keyboard.press('Enter');
    const history = card(page, MOVED).getByTestId('measure-history');
    await history.waitFor();
    const text = await history.innerText();
    assert.match(text, /Status endra 2025: Ikkje vurdert → Gjennomført/);
    assert.match(text, /Mia Medlem/);
    assert.match(text, /Kurset er halde i alle kommunane\./);

    // It was stored: after a reload the card is still in its new column.
    await page.reload();
    await tavleReady(page);
    await column(page, 'done').locator(`[data-measure="${MOVED}"]`).waitFor();
    await page.close();
  });

  it('moves a focused card to the next or previous column with Alt+Shift+arrow keys, announced, in the history', async () => {
    const id = `${FSU}.g2.s1.m2`;
    const text = SEED.plan.mainGoals[1]!.subGoals[0]!.measures[1]!.text;
    const page = await browser.open(bot, `/board/${FSU}?year=2023`, member);
    await tavleReady(page);

    // The card is a tab stop, and its description names the keys.
    await card(page, id).focus();
    assert.equal(await card(page, id).getAttribute('tabindex'), '0');
    assert.equal(
      await card(page, id).getAttribute('aria-keyshortcuts'),
      'Alt+Shift+ArrowRight Alt+Shift+ArrowLeft',
    );
    const description = await page.evaluate(
      `(document.getElementById(document.activeElement.getAttribute('aria-describedby')) ?? {}).textContent`,
    );
    assert.match(String(description), /Alt\+Shift\+Pil høgre.*Alt\+Shift\+Pil venstre/);

    // There is no column before the first: nothing happens.
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    assert.equal(await page.getByRole('dialog').count(), 0);

    // Next column, with a comment: the same dialog as the "Flytt" menu.
    await page.keyboard.press('Alt+Shift+ArrowRight');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Endre status for 2023' }).waitFor();
    assert.equal(await dialog.getByLabel('Ny status').inputValue(), 'not_started');
    await dialog.getByLabel('Ny status').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ikkje starta i 2023.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const announcement = page.getByRole('status').filter({ hasText: 'flytta til' });
    await announcement.waitFor();
    assert.equal((await announcement.innerText()).trim(), `«${text}» flytta til Ikkje gjennomført for 2023`);
    await column(page, 'not_started').locator(`[data-measure="${id}"]`).waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-measure') === ${JSON.stringify(id)}`);

    // Previous column, cancelled with Escape: the card stays, and keeps the focus.
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await dialog.getByRole('heading', { name: 'Endre status for 2023' }).waitFor();
    assert.equal(await dialog.getByLabel('Ny status').inputValue(), 'not_assessed');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(`document.activeElement?.getAttribute('data-measure') === ${JSON.stringify(id)}`);
    assert.equal(await column(page, 'not_started').locator(`[data-measure="${id}"]`).count(), 1);

    // Recorded in the measure's history, with who and the comment.
    await card(page, id).getByRole('button', { name: 'Vis detaljar' }).click();
    const history = card(page, id).getByTestId('measure-history');
    await history.waitFor();
    const lines = await history.innerText();
    assert.match(lines, /Status endra 2023: Ikkje vurdert → Ikkje gjennomført/);
    assert.match(lines, /Mia Medlem/);
    assert.match(lines, /Ikkje starta i 2023\./);
    await page.close();
  });

  it('moves a measure by dragging it to another column with the mouse', async () => {
    const id = `${FSU}.g6.s1.m1`;
    const page = await browser.open(bot, `/board/${FSU}?year=2024`, member);
    await tavleReady(page);
    await card(page, id).dragTo(column(page, 'in_progress'));
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Endre status for 2024' }).waitFor();
    assert.equal(await dialog.getByLabel('Ny status').inputValue(), 'in_progress');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    await column(page, 'in_progress').locator(`[data-measure="${id}"]`).waitFor();
    await page.close();
  });

  it('says so when someone else moved the measure first, keeps the comment, and moves it on a second try', async () => {
    const id = `${FSU}.g6.s1.m2`;
    const page = await browser.open(bot, `/board/${FSU}?year=2026`, member);
    await tavleReady(page);
    await card(page, id)
      .getByRole('button', { name: /^Flytt/ })
      .click();
    await page.getByRole('menuitem', { name: 'Flytt til Gjennomført' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kommentar (valfri)').fill('Ferdig etter møtet.');
    await setStatus(bot, id, 2026, 'not_started'); // meanwhile, through the API
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const conflict = dialog.getByTestId('status-conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Nokon andre endra statusen før deg[\s\S]*Ikkje gjennomført/);
    assert.equal(await dialog.getByLabel('Kommentar (valfri)').inputValue(), 'Ferdig etter møtet.');
    await column(page, 'not_started').locator(`[data-measure="${id}"]`).waitFor();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    await column(page, 'done').locator(`[data-measure="${id}"]`).waitFor();
    await page.close();
  });

  it('shows the board read-only to someone who may not change status', async () => {
    const page = await browser.open(bot, `/board/${FSU}`, reader);
    await tavleReady(page);
    assert.equal(await page.getByRole('button', { name: /^Flytt/ }).count(), 0);
    assert.equal(await page.locator('.tavle-card[draggable="true"]').count(), 0);
    assert.equal(await page.getByRole('switch', { name: 'Rediger planen' }).count(), 0);
    await page.getByText('Du kan lese planen.', { exact: false }).waitFor();
    await page.close();
  });

  it('filters by sub-goal, responsible and priority group, kept in the address', async () => {
    const page = await browser.open(bot, `/board/${FSU}?year=2025`, reader);
    await tavleReady(page);
    const shown = page.getByTestId('tavle-shown');
    const filters = page.getByRole('group', { name: 'Filtrer tiltaka' });
    assert.equal(await shown.innerText(), 'Viser 18 av 18 tiltak');
    await filters.getByLabel('Ansvar').selectOption('Siv Haugen');
    assert.equal(await shown.innerText(), 'Viser 5 av 18 tiltak');
    assert.equal(await page.locator('.tavle-card').count(), 5);
    await filters.getByLabel('Prioriterte pasientgrupper').selectOption('children_youth');
    assert.equal(await shown.innerText(), 'Viser 0 av 18 tiltak');
    await filters.getByLabel('Ansvar').selectOption('');
    assert.equal(await shown.innerText(), 'Viser 4 av 18 tiltak');
    await filters.getByLabel('Delmål').selectOption(`${FSU}.g5.s1`);
    assert.equal(await shown.innerText(), 'Viser 3 av 18 tiltak');
    assert.match(page.url(), /[?&]priorityGroup=children_youth/);
    assert.match(page.url(), /[?&]subGoal=fsu-svangerskap-fodsel-barsel.g5.s1/);
    await page.reload();
    await tavleReady(page);
    assert.equal(await page.getByTestId('tavle-shown').innerText(), 'Viser 3 av 18 tiltak');
    assert.equal(await filters.getByLabel('År').inputValue(), '2025');
    await page.close();
  });

  it('opens #/board/<committee>/measure/<measure> with that card focused and its details and history open', async () => {
    const id = `${FSU}.g5.s1.m1`;
    const page = await browser.open(bot, `/board/${FSU}/measure/${id}?year=2025`, member);
    await tavleReady(page);
    await card(page, id).getByTestId('measure-history').waitFor();
    assert.match(
      await card(page, id).getByTestId('measure-history').innerText(),
      /Ikkje vurdert → Ikkje gjennomført/,
    );
    await page.waitForFunction(
      `document.activeElement?.getAttribute('data-measure') === ${JSON.stringify(id)}`,
    );
    assert.equal(await focusedMeasure(page), id);
    await page.close();
  });

  it('lays the plan table out as the seed plan: main goals, sub-goals, measures and a labelled cell per year', async () => {
    const page = await browser.open(bot, `/board/${FSU}/plan`, reader);
    await page.locator('.plan-table').first().waitFor();
    const goals = SEED.plan.mainGoals;
    assert.equal(await page.locator('.plan-view [data-goal]').count(), goals.length);
    for (const goal of goals) {
      const section = page.locator(`[data-goal="${goal.id}"]`);
      assert.match(await section.getByRole('heading', { level: 2 }).innerText(), /^Hovudmål \d+:/);
      assert.ok((await section.getByRole('heading', { level: 2 }).textContent())?.includes(goal.text));
      assert.deepEqual(await section.locator('thead th').allInnerTexts(), [
        'Delmål',
        'Tiltak',
        'Ansvar',
        ...YEARS,
      ]);
      for (const sub of goal.subGoals) {
        const rows = section.locator(`tr[data-subgoal="${sub.id}"]`);
        assert.equal(await rows.count(), sub.measures.length, sub.id);
        for (const m of sub.measures) {
          const row = section.locator(`tr[data-measure="${m.id}"]`);
          assert.equal(await row.locator('td').first().textContent(), m.text);
          assert.equal(await row.locator('.status-cell').count(), YEARS.length);
        }
      }
    }
    // Statuses are words, not only colours.
    const moved = page.locator(`tr[data-measure="${FSU}.g1.s1.m1"] .status-cell[data-year="2025"]`);
    assert.match(await moved.innerText(), /Gjennomført/);
    const untouched = page.locator(`tr[data-measure="${FSU}.g1.s1.m1"] .status-cell[data-year="2023"]`);
    assert.match(await untouched.innerText(), /Ikkje vurdert/);
    await page.close();
  });

  it('prints the plan table (#/print/<committee>) on A4 landscape, without the controls', async () => {
    const page = await browser.open(bot, `/print/${FSU}`, reader);
    await page.locator('.plan-table').first().waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Tavle' }).count(), 0);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    assert.ok(box, 'the PDF names its page size');
    // A4 landscape in points: 297 mm × 210 mm.
    assert.deepEqual([Math.round(Number(box[1])), Math.round(Number(box[2]))], [842, 595]);
    await page.close();
  });

  it('fits the plan table into a narrow channel tab: only the table scrolls sideways', async () => {
    const page = await browser.open(bot, `/board/${FSU}/plan`, reader);
    await page.setViewportSize({ width: 480, height: 800 });
    await page.locator('.plan-table').first().waitFor();
    const pageOverflows = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    assert.equal(pageOverflows, false, 'the page itself does not scroll sideways');
    await page.close();
  });

  it('shows "Rediger planen" to the leader only; it switches to the editor and back to the Tavle', async () => {
    const page = await browser.open(bot, `/board/${FSU}`, leader);
    await tavleReady(page);
    const edit = page.getByRole('switch', { name: 'Rediger planen' });
    await edit.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Nytt hovudmål' }).waitFor();
    assert.match(page.url(), /#\/board\/fsu-svangerskap-fodsel-barsel\/rediger$/);
    // The switch follows the address: a click changes the route, and the switch shows it once the
    // hashchange has been handled (a click, not uncheck(), which checks the state at once).
    const editSwitch = page.getByRole('switch', { name: 'Rediger planen' });
    await editSwitch.click();
    await page.waitForFunction("!location.hash.includes('/rediger')");
    await tavleReady(page);
    assert.equal(await editSwitch.isChecked(), false);
    assert.match(page.url(), /#\/board\/fsu-svangerskap-fodsel-barsel(\?|$)/);
    // The view switch: Plan and back, with stable addresses.
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.locator('.plan-table').first().waitFor();
    assert.match(page.url(), /#\/board\/fsu-svangerskap-fodsel-barsel\/plan/);
    await page.close();

    const memberPage = await browser.open(bot, `/board/${FSU}`, member);
    await tavleReady(memberPage);
    assert.equal(await memberPage.getByRole('switch', { name: 'Rediger planen' }).count(), 0);
    await memberPage.close();
  });

  it('is readable in the default, dark and high-contrast themes: no serious axe violations, screenshots of each', async () => {
    if (writeScreenshots) mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await browser.open(bot, `/board/${FSU}?year=2025`, member, { theme });
      await tavleReady(page);
      assert.equal(await page.evaluate('document.documentElement.dataset.theme'), theme);
      for (const status of ['done', 'in_progress', 'not_started', 'not_assessed'])
        await column(page, status).locator('.tavle-card').first().waitFor();
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `Tavle, ${theme} theme:\n${describeViolations(violations)}`);
      const shot = await page.screenshot({
        fullPage: false,
        ...(writeScreenshots ? { path: path.join(SCREENSHOTS, `tavle-${theme}.png`) } : {}),
      });
      assert.ok(shot.length > 0);

      await page.getByRole('tab', { name: 'Plan' }).click();
      await page.locator('.plan-table').first().waitFor();
      const planViolations = await seriousViolations(page);
      assert.deepEqual(planViolations, [], `Plan, ${theme} theme:\n${describeViolations(planViolations)}`);
      await page.close();
    }
  });

  it('pictures the Plan and Rediger views for the README when asked to (the Tavle is tavle-default.png)', async function () {
    if (!writeScreenshots) this.skip();
    for (const [name, route, person] of [
      ['plan', `/board/${FSU}/plan`, member],
      ['rediger', `/board/${FSU}/rediger`, leader],
    ] as const) {
      const page = await browser.open(bot, route, person);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await page.locator('.tavle-card, .plan-table, .measure-card').first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `view-${name}.png`) });
      await page.close();
    }
  });
});
