import type { Localized } from '../i18n/language';
import { MEASURE_FIELD_LABELS, PLAN_LEVEL_LABELS } from '../plans/planLabels';

/** Words of the CSV exports, in the app's three languages (nynorsk is the default). */
export const PLAN_COLUMNS: Record<string, Localized> = {
  ...PLAN_LEVEL_LABELS,
  ...Object.fromEntries(Object.entries(MEASURE_FIELD_LABELS).filter(([key]) => key !== 'text')),
  status: { nn: 'Status', nb: 'Status', en: 'Status' },
};

export const CASE_COLUMNS: Record<string, Localized> = {
  number: { nn: 'Saksnummer', nb: 'Saksnummer', en: 'Case number' },
  title: { nn: 'Tittel', nb: 'Tittel', en: 'Title' },
  state: { nn: 'Status', nb: 'Status', en: 'State' },
  forum: { nn: 'Forum', nb: 'Forum', en: 'Forum' },
  submittedAt: { nn: 'Innmeldt', nb: 'Innmeldt', en: 'Submitted' },
  ageDays: { nn: 'Alder (dagar)', nb: 'Alder (dager)', en: 'Age (days)' },
  submitter: { nn: 'Innmeldar', nb: 'Innmelder', en: 'Submitted by' },
};

/** The downloaded files' names, so a person finds them in their own language. */
export const FILE_NAMES = {
  cases: { nn: 'saker', nb: 'saker', en: 'cases' },
  plan: { nn: 'handlingsplan', nb: 'handlingsplan', en: 'action-plan' },
} satisfies Record<string, Localized>;
