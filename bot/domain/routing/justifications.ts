import { containsNationalId } from '../form/nationalId';
import { visibleLength } from '../form/validation';
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

/**
 * A standard justification is a sentence or two (the defaults are 60-130 characters). Every one of
 * them is offered, in full, in both pickers (return and propose) of every case card the secretariat
 * and the SSU leadership get, next to the case's own answers and history, and Teams refuses a card
 * above about 28 KB. At 500 characters ten standard texts still take under a third of that.
 */
const JUSTIFICATION_MAX_LENGTH = 500;

export type JustificationTextError =
  { code: 'required' } | { code: 'tooLong'; max: number; length: number } | { code: 'nationalId' };

export class JustificationInputError extends Error {
  constructor(readonly error: JustificationTextError) {
    super(`Invalid standard justification: ${error.code}`);
  }
}

/** What is wrong with a standard justification's text, or undefined if it may be stored. */
function justificationTextError(text: string): JustificationTextError | undefined {
  if (text.trim() === '') return { code: 'required' };
  const length = visibleLength(text);
  if (length > JUSTIFICATION_MAX_LENGTH) return { code: 'tooLong', max: JUSTIFICATION_MAX_LENGTH, length };
  if (containsNationalId(text)) return { code: 'nationalId' };
  return undefined;
}

/** Adds or replaces a standard justification after checking its text; JustificationInputError if refused. */
export function saveJustification(
  repo: JustificationRepository,
  input: { id?: string; text: string; by: string; now: Date },
): Promise<Justification> {
  const error = justificationTextError(input.text);
  if (error) throw new JustificationInputError(error);
  return repo.save(input);
}

/**
 * The text a step carries: what the person typed, or, when they typed nothing of their own, the
 * standard justification they picked (in their language).
 */
export function typedOrStandard(typed: string, picked: Justification | undefined, lang: Lang): string {
  return typed.trim() === '' && picked ? picked.text[lang] : typed;
}
