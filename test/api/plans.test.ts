import assert from 'node:assert/strict';
import { forumById, underParents } from '../../bot/domain/forums/forums';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import { planYears } from '../../bot/domain/plans/planModel';
import { TablePlanRepository } from '../../bot/storage/tablePlanRepository';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import type {
  CommitteeSummary,
  HistoryEntryDto,
  MeasureDto,
  PlanResponse,
} from '../../bot/http/api/apiTypes';
import { call, grant, type Answer, type Caller } from './apiSupport';

const REHAB = 'fsu-rehabilitering';
const seedRehab = DEFAULT_PLANS.committees.find((c) => c.id === REHAB)!;
const firstMeasure = seedRehab.plan.mainGoals[0]!.subGoals[0]!.measures[0]!;

const member: Caller = { local: 'aad-member', name: 'Mari Medlem' };
const leader: Caller = { local: 'aad-leader', name: 'Eirin Leiar' };
const outsider: Caller = { local: 'aad-outsider', name: 'Ola Utanfor' };
const otherMember: Caller = { local: 'aad-other', name: 'Kari Annan' };

async function measureOf(
  bot: RunningBot,
  committee: string,
  measureId: string,
  as: Caller = outsider,
): Promise<MeasureDto> {
  const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${committee}/plan`, as);
  assert.equal(plan.status, 200);
  for (const g of plan.body.plan.mainGoals)
    for (const s of g.subGoals) for (const m of s.measures) if (m.id === measureId) return m;
  throw new Error(`no measure ${measureId}`);
}

describe('tab API: action plans', () => {
  let bot: RunningBot;

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }));
    await grant(bot, 'aad-member', 'committee_member', REHAB, 'Mari Medlem');
    await grant(bot, 'aad-leader', 'committee_leader', REHAB, 'Eirin Leiar');
    await grant(bot, 'aad-other', 'committee_member', 'fsu-ikt', 'Kari Annan');
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('the seeded plan is complete: every committee of the seed with its goals, sub-goals and measures as written', async () => {
    const list = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', outsider);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.map((c: { id: string }) => c.id),
      underParents(DEFAULT_PLANS.committees, (c) => c.id).map((c) => c.id),
      'every committee, in the order of the source, a working group right after its committee',
    );
    for (const seed of DEFAULT_PLANS.committees) {
      const answer: Answer<PlanResponse> = await call<PlanResponse>(
        bot,
        'GET',
        `/api/committees/${seed.id}/plan`,
        outsider,
      );
      assert.equal(answer.status, 200, seed.id);
      const { committee, plan, permissions } = answer.body;
      assert.equal(committee.name, forumById(seed.id)!.name.nn, 'the name is the forum definition’s');
      assert.equal(committee.leader, seed.leader);
      assert.equal(committee.deputy, seed.deputy);
      assert.equal(plan.title, seed.plan.title);
      assert.equal(plan.periodStart, seed.plan.periodStart);
      assert.equal(plan.periodEnd, seed.plan.periodEnd);
      assert.deepEqual(permissions, { updateStatus: false, edit: false });
      assert.equal(plan.mainGoals.length, seed.plan.mainGoals.length, `${seed.id}: main goals`);
      seed.plan.mainGoals.forEach((g, gi) => {
        const goal = plan.mainGoals[gi]!;
        assert.equal(goal.id, g.id);
        assert.equal(goal.text, g.text);
        assert.equal(goal.retired, false);
        assert.equal(goal.subGoals.length, g.subGoals.length, `${g.id}: sub-goals`);
        g.subGoals.forEach((s, si) => {
          const subGoal = goal.subGoals[si]!;
          assert.equal(subGoal.id, s.id);
          assert.equal(subGoal.text, s.text);
          assert.equal(subGoal.measures.length, s.measures.length, `${s.id}: measures`);
          s.measures.forEach((m, mi) => {
            const measure = subGoal.measures[mi]!;
            assert.equal(measure.id, m.id);
            assert.equal(measure.text, m.text, `${m.id}: text as written`);
            for (const field of [
              'responsible',
              'timeline',
              'taskHospital',
              'taskMunicipalities',
              'measuringTool',
            ] as const) {
              assert.equal(measure[field], m[field], `${m.id}.${field}`);
            }
            assert.deepEqual(measure.priorityGroups, m.priorityGroups, `${m.id}: priority groups`);
            assert.deepEqual(measure.statusByYear, m.statusByYear, `${m.id}: status per year`);
            assert.equal(measure.order, mi + 1);
            assert.ok(measure.etag, 'every measure carries its etag');
          });
        });
      });
    }
  });

  it('counts per committee for the year asked, and statuses from the seed text', async () => {
    const list = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees?year=2023', outsider);
    const kunnskap = list.body.find(
      (c: { id: string }) => c.id === 'fsu-kunnskapsoverforing-forsking-utdanning',
    )!;
    assert.equal(kunnskap.year, 2023);
    assert.equal(kunnskap.counts.done, 1, '«Er etablert» is done in 2023');
    const measures = DEFAULT_PLANS.committees
      .find((c) => c.id === kunnskap.id)!
      .plan.mainGoals.flatMap((g) => g.subGoals.flatMap((s) => s.measures)).length;
    const { done, in_progress, not_started, not_assessed } = kunnskap.counts;
    const total = done + in_progress + not_started + not_assessed;
    assert.equal(total, measures);
    const bad = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees?year=20x3', outsider);
    assert.equal(bad.status, 400);
    assert.equal(bad.err.code, 'bad_request');
  });

  it('a committee member changes a status: stored with its history, and it survives a re-read', async () => {
    const before = await measureOf(bot, REHAB, firstMeasure.id);
    const put = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
      member,
      {
        year: 2024,
        status: 'in_progress',
        comment: 'Arbeidsgruppa er i gang – møte i mars.',
        etag: before.etag,
      },
    );
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.measure.statusByYear['2024'], 'in_progress');
    assert.notEqual(put.body.measure.etag, before.etag);

    // A fresh app on the same tables reads it back from storage.
    const again = await RunningBot.start({ ...bot.app.services.config });
    try {
      const after = await measureOf(again, REHAB, firstMeasure.id);
      assert.equal(after.statusByYear['2024'], 'in_progress');
      assert.equal(after.statusByYear['2023'], 'not_assessed');
      const history = await call<HistoryEntryDto[]>(
        again,
        'GET',
        `/api/committees/${REHAB}/measures/${firstMeasure.id}/history`,
        outsider,
      );
      assert.equal(history.status, 200);
      assert.equal(history.body.length, 1);
      const entry = history.body[0]!;
      assert.deepEqual(entry.by, { id: 'aad-member', name: 'Mari Medlem' });
      assert.equal(entry.kind, 'status');
      assert.equal(entry.year, 2024);
      assert.equal(entry.from, 'not_assessed');
      assert.equal(entry.to, 'in_progress');
      assert.equal(entry.comment, 'Arbeidsgruppa er i gang – møte i mars.');
      assert.ok(!Number.isNaN(Date.parse(entry.at)));
      const counts = await call<CommitteeSummary[]>(again, 'GET', '/api/committees?year=2024', outsider);
      assert.equal(counts.body.find((c) => c.id === REHAB)?.counts.in_progress, 1);
    } finally {
      await again.stop();
    }

    // A second change lists newest first.
    const second = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
      member,
      {
        year: 2024,
        status: 'done',
        etag: put.body.measure.etag,
      },
    );
    assert.equal(second.status, 200, second.text);
    const history = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/history`,
      member,
    );
    assert.deepEqual(
      history.body.map((e) => `${e.from}>${e.to}`),
      ['in_progress>done', 'not_assessed>in_progress'],
    );
  });

  it('a non-member (and a member of another committee) gets 403 and nothing changes', async () => {
    const before = await measureOf(bot, REHAB, firstMeasure.id);
    for (const who of [outsider, otherMember]) {
      const put = await call<{ measure: MeasureDto }>(
        bot,
        'PUT',
        `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
        who,
        {
          year: 2024,
          status: 'done',
          etag: before.etag,
        },
      );
      assert.equal(put.status, 403);
      assert.equal(put.err.code, 'forbidden');
    }
    const after = await measureOf(bot, REHAB, firstMeasure.id);
    assert.deepEqual(after, before);
    const history = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/history`,
      member,
    );
    assert.deepEqual(history.body, []);
    const denied = await bot.app.services.roles.deniedAttempts();
    assert.ok(denied.some((d) => d.personId === 'aad-outsider' && d.action === 'plan.update_status'));
    const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, member);
    assert.deepEqual(plan.body.permissions, { updateStatus: true, edit: false });
  });

  it('a stale etag gets 409 with the current measure, and the later write is not lost', async () => {
    const before = await measureOf(bot, REHAB, firstMeasure.id);
    const first = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
      member,
      {
        year: 2023,
        status: 'done',
        etag: before.etag,
      },
    );
    assert.equal(first.status, 200);
    const stale = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
      leader,
      {
        year: 2023,
        status: 'not_started',
        etag: before.etag,
      },
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.err.code, 'conflict');
    assert.equal((stale.err.current as MeasureDto).statusByYear['2023'], 'done');
    assert.equal(stale.err.current?.etag, first.body.measure.etag);
    assert.equal((await measureOf(bot, REHAB, firstMeasure.id)).statusByYear['2023'], 'done');
  });

  it('bad input gets 400 with a message saying what is wrong, and nothing is stored', async () => {
    const before = await measureOf(bot, REHAB, firstMeasure.id);
    const path = `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`;
    const cases: [unknown, RegExp][] = [
      [{ year: 2031, status: 'done', etag: before.etag }, /year must be within the plan years 2022-2026/],
      [{ year: '2024', status: 'done', etag: before.etag }, /year must be a whole number/],
      [{ year: 2024, status: 'finished', etag: before.etag }, /status must be one of/],
      [
        { year: 2024, status: 'done', etag: before.etag, comment: 'x'.repeat(1001) },
        /comment is 1001 characters; at most 1000/,
      ],
      [{ year: 2024, status: 'done' }, /etag is required/],
      [{ year: 2024, status: 'done', etag: before.etag, colour: 'green' }, /Unknown field "colour"/],
      [
        { year: 2024, status: 'done', etag: before.etag, comment: 'Gjeld 01010012356' },
        /national identity number/,
      ],
      ['{not json', /not valid JSON/],
      [[1, 2], /must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const answer: Answer<unknown> = await call(bot, 'PUT', path, member, body);
      assert.equal(answer.status, 400, `${JSON.stringify(body)} → ${answer.text}`);
      assert.match(answer.err.error, message);
      assert.ok(['bad_request', 'invalid_json', 'national_id'].includes(answer.err.code));
    }
    assert.deepEqual(await measureOf(bot, REHAB, firstMeasure.id), before);
    const history = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/history`,
      member,
    );
    assert.deepEqual(history.body, []);
    const missing = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${REHAB}.g1.s1.m999/status`,
      member,
      {
        year: 2024,
        status: 'done',
        etag: before.etag,
      },
    );
    assert.equal(missing.status, 404);
    assert.equal((await call(bot, 'GET', '/api/committees/no-such/plan', member)).status, 404);
  });

  it('leaders add, edit, reorder and retire goals, sub-goals and measures; each change is in the history', async () => {
    const goal = await call<{ item: MeasureDto }>(bot, 'POST', `/api/committees/${REHAB}/goals`, leader, {
      text: 'Nytt hovudmål',
    });
    assert.equal(goal.status, 201, goal.text);
    assert.equal(goal.body.item.id, `${REHAB}.g${seedRehab.plan.mainGoals.length + 1}`);
    const sub = await call<{ item: MeasureDto }>(
      bot,
      'POST',
      `/api/committees/${REHAB}/goals/${goal.body.item.id}/subgoals`,
      leader,
      {
        text: 'Nytt delmål',
      },
    );
    assert.equal(sub.status, 201, sub.text);
    const m1 = await call<{ item: MeasureDto }>(
      bot,
      'POST',
      `/api/committees/${REHAB}/subgoals/${sub.body.item.id}/measures`,
      leader,
      {
        text: 'Første tiltak',
        responsible: 'FSU',
        priorityGroups: ['frail_elderly'],
      },
    );
    const m2 = await call<{ item: MeasureDto }>(
      bot,
      'POST',
      `/api/committees/${REHAB}/subgoals/${sub.body.item.id}/measures`,
      leader,
      {
        text: 'Andre tiltak',
      },
    );
    assert.equal(m1.status, 201, m1.text);
    assert.equal(m2.status, 201, m2.text);
    assert.deepEqual(Object.keys(m1.body.item.statusByYear), planYears(seedRehab.plan));
    assert.equal(m1.body.item.order, 1);
    assert.equal(m2.body.item.order, 2);

    const edited = await call<{ item: MeasureDto }>(
      bot,
      'PATCH',
      `/api/committees/${REHAB}/items/${m1.body.item.id}`,
      leader,
      {
        etag: m1.body.item.etag,
        text: 'Første tiltak, retta',
        timeline: '2025',
        responsible: '',
      },
    );
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.item.text, 'Første tiltak, retta');
    assert.equal(edited.body.item.timeline, '2025');
    assert.equal(edited.body.item.responsible, undefined);

    const moved = await call<{ items: MeasureDto[] }>(
      bot,
      'POST',
      `/api/committees/${REHAB}/items/${m2.body.item.id}/move`,
      leader,
      {
        direction: 'up',
      },
    );
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual(
      moved.body.items.map((i: { id: string }) => i.id),
      [m2.body.item.id, m1.body.item.id],
    );

    const current = await measureOf(bot, REHAB, m1.body.item.id);
    const retired = await call<{ item: MeasureDto }>(
      bot,
      'POST',
      `/api/committees/${REHAB}/items/${m1.body.item.id}/retire`,
      leader,
      {
        etag: current.etag,
        retired: true,
      },
    );
    assert.equal(retired.status, 200, retired.text);
    assert.equal(retired.body.item.retired, true);

    const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, leader);
    assert.deepEqual(plan.body.permissions, { updateStatus: true, edit: true });
    const newGoal = plan.body.plan.mainGoals.at(-1)!;
    assert.equal(newGoal.text, 'Nytt hovudmål');
    assert.deepEqual(
      newGoal.subGoals[0]!.measures.map((m: { text: string; retired: boolean }) => `${m.text}:${m.retired}`),
      ['Andre tiltak:false', 'Første tiltak, retta:true'],
    );
    assert.ok(plan.body.plan.version > 1, 'structural changes bump the plan version');

    const history = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/items/${m1.body.item.id}/history`,
      leader,
    );
    // m1 was moved only as the other one's neighbour: the reorder is recorded on m2.
    assert.deepEqual(
      history.body.map((e: { kind: string }) => e.kind),
      ['retire', 'edit', 'add'],
    );
    const edit = history.body.find((e: { kind: string }) => e.kind === 'edit')!;
    assert.deepEqual(edit.changes!.map((c: { field: string }) => c.field).sort(), [
      'responsible',
      'text',
      'timeline',
    ]);
    const m2History = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/items/${m2.body.item.id}/history`,
      leader,
    );
    assert.deepEqual(
      m2History.body.map(
        (e: { kind: string; from?: string; to?: string }) => `${e.kind}:${e.from ?? ''}>${e.to ?? ''}`,
      ),
      ['reorder:2>1', 'add:>'],
    );

    // A retired measure takes no status changes.
    const afterRetire = await measureOf(bot, REHAB, m1.body.item.id);
    const refused = await call<{ measure: MeasureDto }>(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${m1.body.item.id}/status`,
      leader,
      {
        year: 2024,
        status: 'done',
        etag: afterRetire.etag,
      },
    );
    assert.equal(refused.status, 400);
    assert.match(refused.err.error, /retired/);
  });

  it('members may not edit: 403 for every edit, and the plan is unchanged', async () => {
    const before = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, member);
    const goalId = seedRehab.plan.mainGoals[0]!.id;
    const attempts: [string, string, unknown][] = [
      ['POST', `/api/committees/${REHAB}/goals`, { text: 'x' }],
      ['POST', `/api/committees/${REHAB}/goals/${goalId}/subgoals`, { text: 'x' }],
      ['POST', `/api/committees/${REHAB}/subgoals/${goalId}.s1/measures`, { text: 'x' }],
      [
        'PATCH',
        `/api/committees/${REHAB}/items/${goalId}`,
        { etag: before.body.plan.mainGoals[0]!.etag, text: 'x' },
      ],
      ['POST', `/api/committees/${REHAB}/items/${goalId}/move`, { direction: 'down' }],
      [
        'POST',
        `/api/committees/${REHAB}/items/${goalId}/retire`,
        { etag: before.body.plan.mainGoals[0]!.etag, retired: true },
      ],
    ];
    for (const [method, path, body] of attempts) {
      const answer: Answer<unknown> = await call(bot, method, path, member, body);
      assert.equal(answer.status, 403, `${method} ${path}`);
    }
    const after = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, member);
    assert.deepEqual(after.body, before.body);
  });

  it('seeding runs once: a restart and two concurrent seeders write every row exactly once', async () => {
    const config = bot.app.services.config;
    const before = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, outsider);
    const restarted = await RunningBot.start({ ...config });
    try {
      const after = await call<PlanResponse>(restarted, 'GET', `/api/committees/${REHAB}/plan`, outsider);
      assert.deepEqual(after.body.plan, before.body.plan, 'a restart does not re-seed or change anything');
    } finally {
      await restarted.stop();
    }

    // Fresh tables, two instances seeding at the same moment.
    const fresh = testConfig();
    const first = await RunningBot.start(fresh);
    await first.stop();
    const table = first.app.storage.table('plans');
    for await (const row of table.listEntities()) await table.deleteEntity(row.partitionKey!, row.rowKey!);
    const a = new TablePlanRepository(table);
    const b = new TablePlanRepository(first.app.storage.table('plans'));
    const [ra, rb] = await Promise.all([
      a.seed(DEFAULT_PLANS, new Date()),
      b.seed(DEFAULT_PLANS, new Date()),
    ]);
    const expectedRows = DEFAULT_PLANS.committees.reduce(
      (n, c) =>
        n +
        1 +
        c.plan.mainGoals.reduce(
          (m, g) => m + 1 + g.subGoals.reduce((k, s) => k + 1 + s.measures.length, 0),
          0,
        ),
      0,
    );
    assert.equal(ra.rows + rb.rows, expectedRows, 'each row written by exactly one of them');
    const plans = await a.allPlans();
    assert.equal(plans.length, DEFAULT_PLANS.committees.length);
    let rows = 0;
    for await (const _row of table.listEntities()) rows++;
    assert.equal(rows, expectedRows + 1, 'plus the marker row');
  });
});
