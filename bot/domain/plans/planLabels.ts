import type { Lang, Localized } from '../i18n/language';
import type { MeasureFields } from './plan';
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

/** The levels of a plan, as the joint action plan's headings name them. */
export const PLAN_LEVEL_LABELS: Record<'mainGoal' | 'subGoal' | 'measure', Localized> = {
  mainGoal: { nn: 'Hovudmål', nb: 'Hovedmål', en: 'Main goal' },
  subGoal: { nn: 'Delmål', nb: 'Delmål', en: 'Sub-goal' },
  measure: { nn: 'Tiltak', nb: 'Tiltak', en: 'Measure' },
};

/** A measure's fields as people read them: one definition for the tab (board, editor, history) and the CSV. */
export const MEASURE_FIELD_LABELS: Record<keyof MeasureFields, Localized> = {
  text: { nn: 'Tekst', nb: 'Tekst', en: 'Text' },
  responsible: { nn: 'Ansvar', nb: 'Ansvar', en: 'Responsible' },
  timeline: { nn: 'Tidsplan', nb: 'Tidsplan', en: 'Timeline' },
  taskHospital: {
    nn: 'Oppgåve for helseføretaket',
    nb: 'Oppgave for helseforetaket',
    en: 'Task of the hospital trust',
  },
  taskMunicipalities: {
    nn: 'Oppgåve for kommunane',
    nb: 'Oppgave for kommunene',
    en: 'Task of the municipalities',
  },
  measuringTool: { nn: 'Måleverktøy', nb: 'Måleverktøy', en: 'Measuring tool' },
  priorityGroups: {
    nn: 'Prioriterte pasientgrupper',
    nb: 'Prioriterte pasientgrupper',
    en: 'Priority patient groups',
  },
};

/** The plan's levels and a measure's fields (but its text) in one language, for a text table. */
export function planFieldLabels(
  lang: Lang,
): Record<keyof typeof PLAN_LEVEL_LABELS | Exclude<keyof MeasureFields, 'text'>, string> {
  const { text: _text, ...fields } = MEASURE_FIELD_LABELS;
  const entries = Object.entries({ ...PLAN_LEVEL_LABELS, ...fields }).map(([key, label]) => [
    key,
    label[lang],
  ]);
  return Object.fromEntries(entries) as ReturnType<typeof planFieldLabels>;
}

/** A measure's fields in one language, by field name (a history entry names the field it changed). */
export function measureFieldLabels(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(MEASURE_FIELD_LABELS).map(([key, label]) => [key, label[lang]]));
}
