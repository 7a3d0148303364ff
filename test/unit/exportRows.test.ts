import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import type { MainGoal, MeasureRecord, Plan } from '../../bot/domain/plans/plan';
import { listEntryOf } from '../../bot/domain/cases/caseList';
import { caseExportRows, planExportRows } from '../../bot/domain/reports/exportRows';

/** The CSV exports' rows, shaped from the domain's labels, from a hand-made plan and case. */
const measure = (id: string, over: Partial<MeasureRecord> = {}): MeasureRecord => ({
  type: 'measure',
  id,
  goalId: 'c.g1',
  subGoalId: 'c.g1.s1',
  text: `Measure ${id}`,
  priorityGroups: [],
  statusByYear: {},
  order: 1,
  retired: false,
  version: 1,
  ...over,
});

const goal = (id: string, subGoals: MainGoal['subGoals'], retired = false): MainGoal => ({
  type: 'goal',
  id,
  text: `Goal ${id}`,
  order: 1,
  retired,
  version: 1,
  subGoals,
});

const subGoal = (id: string, measures: MeasureRecord[]): MainGoal['subGoals'][number] => ({
  type: 'subgoal',
  id,
  goalId: 'c.g1',
  text: `Sub-goal ${id}`,
  order: 1,
  retired: false,
  version: 1,
  measures,
});

const plan: Plan = {
  committee: { id: 'c', kind: 'FSU', name: 'C', title: 'T', periodStart: 2025, periodEnd: 2026, version: 1 },
  mainGoals: [
    goal('g1', [
      subGoal('s1', [
        measure('m1', {
          responsible: 'Helse Møre og Romsdal',
          priorityGroups: ['children_youth', 'frail_elderly'],
          statusByYear: { '2026': 'done' },
        }),
        measure('m2', { retired: true }),
      ]),
      subGoal('s2', []),
    ]),
    goal('g2', []),
    goal('g3', [], true),
  ],
};

describe('export rows (pure)', () => {
  it('the plan: a row per active measure, a row for an empty goal or sub-goal, statuses by year in words', () => {
    const rows = planExportRows(plan, 'en');
    assert.deepEqual(rows[0]!.slice(-3), ['Priority patient groups', 'Status 2025', 'Status 2026']);
    assert.deepEqual(rows.slice(1), [
      [
        'Goal g1',
        'Sub-goal s1',
        'Measure m1',
        'Helse Møre og Romsdal',
        undefined,
        undefined,
        undefined,
        undefined,
        'Children and young people, Frail elderly people',
        'Not assessed',
        'Done',
      ],
      ['Goal g1', 'Sub-goal s2'],
      ['Goal g2'],
    ]);
    assert.equal(planExportRows(plan, 'nn')[1]!.at(-1), 'Gjennomført');
  });

  it('the cases: state and forum in words, the date in Norwegian form, the age in whole days', () => {
    const record: CaseRecord = {
      number: '2026-007',
      year: 2026,
      seq: 7,
      title: 'Felles rutine',
      state: 'routed',
      answers: { title: 'Felles rutine' },
      submitter: { id: 's', name: 'Runa Bakke', lang: 'nn' },
      submittedAt: '2026-03-01T23:30:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
      historyCount: 2,
      routing: {
        forumChain: [{ forum: 'ssu', kind: 'routed', reason: 'r', by: { id: 'x', name: 'X' }, at: '' }],
        infoRequests: [],
      },
    };
    const rows = caseExportRows([listEntryOf(record)], 'nb', new Date('2026-03-11T12:00:00Z'));
    assert.deepEqual(rows[0], [
      'Saksnummer',
      'Tittel',
      'Status',
      'Forum',
      'Innmeldt',
      'Alder (dager)',
      'Innmelder',
    ]);
    assert.deepEqual(rows[1], [
      '2026-007',
      'Felles rutine',
      'Fordelt til utvalg',
      'Strategisk samarbeidsutvalg (SSU)',
      '02.03.2026',
      9,
      'Runa Bakke',
    ]);
  });
});
