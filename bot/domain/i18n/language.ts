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

/**
 * The one rule for a person's language: what they chose with "nynorsk", "bokmål" or "English";
 * else the language decided on their first turn and remembered (the caller stores the result), from
 * the locale Teams sent then; else (no locale, as in the Agents Playground's greeting) nynorsk.
 * A later turn with another locale does not change it, so the language never flips mid-conversation.
 */
export function personLang(remembered: Lang | undefined, locale: string | undefined): Lang {
  return remembered ?? langFromLocale(locale);
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
