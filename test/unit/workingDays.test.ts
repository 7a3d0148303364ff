import assert from 'node:assert/strict';
import { norwegianHolidays, workingDaysBetween } from '../../bot/domain/routing/workingDays';

describe('working days for reminders (Oslo calendar, Norwegian public holidays)', () => {
  it('knows the moving holidays of 2026 and 2027', () => {
    const h2026 = norwegianHolidays(2026);
    // Easter Sunday 2026 is 5 April; Ascension 14 May; Whit Monday 25 May.
    for (const day of [
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-25',
      '2026-05-17',
      '2026-12-26',
    ]) {
      assert.ok(h2026.has(day), day);
    }
    assert.ok(norwegianHolidays(2027).has('2027-03-29'), 'Easter Monday 2027');
    assert.ok(!h2026.has('2026-04-07'));
  });

  const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+01:00`);
  const cases: [string, string, string, number][] = [
    ['Friday to Monday', '2026-11-20', '2026-11-23', 1],
    ['the same day', '2026-11-23', '2026-11-23', 0],
    ['a whole week', '2026-11-16', '2026-11-23', 5],
    ['over Easter 2026 (Wednesday to Tuesday after)', '2026-04-01', '2026-04-07', 1],
    ['over Christmas (23 Dec to 28 Dec 2026)', '2026-12-23', '2026-12-28', 2],
  ];
  for (const [name, from, to, expected] of cases) {
    it(`${name}: ${expected}`, () => assert.equal(workingDaysBetween(at(from), at(to)), expected));
  }

  it('uses the Oslo date: 23:30 on a Friday in Oslo is still Friday', () => {
    assert.equal(workingDaysBetween(new Date('2026-11-20T22:30:00Z'), at('2026-11-23')), 1);
  });
});
