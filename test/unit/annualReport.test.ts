import assert from 'node:assert/strict';
import { listEntryOf, type CaseListEntry } from '../../bot/domain/cases/caseList';
import type { CaseState } from '../../bot/domain/cases/caseModel';
import type { MeasureRecord, Plan } from '../../bot/domain/plans/plan';
import { ALL_GROUPS, UNTAGGED, annualReport, reportYears } from '../../bot/domain/reports/annualReport';
import { NONE } from '../../bot/domain/reports/annualStats';
import { annualReportRows } from '../../bot/domain/reports/exportRows';

/** The SSU's annual report from hand-made plans and cases whose figures are known. */
const measure = (id: string, over: Partial<MeasureRecord> = {}): MeasureRecord => ({
  type: 'measure',
  id,
  goalId: 'g1',
  subGoalId: 's1',
  text: id,
  priorityGroups: [],
  statusByYear: {},
  order: 1,
  retired: false,
  version: 1,
  ...over,
});

function plan(id: string, period: [number, number], measures: MeasureRecord[], retiredGoal = false): Plan {
  const common = { order: 1, version: 1 };
  return {
    committee: {
      id,
      kind: 'FSU',
      name: id,
      title: id,
      periodStart: period[0],
      periodEnd: period[1],
      version: 1,
    },
    mainGoals: [
      {
        ...common,
        type: 'goal',
        id: `${id}.g1`,
        text: 'g',
        retired: retiredGoal,
        subGoals: [
          { ...common, type: 'subgoal', id: `${id}.s1`, goalId: 'g1', text: 's', retired: false, measures },
        ],
      },
    ],
  };
}

/** A case's list row, as the report reads it, made from a stored case. */
function record(number: string, state: CaseState, groups?: string[] | string, forum?: string): CaseListEntry {
  const [year, seq] = number.split('-').map(Number) as [number, number];
  return listEntryOf({
    number,
    year,
    seq,
    title: number,
    state,
    answers: { title: number, ...(groups !== undefined ? { priorityGroups: groups } : {}) },
    submitter: { id: 's', name: 'S', lang: 'nn' },
    submittedAt: `${year}-03-01T09:00:00Z`,
    updatedAt: `${year}-03-01T09:00:00Z`,
    historyCount: 1,
    ...(forum
      ? {
          routing: {
            forumChain: [{ forum, kind: 'routed' as const, reason: 'r', by: { id: 'x', name: 'X' }, at: '' }],
            infoRequests: [],
          },
        }
      : {}),
  });
}

const PLANS = [
  plan(
    'a',
    [2023, 2026],
    [
      measure('a1', {
        priorityGroups: ['children_youth', 'frail_elderly'],
        statusByYear: { '2026': 'done' },
      }),
      measure('a2', { statusByYear: { '2026': 'in_progress' } }),
      measure('a3', { priorityGroups: ['children_youth'], statusByYear: { '2025': 'done' } }),
      measure('a4', { priorityGroups: ['children_youth'], retired: true, statusByYear: { '2026': 'done' } }),
    ],
  ),
  plan('b', [2027, 2030], [measure('b1', { priorityGroups: ['children_youth'] })]),
  plan('c', [2024, 2026], [measure('c1', { priorityGroups: ['frail_elderly'] })], true),
];

const CASES = [
  record('2026-001', 'routed', ['children_youth', 'frail_elderly'], 'fsu-rehabilitering'),
  record('2026-002', 'decided', 'children_youth', 'ssu'),
  record('2026-003', 'submitted'),
  record('2026-004', 'routed', ['not-a-group'], 'fsu-rehabilitering'),
  record('2025-001', 'decided', 'children_youth', 'ssu'),
];

describe('annual report (pure)', () => {
  const report = annualReport(PLANS, CASES, 2026);
  const byGroup = Object.fromEntries(report.groups.map((g) => [g.group, g]));

  it('has a row per priority group, then untagged, then all', () => {
    assert.deepEqual(
      report.groups.map((g) => g.group),
      [
        'children_youth',
        'mental_health_substance',
        'frail_elderly',
        'multiple_chronic',
        UNTAGGED,
        ALL_GROUPS,
      ],
    );
  });

  it("counts the year's status of each active measure of the plans covering the year, under each of its groups", () => {
    const rows = [
      // group: [done, in_progress, not_started, not_assessed], total
      ['children_youth', [1, 0, 0, 1], 2],
      ['mental_health_substance', [0, 0, 0, 0], 0],
      ['frail_elderly', [1, 0, 0, 0], 1],
      [UNTAGGED, [0, 1, 0, 0], 1],
      [ALL_GROUPS, [1, 1, 0, 1], 3],
    ] as const;
    for (const [group, [done, inProgress, notStarted, notAssessed], total] of rows) {
      const g = byGroup[group]!;
      assert.deepEqual(
        g.measures,
        { done, in_progress: inProgress, not_started: notStarted, not_assessed: notAssessed },
        group,
      );
      assert.equal(g.measureTotal, total, group);
    }
  });

  it("counts the year's cases by the forum that has them and by state, under each group; unknown tags are untagged", () => {
    const states = (partial: Partial<Record<CaseState, number>>) => ({
      submitted: 0,
      routing_proposed: 0,
      routed: 0,
      decided: 0,
      returned: 0,
      withdrawn: 0,
      ...partial,
    });
    assert.deepEqual(byGroup.children_youth!.cases, [
      { forum: 'ssu', byState: states({ decided: 1 }), total: 1 },
      { forum: 'fsu-rehabilitering', byState: states({ routed: 1 }), total: 1 },
    ]);
    assert.equal(byGroup.children_youth!.caseTotal, 2);
    assert.deepEqual(byGroup.mental_health_substance!.cases, []);
    assert.deepEqual(byGroup[UNTAGGED]!.cases, [
      { forum: 'fsu-rehabilitering', byState: states({ routed: 1 }), total: 1 },
      { forum: NONE, byState: states({ submitted: 1 }), total: 1 },
    ]);
    assert.deepEqual(byGroup[ALL_GROUPS]!.cases, [
      { forum: 'ssu', byState: states({ decided: 1 }), total: 1 },
      { forum: 'fsu-rehabilitering', byState: states({ routed: 2 }), total: 2 },
      { forum: NONE, byState: states({ submitted: 1 }), total: 1 },
    ]);
    assert.equal(byGroup[ALL_GROUPS]!.caseTotal, 4);
  });

  it('a year without plans or cases counts nothing; the years offered cover plans and cases', () => {
    const empty = annualReport(PLANS, CASES, 2031);
    assert.ok(empty.groups.every((g) => g.measureTotal === 0 && g.caseTotal === 0));
    assert.deepEqual(
      reportYears(PLANS, [2032], 2026),
      [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2032],
    );
  });

  it('as CSV rows: one per figure, labels in the language, every measure status, cases only where there are some', () => {
    const rows = annualReportRows(report, 'nn');
    assert.deepEqual(rows[0], ['År', 'Prioritert pasientgruppe', 'Kva', 'Forum', 'Status', 'Tal']);
    assert.deepEqual(rows.slice(1, 6), [
      [2026, 'Barn og unge', 'Tiltak', undefined, 'Ikkje vurdert', 1],
      [2026, 'Barn og unge', 'Tiltak', undefined, 'Ikkje gjennomført', 0],
      [2026, 'Barn og unge', 'Tiltak', undefined, 'Under planlegging / under arbeid', 0],
      [2026, 'Barn og unge', 'Tiltak', undefined, 'Gjennomført', 1],
      [2026, 'Barn og unge', 'Sak', 'Strategisk samarbeidsutval (SSU)', 'Avgjort', 1],
    ]);
    const en = annualReportRows(report, 'en');
    const untagged = en.filter((r) => r[1] === 'No priority patient group' && r[2] === 'Case');
    assert.deepEqual(untagged, [
      [
        2026,
        'No priority patient group',
        'Case',
        'Professional committee: Rehabilitation',
        'Assigned to a committee',
        1,
      ],
      [2026, 'No priority patient group', 'Case', undefined, 'Received', 1],
    ]);
    assert.equal(en.filter((r) => r[1] === 'All (each counted once)').length, 4 + 3);
  });
});
