import { FORUM_DEFINITIONS, isRoutingForum, type ForumDefinition, type ForumKind } from './forums/forums';
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

export type { ForumKind };

export interface Forum extends ReferenceOption {
  kind: ForumKind;
  /** The forum a working group belongs to. */
  parent?: string;
}

const asOption = (f: ForumDefinition): Forum => ({
  value: f.id,
  kind: f.kind,
  label: f.name,
  ...(f.parent ? { parent: f.parent } : {}),
});

/**
 * Where a case can be handled (seed 003): the partnership meeting, the SSU, 12 FSU and 4 LSU, labelled
 * with their official names from the one definition (forums/forums.ts). An FSU's value is its committee
 * id in the action plans, so roles per committee and a case's forum name the same committee.
 */
export const FORUMS: Forum[] = FORUM_DEFINITIONS.filter(isRoutingForum).map(asOption);

const ALL_FORUMS = new Map(FORUM_DEFINITIONS.map((f) => [f.id, asOption(f)]));

/**
 * Any forum by its id, a working group too (to name it); whether a case may be routed there is
 * `FORUMS` (or `isRoutingForum`).
 */
export function forumByValue(value: string): Forum | undefined {
  return ALL_FORUMS.get(value);
}
