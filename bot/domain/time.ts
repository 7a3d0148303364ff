import type { Lang } from './i18n/language';

/**
 * Every date a person sees is in Oslo time and in Norwegian form, in all three languages: 28.11.2026
 * and 28.11.2026 15:54 (24-hour clock). The parts come from Intl with a locale every runtime has
 * (en-GB) and are put together here, so a browser without nynorsk date data (it falls back to US
 * month-first dates and AM/PM) shows the same as the server.
 */
export const TIME_ZONE = 'Europe/Oslo';

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string | Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(
    osloParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value] as const),
  ) as Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
  const two = (v: string | undefined) => (v ?? '').padStart(2, '0');
  return {
    day: two(parts.day),
    month: two(parts.month),
    year: parts.year ?? '',
    hour: two(parts.hour),
    minute: two(parts.minute),
  };
}

/** dd.mm.yyyy in Oslo. `_lang` is kept for callers: the form is the same in every language. */
export function formatDate(iso: string | Date, _lang?: Lang): string {
  const p = partsOf(iso);
  return `${p.day}.${p.month}.${p.year}`;
}

/** dd.mm.yyyy HH:MM in Oslo, 24-hour clock. */
export function formatDateTime(iso: string | Date, _lang?: Lang): string {
  const p = partsOf(iso);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** The calendar year in Oslo: a case submitted at 23:30 on New Year's Eve belongs to the old year. */
export function osloYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(at));
}
