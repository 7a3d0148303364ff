import type { Lang, Localized } from '../i18n/language';
import { PRIORITY_GROUPS } from '../partnership';
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

/** The annual report's columns: one row per figure, so a pivot table can turn it any way. */
export const ANNUAL_REPORT_COLUMNS: Record<string, Localized> = {
  year: { nn: 'År', nb: 'År', en: 'Year' },
  group: { nn: 'Prioritert pasientgruppe', nb: 'Prioritert pasientgruppe', en: 'Priority patient group' },
  kind: { nn: 'Kva', nb: 'Hva', en: 'What' },
  forum: CASE_COLUMNS.forum!,
  status: CASE_COLUMNS.state!,
  count: { nn: 'Tal', nb: 'Antall', en: 'Count' },
};

/** What a row of the annual report counts: the plan's word for a measure, and a case. */
export const ANNUAL_REPORT_KINDS = {
  measures: PLAN_LEVEL_LABELS.measure,
  cases: { nn: 'Sak', nb: 'Sak', en: 'Case' },
} satisfies Record<string, Localized>;

/** The annual report's rows besides the four priority groups (annualReport.ts). */
export const REPORT_GROUP_LABELS = {
  untagged: {
    nn: 'Utan prioritert pasientgruppe',
    nb: 'Uten prioritert pasientgruppe',
    en: 'No priority patient group',
  },
  all: { nn: 'Alle (kvar éin gong)', nb: 'Alle (hver én gang)', en: 'All (each counted once)' },
} satisfies Record<string, Localized>;

/** A row of the annual report by name: a priority group's label, or the untagged and all rows. */
export function reportGroupLabel(group: string, lang: Lang): string {
  const own = (REPORT_GROUP_LABELS as Record<string, Localized>)[group];
  return own?.[lang] ?? PRIORITY_GROUPS.find((g) => g.value === group)?.label[lang] ?? group;
}

/** The downloaded files' names, so a person finds them in their own language. */
export const FILE_NAMES = {
  cases: { nn: 'saker', nb: 'saker', en: 'cases' },
  plan: { nn: 'handlingsplan', nb: 'handlingsplan', en: 'action-plan' },
  annualReport: { nn: 'årsmelding', nb: 'årsmelding', en: 'annual-report' },
} satisfies Record<string, Localized>;
