import type { Lang } from '../../bot/domain/i18n/language';
import type { Texts } from './texts/nn';

export type { Texts };

/**
 * Every text the tab shows, in nynorsk (default), bokmål and English. Labels that the domain already
 * has (priority groups, forums, agreement parts, form fields) are read from bot/domain through the
 * helpers in referenceLabels.ts, never copied; case states and the routing card's words through
 * caseTexts.ts.
 *
 * Each language is its own chunk (texts/nn.ts, nb.ts, en.ts): the tab loads the person's language
 * only (`loadTexts`, before the first page), then `texts(lang)` reads it.
 */
const catalog: Partial<Record<Lang, Texts>> = {};

const LOADERS: Record<Lang, () => Promise<Texts>> = {
  nn: () => import('./texts/nn').then((m) => m.nn),
  nb: () => import('./texts/nb').then((m) => m.nb),
  en: () => import('./texts/en').then((m) => m.en),
};

/** Loads a language's texts (once); `texts(lang)` may be called when it has resolved. */
export async function loadTexts(lang: Lang): Promise<Texts> {
  return (catalog[lang] ??= await LOADERS[lang]());
}

export function texts(lang: Lang): Texts {
  const loaded = catalog[lang];
  if (!loaded) throw new Error(`texts(${lang}) before loadTexts(${lang})`);
  return loaded;
}

/**
 * The spinner's label for the moment before the person's language chunk has arrived: the tab has no
 * texts yet, and a spinner needs an accessible name. Language-neutral on purpose; from then on the
 * spinner reads `t.loading`.
 */
export const BEFORE_TEXTS = '…';

export const LANGUAGE_NAMES: Record<Lang, string> = { nn: 'Nynorsk', nb: 'Bokmål', en: 'English' };

export function statusLabel(status: string, lang: Lang): string {
  return (texts(lang).status as Record<string, string>)[status] ?? status;
}
