import type { Lang, Localized } from '../i18n/language';
import type { MeasureStatus } from './planModel';

/**
 * The status of a measure as people read it: the wording of the joint action plan's colour key
 * (seed 002). One definition for the board, the exports and anything else that shows a status.
 */
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Localized> = {
  not_assessed: { nn: 'Ikkje vurdert', nb: 'Ikke vurdert', en: 'Not assessed' },
  not_started: { nn: 'Ikkje gjennomført', nb: 'Ikke gjennomført', en: 'Not started' },
  in_progress: {
    nn: 'Under planlegging / under arbeid',
    nb: 'Under planlegging / under arbeid',
    en: 'Being planned / in progress',
  },
  done: { nn: 'Gjennomført', nb: 'Gjennomført', en: 'Done' },
};

/** All status labels in one language, for a language's text table. */
export function measureStatusLabels(lang: Lang): Record<MeasureStatus, string> {
  const entries = Object.entries(MEASURE_STATUS_LABELS).map(([status, label]) => [status, label[lang]]);
  return Object.fromEntries(entries) as Record<MeasureStatus, string>;
}
