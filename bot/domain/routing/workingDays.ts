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

/**
 * Whole working days (Monday to Friday, Oslo calendar) after `from`'s date up to and including
 * `to`'s date. A case sent on Friday and looked at on Monday has waited one working day. Public
 * holidays are not counted out (a reminder a day early on a holiday week is harmless).
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
    if (weekday !== 0 && weekday !== 6) count++;
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
