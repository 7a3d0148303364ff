import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
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

const REHAB = 'fsu-rehabilitering';
const MEASURE = 'fsu-rehabilitering.g1.s2.m1';
const MEASURE_TEXT = 'Lage felles retningsliner for fordeling av ansvar på område for rehabilitering.';
const GOAL_TEXT =
  'Målet er gode samarbeidsformer mellom kommunane og spesialisthelsetenesta, innan kommunane og i helseføretak';

const member: Person = { id: '11111111-1111-4111-8111-111111111111', name: 'Kari Medlem' };
const leader: Person = { id: '22222222-2222-4222-8222-222222222222', name: 'Lars Leiar' };
const reader: Person = { id: '33333333-3333-4333-8333-333333333333', name: 'Rita Lesar' };

function measureCard(page: Page, id = MEASURE) {
  return page.locator(`[data-measure="${id}"]`);
}

async function boardReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Fagleg samarbeidsutval for Rehabilitering' }).waitFor();
  await measureCard(page).waitFor();
}

describe('tab: action-plan board in Chromium', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, member, 'committee_member', REHAB);
    await grant(bot, leader, 'committee_leader', REHAB);
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('renders the rehabilitation committee’s real plan: goals, sub-goals, measures and status chips', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, reader);
    await boardReady(page);
    await page.getByRole('heading', { level: 2, name: new RegExp(GOAL_TEXT.slice(0, 40)) }).waitFor();
    assert.match(await measureCard(page).innerText(), /Lage felles retningsliner/);
    assert.ok((await measureCard(page).textContent())?.includes(MEASURE_TEXT));
    // One chip per status year, 2022 (the joint plan's first status column) to 2026, with its label
    // (not only a colour).
    const chips = measureCard(page).locator('.year-status');
    assert.equal(await chips.count(), 5);
    assert.match(await chips.first().innerText(), /2022[\s\S]*Ikkje vurdert/);
    // Local identity mode is announced.
    await page.getByText('Lokal identitetsmodus – berre for utvikling').waitFor();
    await page.close();
  });

  it('shows no edit controls to someone who is not on the committee', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, reader);
    await boardReady(page);
    assert.equal(await page.locator('.year-status.editable').count(), 0);
    assert.equal(await page.locator('.item-actions').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Nytt hovudmål' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Endre$/ }).count(), 0);
    await page.getByText('Du kan lese planen.', { exact: false }).waitFor();
    await page.close();
  });

  it('lets a committee member change a status with a comment; it survives a reload and shows in the history', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, member);
    await boardReady(page);
    // Members change status but do not edit the plan.
    assert.equal(await page.locator('.item-actions').count(), 0);
    await measureCard(page).locator('.year-status.editable[data-year="2025"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Endre status for 2025' }).waitFor();
    await dialog.getByLabel('Ny status').selectOption('done');
    await dialog
      .getByLabel('Kommentar (valfri)')
      .fill('Vedteke i møtet.\nRetningslinene er sende på høyring.');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Statusen er lagra.').waitFor();
    assert.match(await measureCard(page).locator('[data-year="2025"]').innerText(), /Gjennomført/);

    await page.reload();
    await boardReady(page);
    assert.match(await measureCard(page).locator('[data-year="2025"]').innerText(), /Gjennomført/);
    await measureCard(page).getByRole('button', { name: 'Vis historikk' }).click();
    const history = measureCard(page).getByTestId('measure-history');
    await history.waitFor();
    const text = await history.innerText();
    assert.match(text, /Status endra 2025: Ikkje vurdert → Gjennomført/);
    assert.match(text, /Kari Medlem/);
    assert.match(text, /Vedteke i møtet\.\nRetningslinene er sende på høyring\./);
    await page.close();
  });

  it('says so when someone else changed the status first, shows the current value and keeps the comment', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, member);
    await boardReady(page);
    const id = 'fsu-rehabilitering.g1.s2.m2';
    await measureCard(page, id).locator('.year-status.editable[data-year="2024"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ny status').selectOption('in_progress');
    await dialog.getByLabel('Kommentar (valfri)').fill('Mi vurdering');

    // Meanwhile the leader sets the same status through the API.
    const headers = { 'X-Local-Identity': leader.id, 'Content-Type': 'application/json' };
    const plan = (await (await fetch(`${bot.url}/api/committees/${REHAB}/plan`, { headers })).json()) as {
      plan: { mainGoals: { subGoals: { measures: { id: string; etag: string }[] }[] }[] };
    };
    const etag = plan.plan.mainGoals
      .flatMap((g) => g.subGoals)
      .flatMap((s) => s.measures)
      .find((m) => m.id === id)!.etag;
    const put = await fetch(`${bot.url}/api/committees/${REHAB}/measures/${id}/status`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ year: 2024, status: 'not_started', etag }),
    });
    assert.equal(put.status, 200);

    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const conflict = dialog.getByTestId('status-conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Nokon andre endra statusen før deg[\s\S]*Ikkje gjennomført/);
    assert.equal(await dialog.getByLabel('Kommentar (valfri)').inputValue(), 'Mi vurdering');
    // Saving again now goes through, on top of the other change.
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(await measureCard(page, id).locator('[data-year="2024"]').innerText(), /Under planlegging/);
    await page.close();
  });

  it('lets the leader add a measure to a sub-goal, and edit controls show for the leader', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, leader);
    await boardReady(page);
    await page.getByRole('button', { name: 'Nytt hovudmål' }).waitFor();
    const sub = page.locator('[data-subgoal="fsu-rehabilitering.g1.s2"]');
    await sub.getByRole('button', { name: 'Nytt tiltak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tekst').fill('Kartleggje <b>rehabiliteringstilbod</b>\ni alle kommunar');
    await dialog.getByLabel('Ansvar').fill('FSU Rehabilitering');
    await dialog.getByLabel('Skrøpelege eldre').check();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'detached' });
    const added = sub.locator('.measure-card', { hasText: 'rehabiliteringstilbod' });
    await added.waitFor();
    // User text is shown as text, with its line break, never as markup.
    assert.equal(
      await added.locator('.measure-text').textContent(),
      'Kartleggje <b>rehabiliteringstilbod</b>\ni alle kommunar',
    );
    assert.equal(await added.locator('.measure-text b').count(), 0);
    assert.match(await added.innerText(), /Skrøpelege eldre/);
    await page.close();
  });

  it('lets the leader move and retire a measure; retired items hide unless asked for, and can be restored', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, leader);
    await boardReady(page);
    const sub = page.locator('[data-subgoal="fsu-rehabilitering.g1.s2"]');
    const texts = () => sub.locator('.measure-text').allTextContents();
    const before = await texts();
    const second = measureCard(page, 'fsu-rehabilitering.g1.s2.m2');
    await second.getByRole('button', { name: 'Flytt opp' }).click();
    await page.waitForFunction(
      `document.querySelector('[data-subgoal="fsu-rehabilitering.g1.s2"] .measure-text')?.textContent === ${JSON.stringify(before[1])}`,
    );
    assert.deepEqual((await texts()).slice(0, 2), [before[1], before[0]]);

    await second.getByRole('button', { name: 'Avslutt' }).click();
    await second.waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'Vis avslutta mål og tiltak' }).check();
    await second.waitFor();
    assert.match(await second.innerText(), /Avslutta/);
    await second.getByRole('button', { name: 'Ta i bruk att' }).click();
    await page.getByRole('switch', { name: 'Vis avslutta mål og tiltak' }).uncheck();
    await second.waitFor();
    await second.getByRole('button', { name: 'Vis historikk' }).click();
    const history = await second.getByTestId('measure-history').innerText();
    assert.match(history, /Teke i bruk att/);
    assert.match(history, /Avslutta/);
    assert.match(history, /Flytta frå plass 2 til 1/);
    await page.close();
  });

  it('works from the keyboard: a status opens with Enter, Escape closes without saving', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, member);
    await boardReady(page);
    const chip = measureCard(page).locator('.year-status.editable[data-year="2026"]');
    await chip.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Endre status for 2026' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.match(await chip.innerText(), /Ikkje vurdert/);
    await page.close();
  });

  it('downloads the committee’s plan as CSV and links to the print view', async () => {
    const page = await browser.open(bot, `/board/${REHAB}/rediger`, reader);
    await boardReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned planen som CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `handlingsplan-${REHAB}.csv`);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.includes(MEASURE_TEXT), 'the CSV holds the measures');
    assert.ok(text.includes('Ikkje vurdert'), 'statuses in nynorsk');
    await page.getByRole('link', { name: 'Utskriftsvising' }).click();
    await page.locator('.print-table').first().waitFor();
    await page.close();
  });

  it('links the committee’s page to its working group’s board, and the working group’s page back to it', async () => {
    const group = 'Arbeidsgruppe for individuell plan, koordinator og koordinerande einingar i Møre og Romsdal';
    const page = await browser.open(bot, `/board/${REHAB}`, reader);
    await boardReady(page);
    const people = page.locator('.committee-page dl.people');
    assert.match(await people.innerText(), /Arbeidsgrupper\s+Arbeidsgruppe for individuell plan/);
    await people.getByRole('link', { name: group }).click();
    await page.getByRole('heading', { level: 1, name: group }).waitFor();
    assert.match(page.url(), /#\/board\/fsu-rehabilitering-koordinering$/);
    await page.locator('.tavle-card').first().waitFor();
    assert.match(await people.innerText(), /Arbeidsgruppe under\s+Fagleg samarbeidsutval for Rehabilitering/);
    await people.getByRole('link', { name: 'Fagleg samarbeidsutval for Rehabilitering' }).click();
    await boardReady(page);
    assert.match(page.url(), /#\/board\/fsu-rehabilitering$/);
    // A committee without working groups names none.
    const other = await browser.open(bot, '/board/fsu-helseberedskap', reader);
    await other.locator('.tavle-card').first().waitFor();
    assert.doesNotMatch(await other.locator('.committee-page dl.people').innerText(), /Arbeidsgrupp/);
    await other.close();
    await page.close();
  });

  it('has no serious or critical accessibility violations on the board, with every status colour (light, dark, high contrast)', async () => {
    // Every status colour on the page: done, in progress, not started, not assessed.
    const headers = { 'X-Local-Identity': member.id, 'Content-Type': 'application/json' };
    const id = 'fsu-rehabilitering.g1.s1.m1';
    for (const [year, status] of [
      [2023, 'done'],
      [2024, 'in_progress'],
      [2025, 'not_started'],
    ] as const) {
      const plan = (await (await fetch(`${bot.url}/api/committees/${REHAB}/plan`, { headers })).json()) as {
        plan: { mainGoals: { subGoals: { measures: { id: string; etag: string }[] }[] }[] };
      };
      const etag = plan.plan.mainGoals
        .flatMap((g) => g.subGoals)
        .flatMap((s) => s.measures)
        .find((m) => m.id === id)!.etag;
      const put = await fetch(`${bot.url}/api/committees/${REHAB}/measures/${id}/status`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ year, status, etag }),
      });
      assert.equal(put.status, 200);
    }
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await browser.open(bot, `/board/${REHAB}/rediger`, member, { theme });
      await boardReady(page);
      for (const status of ['done', 'in_progress', 'not_started', 'not_assessed'])
        await page.locator(`.status-chip[data-status="${status}"]`).first().waitFor();
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${theme} theme:\n${describeViolations(violations)}`);
      await page.close();
    }
  });
});
