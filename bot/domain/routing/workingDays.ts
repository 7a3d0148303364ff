import { TIME_ZONE } from '../time';

/** The calendar date in Oslo as yyyy-mm-dd. */
export function osloDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Easter Sunday (Gregorian, the anonymous algorithm) as a UTC-noon date. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day, 12));
}

const holidayCache = new Map<number, Set<string>>();

/**
 * Norwegian public holidays (helligdagar and 1 and 17 May) of a year as yyyy-mm-dd: New Year's Day,
 * Maundy Thursday, Good Friday, Easter Sunday and Monday, 1 May, 17 May, Ascension Day, Whit Sunday
 * and Monday, Christmas Day and Boxing Day.
 */
export function norwegianHolidays(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    const easter = easterSunday(year).getTime();
    const fromEaster = [-3, -2, 0, 1, 39, 49, 50].map((offset) =>
      new Date(easter + offset * 86_400_000).toISOString().slice(0, 10),
    );
    days = new Set([
      `${year}-01-01`,
      `${year}-05-01`,
      `${year}-05-17`,
      `${year}-12-25`,
      `${year}-12-26`,
      ...fromEaster,
    ]);
    holidayCache.set(year, days);
  }
  return days;
}

/**
 * Whole working days (Monday to Friday that are not Norwegian public holidays, Oslo calendar) after
 * `from`'s date up to and including `to`'s date. A case sent on Friday and looked at on Monday has
 * waited one working day; one sent on the Wednesday before Easter and looked at on Easter Monday, none.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = osloDate(from);
  const end = osloDate(to);
  if (end <= start) return 0;
  let count = 0;
  // Walk calendar dates as UTC noon, which has no DST edge.
  const day = new Date(`${start}T12:00:00Z`);
  const last = new Date(`${end}T12:00:00Z`);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day > last) break;
    const weekday = day.getUTCDay();
    const date = day.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !norwegianHolidays(day.getUTCFullYear()).has(date)) count++;
  }
  return count;
}

/** yyyy-mm-dd that is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
