import type { Lang, Localized } from '../i18n/language';
import type { RoleName } from '../roles/roles';

/**
 * The one definition of each forum of the partnership (seed 003): the partnership meeting, the
 * strategic committee (SSU), the 12 professional committees (FSU), the 4 local committees (LSU) and
 * the working group whose plan is seed 001. Routing, the plans (committee list, plan names), cards,
 * the tab and the CSV all name a forum from here; the plan seed holds only plan content.
 *
 * Ids are stable (they are in storage: cases, roles, plans). An FSU's nynorsk name is the heading of
 * its block in the joint action plan (seed 002, «Fagleg samarbeidsutval for …»), which is the official
 * name; bokmål and English follow it. The short name is the topic alone, for tight places.
 */
export type ForumKind = 'partnership_meeting' | 'SSU' | 'FSU' | 'LSU' | 'working_group';

/** A role that makes someone part of a forum's leadership, and where it is held ('*' = global). */
export interface LeadershipRole {
  role: RoleName;
  scope: string;
}

export interface ForumDefinition {
  id: string;
  kind: ForumKind;
  /** The official name. */
  name: Localized;
  /** The topic alone ("Rehabilitering"), for lists, bars and tab names. */
  shortName: Localized;
  /** The forum a working group belongs to (and lays its plan before). */
  parent?: string;
  /** Who leads it: gets its cases and may register their outcome. */
  leadership: readonly LeadershipRole[];
}

const GLOBAL = '*';

const committeeLeadership = (id: string): LeadershipRole[] => [
  { role: 'committee_leader', scope: id },
  { role: 'committee_deputy', scope: id },
];

/**
 * A professional committee. `nnIn`/`nbIn` is the topic as it stands in the name (the heading's own
 * wording and case); `short` the topic alone in each language.
 */
function fsu(slug: string, nnIn: string, nbIn: string, short: Localized): ForumDefinition {
  const id = `fsu-${slug}`;
  return {
    id,
    kind: 'FSU',
    name: {
      nn: `Fagleg samarbeidsutval for ${nnIn}`,
      nb: `Faglig samarbeidsutvalg for ${nbIn}`,
      en: `Professional committee: ${short.en}`,
    },
    shortName: short,
    leadership: committeeLeadership(id),
  };
}

const same = (text: string, en: string): Localized => ({ nn: text, nb: text, en });

/** A local committee; no document names them otherwise than by the hospital's town. */
function lsu(town: string): ForumDefinition {
  const id = `lsu-${town.toLowerCase().replace('å', 'a')}`;
  const name = { nn: `LSU ${town}`, nb: `LSU ${town}`, en: `Local committee ${town}` };
  return { id, kind: 'LSU', name, shortName: name, leadership: committeeLeadership(id) };
}

/** In the order of seed 003: the partnership meeting, the SSU, the FSUs (in the order of seed 002), the LSUs. */
export const FORUM_DEFINITIONS: readonly ForumDefinition[] = [
  {
    id: 'partnarskapsmotet',
    kind: 'partnership_meeting',
    name: { nn: 'Partnarskapsmøtet', nb: 'Partnerskapsmøtet', en: 'The partnership meeting' },
    shortName: { nn: 'Partnarskapsmøtet', nb: 'Partnerskapsmøtet', en: 'Partnership meeting' },
    // The joint secretariat prepares the meeting and follows up its decisions (seed 003).
    leadership: [
      { role: 'secretariat_leader', scope: GLOBAL },
      { role: 'secretariat_member', scope: GLOBAL },
    ],
  },
  {
    id: 'ssu',
    kind: 'SSU',
    name: {
      nn: 'Strategisk samarbeidsutval (SSU)',
      nb: 'Strategisk samarbeidsutvalg (SSU)',
      en: 'Strategic committee (SSU)',
    },
    shortName: same('SSU', 'SSU'),
    leadership: [
      { role: 'ssu_leader', scope: GLOBAL },
      { role: 'ssu_deputy', scope: GLOBAL },
    ],
  },
  fsu('barn-og-unge', 'Barn og unge', 'Barn og unge', same('Barn og unge', 'Children and young people')),
  fsu(
    'behandlersamarbeid',
    'Behandlersamarbeid',
    'Behandlersamarbeid',
    same('Behandlersamarbeid', 'Clinician cooperation'),
  ),
  fsu(
    'psykisk-helsevern-og-rus',
    'Psykisk helsevern og rus',
    'Psykisk helsevern og rus',
    same('Psykisk helsevern og rus', 'Mental health care and substance use'),
  ),
  fsu('rehabilitering', 'Rehabilitering', 'Rehabilitering', same('Rehabilitering', 'Rehabilitation')),
  fsu(
    'voksenhabilitering',
    'Voksenhabilitering',
    'Voksenhabilitering',
    same('Voksenhabilitering', 'Adult habilitation'),
  ),
  fsu(
    'multisjuke-stormottakar-palliasjon',
    'Multisjuke, stormottakar og palliasjon',
    'Multisyke, stormottakere og palliasjon',
    {
      nn: 'Multisjuke, stormottakar og palliasjon',
      nb: 'Multisyke, stormottakere og palliasjon',
      en: 'Multimorbidity, high users and palliative care',
    },
  ),
  fsu(
    'kunnskapsoverforing-forsking-utdanning',
    'Kunnskapsoverføring, forsking og utdanning, samt praksiskonsulentordninga',
    'Kunnskapsoverføring, forskning og utdanning, samt praksiskonsulentordningen',
    {
      nn: 'Kunnskapsoverføring, forsking og utdanning, samt praksiskonsulentordninga',
      nb: 'Kunnskapsoverføring, forskning og utdanning, samt praksiskonsulentordningen',
      en: 'Knowledge transfer, research, education and practice consultants',
    },
  ),
  fsu(
    'svangerskap-fodsel-barsel',
    'Svangerskaps-, fødsels- og barselomsorg',
    'Svangerskaps-, fødsels- og barselomsorg',
    same('Svangerskaps-, fødsels- og barselomsorg', 'Pregnancy, birth and postnatal care'),
  ),
  fsu('ikt', 'IKT-løysingar og elektronisk samarbeid', 'IKT-løsninger og elektronisk samarbeid', {
    nn: 'IKT-løysingar og elektronisk samarbeid',
    nb: 'IKT-løsninger og elektronisk samarbeid',
    en: 'ICT solutions and electronic cooperation',
  }),
  fsu(
    'helsefremmende-forebyggende',
    'samarbeid om helsefremmende og forebyggende helsearbeid',
    'samarbeid om helsefremmende og forebyggende helsearbeid',
    same('Helsefremmende og forebyggende helsearbeid', 'Health promotion and prevention'),
  ),
  fsu('helseberedskap', 'Helseberedskap', 'Helseberedskap', same('Helseberedskap', 'Health preparedness')),
  fsu(
    'akuttmedisinsk-kjede',
    'akuttmedisinsk kjede',
    'akuttmedisinsk kjede',
    same('Akuttmedisinsk kjede', 'Acute medical chain'),
  ),
  {
    // Seed 001: the plan is written by this working group and laid before FSU rehabilitering.
    id: 'fsu-rehabilitering-koordinering',
    kind: 'working_group',
    parent: 'fsu-rehabilitering',
    name: {
      nn: 'Arbeidsgruppe for individuell plan, koordinator og koordinerande einingar i Møre og Romsdal',
      nb: 'Arbeidsgruppe for individuell plan, koordinator og koordinerende enheter i Møre og Romsdal',
      en: 'Working group for individual plans, coordinators and coordinating units in Møre og Romsdal',
    },
    shortName: {
      nn: 'Koordinerande einingar, individuell plan og koordinator',
      nb: 'Koordinerende enheter, individuell plan og koordinator',
      en: 'Coordinating units, individual plans and coordinators',
    },
    leadership: committeeLeadership('fsu-rehabilitering-koordinering'),
  },
  lsu('Ålesund'),
  lsu('Volda'),
  lsu('Molde'),
  lsu('Kristiansund'),
];

const BY_ID = new Map(FORUM_DEFINITIONS.map((f) => [f.id, f]));

export function forumById(id: string): ForumDefinition | undefined {
  return BY_ID.get(id);
}

/** Where a case can be handled: every forum but a working group (it works under its committee). */
export function isRoutingForum(forum: ForumDefinition): boolean {
  return forum.kind !== 'working_group';
}

/** The working groups under a forum, in definition order. */
export function workingGroupsOf(id: string): ForumDefinition[] {
  return FORUM_DEFINITIONS.filter((f) => f.parent === id);
}

/** A forum's official name in `lang`; an id no forum has is shown as it is. */
export function forumName(id: string, lang: Lang): string {
  return forumById(id)?.name[lang] ?? id;
}

/**
 * Puts every working group right after its parent, keeping the order otherwise (for committee lists
 * that show a working group under its committee).
 */
export function underParents<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const ids = new Set(items.map(idOf));
  const childOf = (item: T) => {
    const parent = forumById(idOf(item))?.parent;
    return parent && ids.has(parent) ? parent : undefined;
  };
  const result: T[] = [];
  for (const item of items) {
    if (childOf(item)) continue;
    result.push(item, ...items.filter((other) => childOf(other) === idOf(item)));
  }
  return result;
}
