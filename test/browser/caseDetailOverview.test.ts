import assert from 'node:assert/strict';
import type { CaseRecord, CaseState } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { CaseRouting } from '../../bot/domain/cases/caseModel';
import type { CommitteeSummary, PlanResponse } from '../../bot/http/api/apiTypes';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { call } from '../api/apiSupport';
import type { RunningBot } from '../support/botHarness';
import type { Person } from '../../bot/domain/person';
import { TabBrowser, checkPrerequisites, grant, startTabServer } from './support/tabBrowser';

const secretariat: Person = { id: '55555555-5555-4555-8555-555555555555', name: 'Siri Sekretariat' };
const runa: Person = { id: '66666666-6666-4666-8666-666666666666', name: 'Runa Bakke' };
const member: Person = { id: '88888888-8888-4888-8888-888888888888', name: 'Mari Medlem' };
const nameless: Person = { id: '99999999-9999-4999-8999-999999999999', name: '' };
const REHAB = 'fsu-rehabilitering';
const MINUTES = 'https://helse-mr.no/referat/fsu-rehab-2027-02-05.pdf';

describe('tab: Norwegian dates, the case outcome, the overview year and names in Chromium', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;
  let decided: CaseRecord;

  async function move(record: CaseRecord, to: CaseState, at: string, routing?: CaseRouting) {
    const seq = record.historyCount + 1;
    const next = { ...record, state: to, historyCount: seq, updatedAt: at, ...(routing ? { routing } : {}) };
    const stored = await bot.app.services.cases.transition(record, next, {
      caseNumber: record.number,
      seq,
      at,
      by: secretariat,
      from: record.state,
      to,
      ...(to === 'routed' ? { forum: REHAB } : {}),
    });
    assert.ok(stored);
    return stored;
  }

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, secretariat, 'secretariat_leader', '*');
    await grant(bot, member, 'committee_member', REHAB);
    await bot.app.services.roles.grant({
      personId: nameless.id,
      role: 'committee_leader',
      scope: REHAB,
      grantedBy: 'browser-test',
      grantedAt: new Date().toISOString(),
    });
    // Submitted at 15:54 Oslo time (14:54 UTC in November).
    let record = await submitCase(bot.app.services.cases, {
      draftId: 'dates-1',
      answers: REFERENCE_STORED,
      submitter: runa,
      lang: 'nn',
      now: new Date('2026-11-28T14:54:00Z'),
    });
    const step = {
      forum: REHAB,
      kind: 'routed' as const,
      reason: 'Høyrer til rehabilitering.',
      by: secretariat,
    };
    record = await move(record, 'routing_proposed', '2026-11-29T09:00:00Z');
    record = await move(record, 'routed', '2026-11-30T09:00:00Z', {
      forumChain: [{ ...step, at: '2026-11-30T09:00:00Z' }],
      infoRequests: [],
    });
    decided = await move(record, 'decided', '2027-02-06T10:00:00Z', {
      forumChain: [{ ...step, at: '2026-11-30T09:00:00Z' }],
      infoRequests: [],
      outcome: {
        decision: 'Utvalet <b>sluttar seg</b> til forslaget.',
        meetingDate: '2027-02-05',
        forumCaseNumber: 'Sak 39/27',
        minutesUrl: MINUTES,
        by: secretariat,
        at: '2027-02-06T10:00:00Z',
      },
    });
    // One status set for 2024 in one committee: the overview opens on 2024.
    const local = { local: member.id, name: member.name };
    const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, local);
    const measure = plan.body.plan.mainGoals[0]!.subGoals[0]!.measures[0]!;
    const put = await call(bot, 'PUT', `/api/committees/${REHAB}/measures/${measure.id}/status`, local, {
      year: 2024,
      status: 'in_progress',
      etag: measure.etag,
    });
    assert.equal(put.status, 200, put.text);
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  for (const lang of ['nn', 'nb', 'en']) {
    it(`dates are dd.mm.yyyy and times 24-hour in Oslo time (${lang}), whatever the browser knows`, async () => {
      const page = await browser.open(bot, '/cases', secretariat, { lang });
      const row = page.locator(`tr[data-case="${decided.number}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /28\.11\.2026/);
      assert.doesNotMatch(await row.innerText(), /11\/28\/2026/);
      await page.getByRole('link', { name: decided.number }).click();
      const history = page.locator('ol.history');
      await history.waitFor();
      const text = await history.innerText();
      assert.match(text, /28\.11\.2026 15:54/);
      assert.doesNotMatch(text, /AM|PM|\//);
      await page.close();
    });
  }

  it('the case page shows the outcome as the card does: meeting date, forum case number, minutes link', async () => {
    const page = await browser.open(bot, `/cases/${decided.number}`, runa);
    const outcome = page.getByTestId('case-outcome');
    await outcome.waitFor();
    const text = await outcome.innerText();
    assert.match(text, /Møte 05\.02\.2027 · Sak 39\/27/);
    assert.match(text, /Utvalet <b>sluttar seg<\/b> til forslaget\./, 'the decision verbatim, not as markup');
    const link = outcome.getByRole('link', { name: 'Opne referatet' });
    assert.equal(await link.getAttribute('href'), MINUTES);
    await page.getByText('Høyrer til rehabilitering.').waitFor();
    await page.close();
  });

  it('the overview opens on the latest year with a status, says what "Ikkje vurdert" means, and names the period once', async () => {
    const page = await browser.open(bot, '/overview', member);
    await page.locator('.committee-card').first().waitFor();
    assert.equal(await page.getByTestId('year').inputValue(), '2024');
    assert.match(
      await page.locator('[data-committee="fsu-rehabilitering"]').innerText(),
      /under arbeid\s*1\s/,
    );
    await page.getByText('«Ikkje vurdert» tyder at ingen i utvalet har sett status').waitFor();

    const committees = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', { local: member.id });
    const ended = committees.body.find((c) => c.periodEnd < 2026)!;
    await page.getByTestId('year').selectOption('2026');
    const card = page.locator(`[data-committee="${ended.id}"]`);
    await card.getByText('Planen gjeld ikkje for 2026.').waitFor();
    const periods = (await card.innerText()).match(/Periode/g) ?? [];
    assert.equal(periods.length, 1, await card.innerText());
    await page.close();
  });

  it('the identity picker shows names and translated roles, not role ids', async () => {
    // The nameless leader opens the tab once under their name: it is kept with their role.
    const me = await call(bot, 'GET', '/api/me', { local: nameless.id, name: 'Nora Namnlaus' });
    assert.equal(me.status, 200);
    const page = await browser.open(bot, '/overview', undefined);
    const picker = page.getByTestId('local-identity-banner').getByLabel('Du opptrer som');
    await picker.waitFor();
    const options = await picker.locator('option').allInnerTexts();
    assert.ok(
      options.some((o) =>
        o.includes('Nora Namnlaus – Leiar i utvalet (Fagleg samarbeidsutval for Rehabilitering)'),
      ),
      options.join('\n'),
    );
    assert.ok(
      options.some((o) => o.includes('Siri Sekretariat – Leiar i sekretariatet')),
      options.join('\n'),
    );
    assert.ok(!options.some((o) => /secretariat_leader|committee_|[0-9a-f]{8}-/.test(o)), options.join('\n'));
    await page.close();
  });
});
