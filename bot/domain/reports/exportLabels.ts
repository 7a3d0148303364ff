import type { Localized } from '../i18n/language';

/** Words of the CSV exports, in the app's three languages (nynorsk is the default). */
export const PLAN_COLUMNS: Record<string, Localized> = {
  mainGoal: { nn: 'Hovudmål', nb: 'Hovedmål', en: 'Main goal' },
  subGoal: { nn: 'Delmål', nb: 'Delmål', en: 'Sub-goal' },
  measure: { nn: 'Tiltak', nb: 'Tiltak', en: 'Measure' },
  responsible: { nn: 'Ansvar', nb: 'Ansvar', en: 'Responsible' },
  timeline: { nn: 'Tidsplan', nb: 'Tidsplan', en: 'Timeline' },
  taskHospital: { nn: 'Oppgåve helseføretaket', nb: 'Oppgave helseforetaket', en: 'Task, hospital trust' },
  taskMunicipalities: { nn: 'Oppgåve kommunane', nb: 'Oppgave kommunene', en: 'Task, municipalities' },
  measuringTool: { nn: 'Måleverktøy', nb: 'Måleverktøy', en: 'Measuring tool' },
  priorityGroups: {
    nn: 'Prioriterte pasientgrupper',
    nb: 'Prioriterte pasientgrupper',
    en: 'Priority patient groups',
  },
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
