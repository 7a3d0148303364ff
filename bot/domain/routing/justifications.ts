import type { Lang, Localized } from '../i18n/language';

/**
 * The secretariat's short list of standard reasons, offered when returning or routing a case. The
 * chosen text can be edited on the card before it is sent; what is sent is stored with the case.
 */
export interface Justification {
  /** Short stable id, e.g. "j1"; shown as its number in the commands. */
  id: string;
  text: Localized;
  updatedBy: string;
  updatedAt: string;
}

export const DEFAULT_JUSTIFICATIONS: { id: string; text: Localized }[] = [
  {
    id: 'j1',
    text: {
      nn: 'Saka høyrer heime i det lokale samarbeidsutvalet for sjukehusområdet.',
      nb: 'Saken hører hjemme i det lokale samarbeidsutvalget for sykehusområdet.',
      en: 'The case belongs in the local committee of the hospital area.',
    },
  },
  {
    id: 'j2',
    text: {
      nn: 'Saka er alt handsama i sak … (sjå referatet).',
      nb: 'Saken er allerede behandlet i sak … (se referatet).',
      en: 'The case has already been handled in case … (see the minutes).',
    },
  },
  {
    id: 'j3',
    text: {
      nn: 'Saka gjeld ikkje samhandling mellom kommunane og helseføretaket, og høyrer ikkje heime i helsefellesskapet.',
      nb: 'Saken gjelder ikke samhandling mellom kommunene og helseforetaket, og hører ikke hjemme i helsefellesskapet.',
      en: 'The case is not about cooperation between the municipalities and the hospital trust, so it does not belong in the partnership.',
    },
  },
  {
    id: 'j4',
    text: {
      nn: 'Saka fell inn under mandatet til det faglege samarbeidsutvalet.',
      nb: 'Saken faller inn under mandatet til det faglige samarbeidsutvalget.',
      en: "The case falls within the professional committee's remit.",
    },
  },
];

export interface JustificationRepository {
  /** Stores the defaults the first time only; after that the secretariat's list stands. */
  seedDefaults(now: Date): Promise<void>;
  list(): Promise<Justification[]>;
  /** Adds (id undefined) or replaces the text of one, in every language (people type in one). */
  save(input: { id?: string; text: string; by: string; now: Date }): Promise<Justification>;
  remove(id: string): Promise<boolean>;
}

export function justificationText(j: Justification, lang: Lang): string {
  return j.text[lang];
}

/**
 * The text a step carries: what the person typed, or, when they typed nothing of their own, the
 * standard justification they picked (in their language).
 */
export function typedOrStandard(typed: string, picked: Justification | undefined, lang: Lang): string {
  return typed.trim() === '' && picked ? picked.text[lang] : typed;
}
