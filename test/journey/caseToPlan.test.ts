import assert from 'node:assert/strict';
import type {
  ApiItem,
  AnnualReportResponse,
  CaseDetailResponse,
  HistoryEntryDto,
  LinkedMeasureDto,
  MeasureDto,
  PlanResponse,
} from '../../bot/http/api/apiTypes';
import { call, type Caller } from '../api/apiSupport';
import { testConfig } from '../support/globalAzurite';
import { IDS, RoutingWorld, allText, executeData, lastCard } from '../routing/routingWorld';
import { REFERENCE_CASE } from '../fixtures/referenceCase';

const REHAB = 'fsu-rehabilitering';
const as = (id: string, name: string): Caller => ({ local: id, name });
const leader = as(IDS.rehabLeader, 'Rut Rehab');
const secretariat = as(IDS.secretariat, 'Bodil Våge');

/** Every measure of a plan response, flattened. */
const measuresOf = (plan: PlanResponse): MeasureDto[] =>
  plan.plan.mainGoals.flatMap((g) => g.subGoals.flatMap((s) => s.measures));

/**
 * One case all the way from the intake chat into FSU rehabilitering's action plan, through the real
 * entry points: /api/messages for the bot and its cards, the tab's API for the plan, against Azurite.
 */
describe('journey: a case from submission to a measure in the forum’s action plan', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start({
      localIdentity: true,
      // As the partnership runs by default: both of the SSU leadership approve the routing.
      routing: { ...testConfig().routing, jobsIntervalSeconds: 0, approvalsRequired: 2 },
    });
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  /** Submitted in the chat, proposed by the secretariat leader, approved by the SSU leader and deputy. */
  async function routedToRehab(): Promise<string> {
    const number = await world.submit();
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 1,
      proposeForum: REHAB,
      proposeComment: 'Koordinering og individuell plan.',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 2 });
    assert.equal((await world.caseOf(number)).state, 'routing_proposed', 'one approval of two');
    await world.act('ssuDeputy', 'approve', { caseNumber: number, v: 3 });
    assert.equal((await world.caseOf(number)).state, 'routed');
    return number;
  }

  const plan = async (who: Caller = leader) => {
    const answer = await call<PlanResponse>(world.bot, 'GET', `/api/committees/${REHAB}/plan`, who);
    assert.equal(answer.status, 200);
    return answer.body;
  };

  /** The SSU's annual report for a year, as the secretariat reads it: the "all" row. */
  const annualReport = async (year: number) => {
    const answer = await call<AnnualReportResponse>(
      world.bot,
      'GET',
      `/api/annual-report?year=${year}`,
      secretariat,
    );
    assert.equal(answer.status, 200, answer.text);
    return answer.body.groups.find((g) => g.group === 'all')!;
  };

  it('the FSU leader gets the card, registers the outcome, makes a measure from the case; the board and the case show it', async () => {
    const number = await routedToRehab();

    // The forum leader's card arrives in their chat, with the outcome action on the current version.
    const card = lastCard(world.posted('rehabLeader'));
    assert.match(allText(card), new RegExp(`Sak ${number}`));
    const outcomeData = executeData(card, 'outcome');
    assert.ok(outcomeData, 'the leader can register the outcome');
    await world.act('rehabLeader', 'outcome', {
      ...outcomeData,
      decision: 'FSU rehabilitering tek saka inn i handlingsplanen.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: 'https://helse-mr.no/referat/fsu-rehabilitering-2026-12-01.pdf',
    });
    assert.equal((await world.caseOf(number)).state, 'decided');

    // The leader makes a new measure from the case in a sub-goal of the committee's plan: the text
    // and the one responsible come from the case.
    const before = await plan();
    const year = Number(number.slice(0, 4));
    const reportBefore = await annualReport(year);
    const subGoal = before.plan.mainGoals[0]!.subGoals[0]!;
    const created = await call<{ item: ApiItem; measure: LinkedMeasureDto }>(
      world.bot,
      'POST',
      `/api/cases/${number}/measures`,
      leader,
      { committeeId: REHAB, subGoalId: subGoal.id },
    );
    assert.equal(created.status, 201, created.text);
    const measureId = created.body.item.id;
    assert.equal(created.body.item.type, 'measure');
    assert.equal(created.body.item.text, REFERENCE_CASE.title);
    assert.equal(created.body.item.responsible, REFERENCE_CASE.organisation);

    // The board: the new measure in its sub-goal, carrying the case (number, title, state).
    const after = await plan();
    const onBoard = measuresOf(after).find((m) => m.id === measureId);
    assert.ok(onBoard, 'the measure is on the board');
    assert.equal(onBoard.subGoalId, subGoal.id);
    assert.deepEqual(onBoard.cases, [{ number, title: REFERENCE_CASE.title, state: 'decided' }]);
    assert.equal(measuresOf(after).length, measuresOf(before).length + 1);
    assert.ok(
      measuresOf(after)
        .filter((m) => m.id !== measureId)
        .every((m) => m.cases?.length === 0),
      'no other measure got the case',
    );

    // The case shows the measure it led to, under the committee's name.
    const detail = await call<CaseDetailResponse>(world.bot, 'GET', `/api/cases/${number}`, leader);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.measures, [
      { committeeId: REHAB, committeeName: after.committee.name, measureId, text: REFERENCE_CASE.title },
    ]);

    // The submitter reads the measure's text, without the plan's ids.
    const own = await call<CaseDetailResponse>(
      world.bot,
      'GET',
      `/api/cases/${number}`,
      as(IDS.submitter, 'Runa Bakke'),
    );
    assert.equal(own.status, 200);
    assert.deepEqual(
      own.body.measures?.map((m) => [m.committeeName, m.text, m.measureId]),
      [[after.committee.name, REFERENCE_CASE.title, '']],
    );

    // The case card, as Teams refreshes it, lists the measure under the plan's heading: the leader's
    // copy and the submitter's (in bokmål), text only.
    const leaderCard = await world.users.rehabLeader.execute('refresh', { caseNumber: number });
    assert.match(
      allText(leaderCard.body.value),
      new RegExp(`Tiltak i handlingsplanen\n[^]*?${after.committee.name}: \n[^]*?${REFERENCE_CASE.title}`),
    );
    const submitterCard = await world.users.submitter.execute('refresh', { caseNumber: number });
    assert.match(allText(submitterCard.body.value), /Tiltak i handlingsplanen/);
    assert.ok(allText(submitterCard.body.value).includes(REFERENCE_CASE.title));
    assert.doesNotMatch(
      JSON.stringify(submitterCard.body.value),
      new RegExp(measureId.replace(/\./g, '\\.')),
    );

    // The SSU's annual report for the case's year counts the decided case at FSU rehabilitering and,
    // within the plan's period, the new measure (not assessed yet).
    const reportAfter = await annualReport(year);
    const atRehab = reportAfter.cases.find((c) => c.forum === REHAB);
    assert.equal(atRehab?.total, 1, JSON.stringify(reportAfter.cases));
    assert.equal(atRehab.byState.decided, 1);
    if (year <= after.plan.periodEnd) {
      assert.equal(reportAfter.measureTotal, reportBefore.measureTotal + 1);
      assert.equal(reportAfter.measures.not_assessed, reportBefore.measures.not_assessed + 1);
    }

    // The measure's history says who made it and who linked the case.
    const history = await call<HistoryEntryDto[]>(
      world.bot,
      'GET',
      `/api/committees/${REHAB}/measures/${measureId}/history`,
      leader,
    );
    assert.deepEqual(
      history.body.map((h) => [h.kind, h.by.id, h.to ?? null]).sort(),
      [
        ['add', IDS.rehabLeader, null],
        ['case_linked', IDS.rehabLeader, number],
      ].sort(),
    );
  });

  it('links to an existing measure once, removes the link, and both are in the measure’s history', async () => {
    const number = await routedToRehab();
    const measure = measuresOf(await plan())[0]!;
    const link = () =>
      call(world.bot, 'POST', `/api/cases/${number}/links`, leader, {
        committeeId: REHAB,
        measureId: measure.id,
      });

    assert.equal((await link()).status, 201);
    const again = await link();
    assert.equal(again.status, 409);
    assert.equal(again.err.code, 'already_linked');
    assert.deepEqual(
      measuresOf(await plan())
        .find((m) => m.id === measure.id)
        ?.cases?.map((c) => c.number),
      [number],
    );

    const removed = await call(
      world.bot,
      'DELETE',
      `/api/cases/${number}/links/${REHAB}/${encodeURIComponent(measure.id)}`,
      leader,
    );
    assert.equal(removed.status, 204);
    assert.deepEqual(measuresOf(await plan()).find((m) => m.id === measure.id)?.cases, []);
    const detail = await call<CaseDetailResponse>(world.bot, 'GET', `/api/cases/${number}`, leader);
    assert.deepEqual(detail.body.measures, []);
    const gone = await call(
      world.bot,
      'DELETE',
      `/api/cases/${number}/links/${REHAB}/${encodeURIComponent(measure.id)}`,
      leader,
    );
    assert.equal(gone.status, 404);

    // The secretariat may link too (any committee's measure); a measure made from the case as well.
    const [second, third] = measuresOf(await plan()).slice(1, 3);
    const bySecretariat = await call(world.bot, 'POST', `/api/cases/${number}/links`, secretariat, {
      committeeId: REHAB,
      measureId: second!.id,
    });
    assert.equal(bySecretariat.status, 201);
    const madeBySecretariat = await call(world.bot, 'POST', `/api/cases/${number}/measures`, secretariat, {
      committeeId: REHAB,
      subGoalId: third!.subGoalId,
      text: 'Frå sekretariatet',
      responsible: 'Sekretariatet',
    });
    assert.equal(madeBySecretariat.status, 201);
    const linkedNow = await call<CaseDetailResponse>(world.bot, 'GET', `/api/cases/${number}`, leader);
    assert.deepEqual(
      linkedNow.body.measures?.map((m) => m.text),
      [second!.text, 'Frå sekretariatet'],
    );

    const history = await call<HistoryEntryDto[]>(
      world.bot,
      'GET',
      `/api/committees/${REHAB}/measures/${measure.id}/history`,
      leader,
    );
    const linkEntries = history.body.filter((h) => h.kind.startsWith('case_'));
    assert.deepEqual(linkEntries.map((h) => [h.kind, h.by.id, h.to ?? h.from]).sort(), [
      ['case_linked', IDS.rehabLeader, number],
      ['case_unlinked', IDS.rehabLeader, number],
    ]);
  });

  it('checks what is sent: unknown fields, missing ids and an unknown measure are refused, nothing stored', async () => {
    const number = await routedToRehab();
    const post = (path: string, body: unknown) =>
      call(world.bot, 'POST', `/api/cases/${number}/${path}`, leader, body);
    const missing = await post('links', { committeeId: REHAB });
    assert.equal(missing.status, 400);
    assert.equal(missing.err.field, 'measureId');
    const extra = await post('links', { committeeId: REHAB, measureId: 'x', note: '<b>hei</b>' });
    assert.equal(extra.status, 400);
    assert.doesNotMatch(extra.text, /at |\.ts/, 'no stack trace');
    assert.equal((await post('links', { committeeId: REHAB, measureId: `${REHAB}.g99.s1.m1` })).status, 404);
    assert.equal((await post('measures', { committeeId: REHAB, subGoalId: `${REHAB}.g99.s1` })).status, 404);
    const tooLong = await post('measures', {
      committeeId: REHAB,
      subGoalId: (await plan()).plan.mainGoals[0]!.subGoals[0]!.id,
      text: 'x'.repeat(5000),
    });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.err.field, 'text');
    const detail = await call<CaseDetailResponse>(world.bot, 'GET', `/api/cases/${number}`, leader);
    assert.deepEqual(detail.body.measures, []);
  });

  it('refuses a member who is not leader or deputy, another committee’s leader and the submitter; nothing stored', async () => {
    const number = await routedToRehab();
    const roles = world.bot.app.services.roles;
    const grantedAt = new Date().toISOString();
    await roles.grant({
      personId: 'aad-rehab-member',
      role: 'committee_member',
      scope: REHAB,
      grantedBy: IDS.admin,
      grantedAt,
    });
    await roles.grant({
      personId: 'aad-ikt-leader',
      role: 'committee_leader',
      scope: 'fsu-ikt',
      grantedBy: IDS.admin,
      grantedAt,
    });
    const before = await plan();
    const measure = measuresOf(before)[0]!;
    const subGoalId = before.plan.mainGoals[0]!.subGoals[0]!.id;
    // The leader links one measure, so that there is something the others might try to remove.
    assert.equal(
      (
        await call(world.bot, 'POST', `/api/cases/${number}/links`, leader, {
          committeeId: REHAB,
          measureId: measure.id,
        })
      ).status,
      201,
    );

    const tries: [string, Caller, number][] = [
      ['member', as('aad-rehab-member', 'Rolf Rehab'), 403],
      ['another committee’s leader', as('aad-ikt-leader', 'Ivar IKT'), 404],
      ['the submitter', as(IDS.submitter, 'Runa Bakke'), 403],
    ];
    const other = measuresOf(before)[1]!;
    for (const [who, caller, status] of tries) {
      const linked = await call(world.bot, 'POST', `/api/cases/${number}/links`, caller, {
        committeeId: REHAB,
        measureId: other.id,
      });
      assert.equal(linked.status, status, `${who} links`);
      const made = await call(world.bot, 'POST', `/api/cases/${number}/measures`, caller, {
        committeeId: REHAB,
        subGoalId,
      });
      assert.equal(made.status, status, `${who} makes a measure`);
      const unlinked = await call(
        world.bot,
        'DELETE',
        `/api/cases/${number}/links/${REHAB}/${encodeURIComponent(measure.id)}`,
        caller,
      );
      assert.equal(unlinked.status, status, `${who} unlinks`);
      // Another committee's leader gets the answer of a case that does not exist.
      if (status === 404) assert.equal(linked.err.code, 'not_found');
    }

    // Nothing stored: the plan has the same measures, the one link is the leader's.
    const after = await plan();
    assert.equal(measuresOf(after).length, measuresOf(before).length);
    assert.deepEqual(
      measuresOf(after)
        .filter((m) => m.cases?.length)
        .map((m) => [m.id, m.cases!.map((c) => c.number)]),
      [[measure.id, [number]]],
    );
    // The refusals are recorded.
    const denied = await roles.deniedAttempts();
    for (const personId of ['aad-rehab-member', 'aad-ikt-leader', IDS.submitter]) {
      assert.ok(
        denied.some((d) => d.personId === personId),
        `${personId}'s refusal is recorded`,
      );
    }
  });
});
