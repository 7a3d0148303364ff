import type { Lang } from '../../bot/domain/i18n/language';
import { forumById } from '../../bot/domain/forums/forums';
import { AGREEMENT_PARTS, FORUMS, forumByValue, PRIORITY_GROUPS } from '../../bot/domain/partnership';
import { texts } from './texts';

/*
 * The partnership's reference lists (forums, priority groups, agreement parts) in the tab's language.
 * Apart from texts.ts so that only the pages that name them load them: the first load stays small.
 */
/** Labels the domain owns. */
export function priorityGroupLabel(value: string, lang: Lang): string {
  return PRIORITY_GROUPS.find((g) => g.value === value)?.label[lang] ?? value;
}

/** Statistics use this key for "no forum yet" / "no agreement part named". */
const NONE_KEY = 'none';

export function forumLabel(value: string | undefined, lang: Lang): string {
  if (!value || value === NONE_KEY) return texts(lang).cases.noForum;
  return forumByValue(value)?.label[lang] ?? value;
}

/**
 * A committee's name in the tab's language, from the one forum definition (bot/domain/forums); the
 * short name where space is tight. A committee no forum defines keeps the name the API gave.
 */
export function committeeName(
  c: { id: string; name: string; shortName?: string },
  lang: Lang,
  length: 'full' | 'short' = 'full',
): string {
  const forum = forumById(c.id);
  if (!forum) return length === 'short' ? (c.shortName ?? c.name) : c.name;
  return length === 'short' ? forum.shortName[lang] : forum.name[lang];
}

export function agreementPartLabel(value: string, lang: Lang): string {
  if (value === NONE_KEY) return texts(lang).stats.noPart;
  return AGREEMENT_PARTS.find((p) => p.value === value)?.label[lang] ?? value;
}

export { PRIORITY_GROUPS, FORUMS, AGREEMENT_PARTS };
