import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import type { Person } from '../../bot/domain/person';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { PlanResponse } from '../../bot/http/api/apiTypes';
import { call } from '../api/apiSupport';
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
const TITLE = 'Felles opplæring i individuell plan';
const ORGANISATION = 'Ørsta kommune, einingsleiar';
const secretariat: Person = { id: 'b1111111-1111-4111-8111-111111111111', name: 'Siri Sekretariat' };
const ssuLeader: Person = { id: 'b2222222-2222-4222-8222-222222222222', name: 'Sverre SSU' };
const leader: Person = { id: 'b3333333-3333-4333-8333-333333333333', name: 'Rut Rehab' };
const member: Person = { id: 'b4444444-4444-4444-8444-444444444444', name: 'Kari Medlem' };

describe("tab: a committee's case and the measure made from it, in Chromium", function () {
  this.timeout(120_000);
  let bot: RunningBot;
  let browser: TabBrowser;
  let record: CaseRecord;

  before(async function () {
    this.timeout(120_000);
    checkPrerequisites();
    bot = await startTabServer();
    await grant(bot, secretariat, 'secretariat_leader', '*');
    await grant(bot, ssuLeader, 'ssu_leader', '*');
    await grant(bot, leader, 'committee_leader', REHAB);
    await grant(bot, member, 'committee_member', REHAB);
    record = await submitCase(bot.app.services.cases, {
      draftId: 'case-measures-1',
      answers: { ...REFERENCE_STORED, title: TITLE, organisation: ORGANISATION },
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

  it('the leader makes a measure from the case on its page; the board shows the case on the measure and under "Saker"', async () => {
    const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, { local: leader.id });
    const subGoal = plan.body.plan.mainGoals[0]!.subGoals[0]!;

    const page = await browser.open(bot, `/cases/${record.number}`, leader);
    const section = page.getByRole('region', { name: 'Tiltak i handlingsplanen' });
    await section.getByText('Saka er ikkje knytt til noko tiltak.').waitFor();
    const form = section.getByRole('form', { name: 'Nytt tiltak frå saka' });
    // Only the committee the leader leads is offered, so it is chosen; the texts come from the case.
    await form.getByTestId('new-measure-subgoal').selectOption(subGoal.id);
    assert.equal(await form.getByRole('textbox', { name: 'Tiltak' }).inputValue(), TITLE);
    assert.equal(await form.getByRole('textbox', { name: 'Ansvar' }).inputValue(), ORGANISATION);
    await form.getByRole('button', { name: 'Opprett tiltaket' }).click();
    await section.getByRole('status').getByText('Tiltaket er oppretta og knytt til saka.').waitFor();
    const linked = section.getByRole('link', { name: TITLE });
    await linked.waitFor();
    const measureHref = (await linked.getAttribute('href')) ?? '';
    assert.match(decodeURIComponent(measureHref), new RegExp(`^#/board/${REHAB}/measure/`));
    await page.close();

    // A member of the committee, following the measure's link: the case under "Saker", and the
    // measure's details on the Tavle carry it.
    const board = await browser.open(bot, measureHref.slice(1), member);
    const cases = board.getByRole('region', { name: 'Saker', exact: true });
    await cases.locator(`tr[data-case="${record.number}"]`).waitFor();
    const onMeasure = board.getByTestId('linked-cases').locator(`li[data-case="${record.number}"]`);
    await onMeasure.waitFor();
    assert.match(
      await onMeasure.innerText(),
      new RegExp(`${record.number}[\\s\\S]*${TITLE}[\\s\\S]*Fordelt`),
    );
    const measureCard = board.locator('[data-measure]', { has: onMeasure });
    assert.match(await measureCard.innerText(), new RegExp(ORGANISATION));
    // The member may not link: the case page lists the measure without the forms.
    await onMeasure.getByRole('link', { name: record.number }).click();
    await board.getByRole('heading', { level: 1, name: new RegExp(`^Sak ${record.number}`) }).waitFor();
    const memberSection = board.getByRole('region', { name: 'Tiltak i handlingsplanen' });
    await memberSection.getByRole('link', { name: TITLE }).waitFor();
    await board.waitForLoadState('networkidle');
    assert.equal(await memberSection.getByRole('form').count(), 0);
    assert.equal(await memberSection.getByRole('button', { name: /Fjern/ }).count(), 0);
    await board.close();
  });

  it('the leader links the case to an existing measure and removes the link again', async () => {
    const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, { local: leader.id });
    const measure = plan.body.plan.mainGoals[0]!.subGoals[0]!.measures[0]!;
    const page = await browser.open(bot, `/cases/${record.number}`, leader);
    const section = page.getByRole('region', { name: 'Tiltak i handlingsplanen' });
    const form = section.getByRole('form', { name: 'Knyt saka til eit tiltak' });
    await form.getByTestId('link-measure-select').selectOption(measure.id);
    await form.getByRole('button', { name: 'Knyt til tiltaket' }).click();
    const item = section.locator(`li[data-linked-measure="${measure.id}"]`);
    await item.waitFor();
    // The section with both forms and a linked measure passes axe.
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await item.getByRole('button', { name: /Fjern koplinga/ }).click();
    await section.getByRole('status').getByText('Koplinga er fjerna.').waitFor();
    await item.waitFor({ state: 'detached' });
    assert.deepEqual((page as typeof page & { errors?: string[] }).errors ?? [], []);
    await page.close();
  });
});
