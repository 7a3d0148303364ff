/** The three languages the app speaks. Nynorsk is the official form's language and the default. */
export const LANGUAGES = ['nn', 'nb', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Teams has no nynorsk display language, so most Norwegians arrive as `nb-NO`: that means bokmål.
 * `nn`, `no` and anything unknown get nynorsk, as the form; English where Teams says `en`.
 */
export function langFromLocale(locale: string | undefined): Lang {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'nb') return 'nb';
  if (primary === 'en') return 'en';
  return 'nn';
}

/** The words that switch language, in any of the three languages. */
export function langFromSwitchWord(text: string): Lang | undefined {
  const word = normalizeWord(text);
  if (word === 'nynorsk') return 'nn';
  if (word === 'bokmal' || word === 'bokmaal') return 'nb';
  if (word === 'english' || word === 'engelsk') return 'en';
  return undefined;
}

/** Lower case, trimmed, trailing punctuation and diacritics folded, for matching typed commands. */
export function normalizeWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .replace(/å/g, 'a')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}
