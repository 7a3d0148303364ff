import type { Lang } from './i18n/language';

/** Every date a person sees is in Oslo time, in the language's own format (dd.mm.yyyy in Norwegian). */
export const TIME_ZONE = 'Europe/Oslo';

const intlLocale: Record<Lang, string> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' };

export function formatDate(iso: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale[lang], {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale[lang], {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The calendar year in Oslo: a case submitted at 23:30 on New Year's Eve belongs to the old year. */
export function osloYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(at));
}
