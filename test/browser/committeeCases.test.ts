import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import type { Person } from '../../bot/domain/person';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import type { RunningBot } from '../support/botHarness';
import { TabBrowser, checkPrerequisites, grant, startTabServer } from './support/tabBrowser';

const REHAB = 'fsu-rehabilitering';
const TITLE = 'Felles plan for utskriving frå rehabilitering';
const secretariat: Person = { id: 'a1111111-1111-4111-8111-111111111111', name: 'Siri Sekretariat' };
const ssuLeader: Person = { id: 'a2222222-2222-4222-8222-222222222222', name: 'Sverre SSU' };
const member: Person = { id: 'a3333333-3333-4333-8333-333333333333', name: 'Kari Medlem' };
const otherMember: Person = { id: 'a4444444-4444-4444-8444-444444444444', name: 'Ivar IKT' };

describe("tab: the committee's cases on its page in Chromium", function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: TabBrowser;
  let record: CaseRecord;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, secretariat, 'secretariat_leader', '*');
    await grant(bot, ssuLeader, 'ssu_leader', '*');
    await grant(bot, member, 'committee_member', REHAB);
    await grant(bot, otherMember, 'committee_member', 'fsu-ikt');
    record = await submitCase(bot.app.services.cases, {
      draftId: 'committee-cases-1',
      answers: { ...REFERENCE_STORED, title: TITLE },
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date(),
    });
    const service = bot.app.services.routing.caseService;
    const steps = [
      { actor: secretariat, verb: 'propose', input: { forum: REHAB, comment: 'Rehabilitering' } },
      { actor: ssuLeader, verb: 'approve', input: {} },
    ] as const;
    for (const [i, step] of steps.entries()) {
      const outcome = await service.decide({ caseNumber: record.number, cardVersion: i + 1, ...step });
      assert.equal(outcome.kind, 'applied', step.verb);
    }
    browser = await TabBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('a member sees the routed case under "Saker" on the committee page, its link opens it; others see none', async () => {
    const page = await browser.open(bot, `/board/${REHAB}`, member);
    const section = page.getByRole('region', { name: 'Saker' });
    const row = section.locator(`tr[data-case="${record.number}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${record.number}[\\s\\S]*${TITLE}[\\s\\S]*Fordelt`));
    await row.getByRole('link', { name: record.number }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Sak ${record.number}`) }).waitFor();
    await page.getByText(TITLE).first().waitFor();
    await page.close();

    // A member of another committee gets no such section on this committee's page.
    const other = await browser.open(bot, `/board/${REHAB}`, otherMember);
    await other.locator('[data-measure]').first().waitFor();
    await other.waitForLoadState('networkidle');
    assert.equal(await other.getByRole('heading', { name: 'Saker' }).count(), 0);
    assert.equal(await other.getByText(TITLE).count(), 0);
    await other.close();
  });
});
