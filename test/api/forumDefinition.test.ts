import assert from 'node:assert/strict';
import { caseCard } from '../../bot/cards/caseCards';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { forumById } from '../../bot/domain/forums/forums';
import { FORUMS } from '../../bot/domain/partnership';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import type { SeedFile, SeedMainGoal } from '../../bot/domain/plans/planModel';
import { SEED_UPDATE_ACTOR } from '../../bot/domain/plans/seedUpdates';
import type { CommitteeSummary, PlanResponse } from '../../bot/http/api/apiTypes';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TablePlanRepository } from '../../bot/storage/tablePlanRepository';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig, testStorage, uniquePrefix } from '../support/globalAzurite';
import { allText } from '../routing/routingWorld';
import { call, grant, type Caller } from './apiSupport';

const REHAB = 'fsu-rehabilitering';
const WORKING_GROUP = 'fsu-rehabilitering-koordinering';
const secretariat: Caller = { local: 'aad-sek', name: 'Siri Sekretariat' };
const SIRI = { id: 'aad-sek', name: 'Siri Sekretariat' };

const allMeasures = (plan: PlanResponse['plan']) =>
  plan.mainGoals.flatMap((g) => g.subGoals.flatMap((s) => s.measures));

describe('tab API: committee names and the working group come from the one forum definition', () => {
  let bot: RunningBot;
  let caseNumber: string;

  before(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2026-11-28T10:00:00Z'));
    await grant(bot, 'aad-sek', 'secretariat_leader', '*', 'Siri Sekretariat');
    const record = await submitCase(bot.app.services.cases, {
      draftId: 'forum-names-1',
      answers: REFERENCE_STORED,
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date('2026-11-20T10:00:00Z'),
    });
    const at = '2026-11-21T10:00:00Z';
    const routed = await bot.app.services.cases.transition(
      record,
      {
        ...record,
        state: 'routed',
        historyCount: 2,
        updatedAt: at,
        routing: {
          forumChain: [{ forum: REHAB, kind: 'routed', reason: 'test', by: SIRI, at }],
          infoRequests: [],
        },
      },
      { caseNumber: record.number, seq: 2, at, by: SIRI, from: 'submitted', to: 'routed' },
    );
    assert.ok(routed);
    caseNumber = record.number;
  });
  after(async () => {
    await bot.stop();
  });

  it('the committee list names each committee as its forum is defined, the working group under its committee', async () => {
    const list = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', secretariat);
    assert.equal(list.status, 200);
    for (const c of list.body) {
      const forum = forumById(c.id)!;
      assert.equal(c.name, forum.name.nn, c.id);
      assert.equal(c.shortName, forum.shortName.nn, c.id);
    }
    const ids = list.body.map((c) => c.id);
    assert.equal(ids.indexOf(WORKING_GROUP), ids.indexOf(REHAB) + 1, 'listed right after FSU rehabilitering');
    const group = list.body.find((c) => c.id === WORKING_GROUP)!;
    assert.equal(group.kind, 'working_group');
    assert.equal(group.parentId, REHAB);
    assert.equal(list.body.filter((c) => c.kind === 'FSU').length, 12, 'no 13th FSU');
  });

  it('the routing card and the cases CSV name the forum as the committee list does', async () => {
    const list = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', secretariat);
    const rehabName = list.body.find((c) => c.id === REHAB)!.name;

    const csv = await call(bot, 'GET', '/api/export/cases.csv?lang=nn', secretariat);
    assert.ok(csv.text.includes(`"${rehabName}"`), 'the CSV forum column');
    const en = await call(bot, 'GET', '/api/export/cases.csv?lang=en', secretariat);
    assert.ok(en.text.includes(`"${forumById(REHAB)!.name.en}"`), 'in English too');

    const record = await bot.app.services.cases.get(caseNumber);
    assert.ok(record);
    const viewer = {
      lang: 'nn' as const,
      secretariat: true,
      ssuLeadership: false,
      forumLeadership: false,
      submitter: false,
      view: 'full' as const,
    };
    const routedCard = caseCard(record, [], viewer, { approvalsRequired: 1 });
    assert.ok(allText(routedCard).includes(rehabName), 'the card of the routed case');

    // The forums offered on the secretariat's card: the routing forums by the same names, no working group.
    const proposing = JSON.stringify(
      caseCard({ ...record, state: 'submitted' }, [], viewer, { approvalsRequired: 1 }),
    );
    for (const forum of FORUMS) assert.ok(proposing.includes(JSON.stringify(forum.label.nn)), forum.value);
    assert.ok(!proposing.includes(WORKING_GROUP), 'the working group is not offered');
  });

  it('the working group’s goals stand once, in its own plan; FSU rehabilitering keeps its own', async () => {
    const rehab = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, secretariat);
    const group = await call<PlanResponse>(bot, 'GET', `/api/committees/${WORKING_GROUP}/plan`, secretariat);
    assert.deepEqual(
      rehab.body.plan.mainGoals.map((g) => g.id),
      [`${REHAB}.g1`],
    );
    assert.equal(group.body.plan.mainGoals.length, 3);
    const groupTexts = new Set(group.body.plan.mainGoals.map((g) => g.text));
    assert.ok(!rehab.body.plan.mainGoals.some((g) => groupTexts.has(g.text)));
    assert.equal(group.body.committee.name, forumById(WORKING_GROUP)!.name.nn);
  });

  it('the joint plan keeps status years 2022-2026: the seed’s columns and the rest of the period', async () => {
    const rehab = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, secretariat);
    assert.equal(rehab.body.plan.firstStatusYear, 2022);
    assert.equal(rehab.body.plan.periodStart, 2023);
    for (const m of allMeasures(rehab.body.plan)) {
      assert.deepEqual(Object.keys(m.statusByYear).sort(), ['2022', '2023', '2024', '2025', '2026']);
    }
    const plan = await call(bot, 'GET', `/api/export/committees/${REHAB}/plan.csv`, secretariat);
    assert.ok(plan.text.includes('"Status 2022"'));
  });
});

/** The seed as it was before the forum definition: the working group's goals also in FSU rehabilitering. */
function oldSeed(): SeedFile {
  const file = structuredClone(DEFAULT_PLANS);
  const group = file.committees.find((c) => c.id === WORKING_GROUP)!;
  const rehab = file.committees.find((c) => c.id === REHAB)!;
  group.plan.mainGoals.forEach((goal, i) => {
    const copy = JSON.stringify(goal).replaceAll(`${WORKING_GROUP}.g${i + 1}`, `${REHAB}.g${i + 2}`);
    rehab.plan.mainGoals.push(JSON.parse(copy) as SeedMainGoal);
  });
  for (const committee of file.committees) {
    if (committee.plan.firstStatusYear === undefined) continue;
    delete committee.plan.firstStatusYear;
    for (const goal of committee.plan.mainGoals)
      for (const subGoal of goal.subGoals) for (const m of subGoal.measures) delete m.statusByYear['2022'];
  }
  return file;
}

describe('a store seeded before the forum definition gets the fix once, on start', () => {
  it('retires the copies in FSU rehabilitering, adds the 2022 status year, names from the definition; twice is once', async () => {
    const prefix = uniquePrefix();
    const account = new StorageAccount(testStorage(), prefix);
    await account.ensureTables(['plans']);
    const table = account.table('plans');
    const repository = new TablePlanRepository(table);
    await repository.seed(oldSeed(), new Date('2025-01-01T00:00:00Z'));
    // The row as the old seed wrote it: the plan's own name for the committee.
    await table.updateEntity({ partitionKey: REHAB, rowKey: 'committee', name: 'FSU gamalt namn' }, 'Merge');

    const config = testConfig({ localIdentity: true, tablePrefix: prefix });
    let bot = await RunningBot.start(config, () => new Date('2026-11-28T10:00:00Z'));
    try {
      const rehab = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, secretariat);
      assert.equal(rehab.body.committee.name, forumById(REHAB)!.name.nn);
      const goals = rehab.body.plan.mainGoals.map((g) => [g.id, g.retired]);
      assert.deepEqual(goals, [
        [`${REHAB}.g1`, false],
        [`${REHAB}.g2`, true],
        [`${REHAB}.g3`, true],
        [`${REHAB}.g4`, true],
      ]);
      const history = await call<{ by: { id: string }; kind: string }[]>(
        bot,
        'GET',
        `/api/committees/${REHAB}/items/${REHAB}.g2/history`,
        secretariat,
      );
      assert.deepEqual(
        history.body.map((h) => [h.kind, h.by.id]),
        [['retire', SEED_UPDATE_ACTOR.id]],
      );
      assert.equal(rehab.body.plan.firstStatusYear, 2022);
      for (const m of allMeasures(rehab.body.plan)) assert.ok('2022' in m.statusByYear, m.id);

      const kunnskap = await call<PlanResponse>(
        bot,
        'GET',
        '/api/committees/fsu-kunnskapsoverforing-forsking-utdanning/plan',
        secretariat,
      );
      const established = allMeasures(kunnskap.body.plan).find((m) => m.statusByYear['2023'] === 'done');
      assert.ok(established, 'a status already set is kept');
      assert.equal(established.statusByYear['2022'], 'not_assessed');
    } finally {
      await bot.stop();
    }

    const before = await repository.getCommittee(REHAB);
    bot = await RunningBot.start(config, () => new Date('2026-11-29T10:00:00Z'));
    await bot.stop();
    assert.equal(
      (await repository.getCommittee(REHAB))!.version,
      before!.version,
      'a second start changes nothing',
    );
    assert.equal((await repository.history(REHAB, `${REHAB}.g2`)).length, 1);
  });
});
