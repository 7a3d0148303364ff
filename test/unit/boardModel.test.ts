import assert from 'node:assert/strict';
import {
  boardQuery,
  boardYear,
  filtersFrom,
  matches,
  statusColumns,
  type BoardMeasure,
} from '../../tab/src/pages/planData';

/** The Tavle's pure rules, as tables. */
const PERIOD = { periodStart: 2023, periodEnd: 2026 };

describe('board year: the year the Tavle opens on', () => {
  const cases: [string, number, string | null, string][] = [
    ['this year inside the period', 2025, null, '2025'],
    ['before the period: its first year', 2021, null, '2023'],
    ['after the period: its last year', 2028, null, '2026'],
    ['a year in the address wins', 2025, '2024', '2024'],
    ['a year outside the period in the address is ignored', 2025, '2030', '2025'],
    ['nonsense in the address is ignored', 2025, 'abc', '2025'],
  ];
  for (const [name, thisYear, wanted, expected] of cases)
    it(name, () => assert.equal(boardYear(PERIOD, thisYear, wanted), expected));
});

describe('board filters and columns', () => {
  const item = (id: string, sub: string, responsible: string | undefined, groups: string[], y2025?: string) =>
    ({
      measure: {
        id,
        responsible,
        priorityGroups: groups,
        statusByYear: y2025 ? { '2025': y2025 } : {},
      },
      subGoal: { id: sub, number: '1.1', text: sub },
    }) as unknown as BoardMeasure;
  const items = [
    item('a', 's1', 'Siv', ['children_youth'], 'done'),
    item('b', 's1', ' Siv ', [], 'in_progress'),
    item('c', 's2', undefined, ['children_youth']),
  ];

  const filterCases: [string, string, string[]][] = [
    ['no filter: all', '', ['a', 'b', 'c']],
    ['by sub-goal', 'subGoal=s1', ['a', 'b']],
    ['by responsible, ignoring surrounding spaces', 'responsible=Siv', ['a', 'b']],
    ['by priority group', 'priorityGroup=children_youth', ['a', 'c']],
    ['filters combine', 'subGoal=s1&priorityGroup=children_youth', ['a']],
  ];
  for (const [name, query, expected] of filterCases)
    it(name, () => {
      const filters = filtersFrom(new URLSearchParams(query));
      assert.deepEqual(
        items.filter((i) => matches(i, filters)).map((i) => i.measure.id),
        expected,
      );
    });

  it('puts each measure in one column per status, a missing status in "not assessed"', () => {
    const columns = statusColumns(items, '2025').map((c) => [c.status, c.measures.map((m) => m.measure.id)]);
    assert.deepEqual(columns, [
      ['not_assessed', ['c']],
      ['not_started', []],
      ['in_progress', ['b']],
      ['done', ['a']],
    ]);
  });

  it('keeps the year and only the filters that are set in the address', () => {
    const query = boardQuery('2025', { subGoal: '', responsible: 'Siv', priorityGroup: '' });
    assert.equal(query.toString(), 'year=2025&responsible=Siv');
  });
});
