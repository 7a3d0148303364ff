import type { Localized } from './i18n/language';

/**
 * Reference lists of the partnership (seed 003): the parts of the cooperation agreement, the four
 * priority patient groups, and the forums a case can be routed to. Values are stable ids that go into
 * storage; labels are what people see.
 */
export interface ReferenceOption {
  value: string;
  label: Localized;
}

export const AGREEMENT_PARTS: ReferenceOption[] = [
  {
    value: 'hovudavtale',
    label: { nn: 'Hovudavtale', nb: 'Hovedavtale', en: 'Main agreement' },
  },
  {
    value: 'delavtale-1',
    label: {
      nn: 'Delavtale 1: Koordinering av tenester, innlegging og utskriving frå sjukehus',
      nb: 'Delavtale 1: Koordinering av tjenester, innleggelse og utskrivning fra sykehus',
      en: 'Sub-agreement 1: Coordination of services, hospital admission and discharge',
    },
  },
  {
    value: 'delavtale-2',
    label: {
      nn: 'Delavtale 2: Kunnskapsoverføring, forsking, utdanning og praksiskonsulentordninga',
      nb: 'Delavtale 2: Kunnskapsoverføring, forskning, utdanning og praksiskonsulentordningen',
      en: 'Sub-agreement 2: Knowledge transfer, research, education and practice consultants',
    },
  },
  {
    value: 'delavtale-3',
    label: {
      nn: 'Delavtale 3: Svangerskaps-, fødsels- og barselomsorg',
      nb: 'Delavtale 3: Svangerskaps-, fødsels- og barselomsorg',
      en: 'Sub-agreement 3: Pregnancy, birth and postnatal care',
    },
  },
  {
    value: 'delavtale-4',
    label: {
      nn: 'Delavtale 4: IKT-løysingar og elektronisk samhandling',
      nb: 'Delavtale 4: IKT-løsninger og elektronisk samhandling',
      en: 'Sub-agreement 4: ICT solutions and electronic cooperation',
    },
  },
  {
    value: 'delavtale-5',
    label: {
      nn: 'Delavtale 5: Helsefremjande og førebyggjande helsearbeid',
      nb: 'Delavtale 5: Helsefremmende og forebyggende helsearbeid',
      en: 'Sub-agreement 5: Health promotion and prevention',
    },
  },
  {
    value: 'delavtale-6',
    label: {
      nn: 'Delavtale 6: Beredskapsplanar og akuttmedisinsk kjede',
      nb: 'Delavtale 6: Beredskapsplaner og akuttmedisinsk kjede',
      en: 'Sub-agreement 6: Emergency preparedness and the acute medical chain',
    },
  },
];

export const PRIORITY_GROUPS: ReferenceOption[] = [
  {
    value: 'children_youth',
    label: { nn: 'Barn og unge', nb: 'Barn og unge', en: 'Children and young people' },
  },
  {
    value: 'mental_health_substance',
    label: {
      nn: 'Personar med alvorlege psykiske lidingar og rusavhengigheit',
      nb: 'Personer med alvorlige psykiske lidelser og rusavhengighet',
      en: 'People with severe mental illness and substance dependence',
    },
  },
  {
    value: 'frail_elderly',
    label: { nn: 'Skrøpelege eldre', nb: 'Skrøpelige eldre', en: 'Frail elderly people' },
  },
  {
    value: 'multiple_chronic',
    label: {
      nn: 'Personar med fleire kroniske lidingar',
      nb: 'Personer med flere kroniske lidelser',
      en: 'People with several chronic conditions',
    },
  },
];

export type ForumKind = 'partnership_meeting' | 'SSU' | 'FSU' | 'LSU';

export interface Forum extends ReferenceOption {
  kind: ForumKind;
}

const fsu = (value: string, nn: string, nb: string, en: string): Forum => ({
  value: `fsu-${value}`,
  kind: 'FSU',
  label: { nn: `FSU ${nn}`, nb: `FSU ${nb}`, en: `Professional committee: ${en}` },
});
const lsu = (area: string): Forum => ({
  value: `lsu-${area.toLowerCase().replace('å', 'a')}`,
  kind: 'LSU',
  label: { nn: `LSU ${area}`, nb: `LSU ${area}`, en: `Local committee ${area}` },
});

/**
 * Where a case can be handled (seed 003): the partnership meeting, the SSU, 12 FSU and 4 LSU. An FSU's
 * value is its committee id in the action plans (plans/seed), so roles per committee and a case's
 * forum name the same committee.
 */
export const FORUMS: Forum[] = [
  {
    value: 'partnarskapsmotet',
    kind: 'partnership_meeting',
    label: { nn: 'Partnarskapsmøtet', nb: 'Partnerskapsmøtet', en: 'The partnership meeting' },
  },
  {
    value: 'ssu',
    kind: 'SSU',
    label: {
      nn: 'Strategisk samarbeidsutval (SSU)',
      nb: 'Strategisk samarbeidsutvalg (SSU)',
      en: 'Strategic committee (SSU)',
    },
  },
  fsu('barn-og-unge', 'Barn og unge', 'Barn og unge', 'Children and young people'),
  fsu(
    'multisjuke-stormottakar-palliasjon',
    'Multisjuke, stormottakarar og palliasjon',
    'Multisyke, storbrukere og palliasjon',
    'Multimorbidity, high users and palliative care',
  ),
  fsu('akuttmedisinsk-kjede', 'Akuttmedisinsk kjede', 'Akuttmedisinsk kjede', 'Acute medical chain'),
  fsu('rehabilitering', 'Rehabilitering', 'Rehabilitering', 'Rehabilitation'),
  fsu('behandlersamarbeid', 'Behandlarsamarbeid', 'Behandlersamarbeid', 'Clinician cooperation'),
  fsu('helseberedskap', 'Helseberedskap', 'Helseberedskap', 'Health preparedness'),
  fsu(
    'psykisk-helsevern-og-rus',
    'Psykisk helse og rus',
    'Psykisk helse og rus',
    'Mental health and substance use',
  ),
  fsu(
    'ikt',
    'IKT-løysingar og elektronisk samarbeid',
    'IKT-løsninger og elektronisk samarbeid',
    'ICT solutions and electronic cooperation',
  ),
  fsu(
    'svangerskap-fodsel-barsel',
    'Svangerskap, fødsel og barselomsorg',
    'Svangerskap, fødsel og barselomsorg',
    'Pregnancy, birth and postnatal care',
  ),
  fsu('voksenhabilitering', 'Vaksenhabilitering', 'Voksenhabilitering', 'Adult habilitation'),
  fsu(
    'kunnskapsoverforing-forsking-utdanning',
    'Kunnskapsoverføring, forsking, utdanning og praksiskonsulentordninga',
    'Kunnskapsoverføring, forskning, utdanning og praksiskonsulentordningen',
    'Knowledge transfer, research, education and practice consultants',
  ),
  fsu(
    'helsefremmende-forebyggende',
    'Helsefremjande og førebyggjande arbeid',
    'Helsefremmende og forebyggende arbeid',
    'Health promotion and prevention',
  ),
  lsu('Ålesund'),
  lsu('Volda'),
  lsu('Molde'),
  lsu('Kristiansund'),
];

export function forumByValue(value: string): Forum | undefined {
  return FORUMS.find((f) => f.value === value);
}
