/**
 * Roles and what they allow. People are identified by their Azure AD object id; a role is global
 * ('*') or held for one committee (its id, e.g. 'fsu-rehabilitering'). This module is the one
 * authorisation rule of the app: the bot's card actions and the tab's API both ask `can()`.
 */
import { forumById, type LeadershipRole } from '../forums/forums';

export const ROLE_NAMES = [
  'admin',
  'secretariat_leader',
  'secretariat_member',
  'ssu_leader',
  'ssu_deputy',
  'committee_leader',
  'committee_deputy',
  'committee_member',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Roles that only make sense for one committee; the others are global. */
export const COMMITTEE_ROLES: readonly RoleName[] = [
  'committee_leader',
  'committee_deputy',
  'committee_member',
];

export const GLOBAL_SCOPE = '*';

export interface RoleAssignment {
  personId: string;
  role: RoleName;
  /** '*' for global roles, the committee id for committee roles. */
  scope: string;
  /** Display only. */
  personName?: string;
  grantedBy: string;
  grantedAt: string;
}

export type Action =
  | 'case.propose_routing' // secretariat: propose a forum
  | 'case.return' // secretariat: return with a justification
  | 'case.request_info' // secretariat: ask the submitter for more
  | 'case.approve_routing' // SSU leader/deputy: approve or change the forum
  | 'case.register_outcome' // secretariat, or the leadership of the forum that has the case: decision, meeting date, minutes
  | 'case.forward' // secretariat, or the leadership of the forum that has the case: send it on to another forum
  | 'case.withdraw' // the submitter only (checked by the case service, no role grants it)
  | 'case.answer_info' // the submitter only (checked by the case service, no role grants it)
  | 'case.view_all' // secretariat, SSU leadership, admins
  | 'case.link_measure' // secretariat, or the leadership of the committee whose plan holds the measure: link a case to a measure, unlink, or make a measure from a case
  | 'case.view' // one case: as case.view_all, or the leadership and members of the forum that has it (bot/domain/cases/caseAccess.ts)
  | 'justifications.manage' // secretariat: the standard justifications
  | 'plan.update_status' // committee members, leaders, deputies (their committee)
  | 'plan.edit' // committee leaders and deputies (their committee)
  | 'roles.manage'; // administrators

const SECRETARIAT: readonly RoleName[] = ['secretariat_leader', 'secretariat_member'];
const SSU_LEADERSHIP: readonly RoleName[] = ['ssu_leader', 'ssu_deputy'];

/** Which global roles may take each action. Committee actions are checked per committee below. */
const GLOBAL_RULES: Record<Action, readonly RoleName[]> = {
  'case.propose_routing': SECRETARIAT,
  'case.return': SECRETARIAT,
  'case.request_info': SECRETARIAT,
  'case.approve_routing': SSU_LEADERSHIP,
  'case.register_outcome': SECRETARIAT,
  'case.forward': SECRETARIAT,
  'case.withdraw': [],
  'case.answer_info': [],
  'case.link_measure': SECRETARIAT,
  'case.view_all': [...SECRETARIAT, ...SSU_LEADERSHIP, 'admin'],
  'case.view': [...SECRETARIAT, ...SSU_LEADERSHIP, 'admin'],
  'justifications.manage': SECRETARIAT,
  'plan.update_status': ['admin'],
  'plan.edit': ['admin'],
  'roles.manage': ['admin'],
};

/** The forum id of the SSU: its leadership is the global SSU roles, not roles held for a committee. */
export const SSU_FORUM = 'ssu';

const COMMITTEE_RULES: Partial<Record<Action, readonly RoleName[]>> = {
  // The committee here is the forum the case is routed to (forum ids are committee ids).
  'case.view': ['committee_leader', 'committee_deputy', 'committee_member'],
  'case.register_outcome': ['committee_leader', 'committee_deputy'],
  'case.forward': ['committee_leader', 'committee_deputy'],
  // The committee here is the one whose plan holds the measure.
  'case.link_measure': ['committee_leader', 'committee_deputy'],
  'plan.update_status': ['committee_leader', 'committee_deputy', 'committee_member'],
  'plan.edit': ['committee_leader', 'committee_deputy'],
};

/**
 * Whether someone holding `assignments` may take `action`, for `committee` where the action is about
 * one committee's plan. Decided only from stored roles, never from what a card or request says.
 */
export function can(assignments: readonly RoleAssignment[], action: Action, committee?: string): boolean {
  const global = GLOBAL_RULES[action];
  if (assignments.some((a) => a.scope === GLOBAL_SCOPE && global.includes(a.role))) return true;
  const perCommittee = COMMITTEE_RULES[action];
  if (!perCommittee || !committee) return false;
  if (assignments.some((a) => a.scope === committee && perCommittee.includes(a.role))) return true;
  // The SSU as a forum is led by the SSU leader and deputy (global roles).
  return (
    committee === SSU_FORUM &&
    assignments.some((a) => a.scope === GLOBAL_SCOPE && SSU_LEADERSHIP.includes(a.role))
  );
}

export function isValidAssignment(role: RoleName, scope: string): boolean {
  return COMMITTEE_ROLES.includes(role) ? scope !== GLOBAL_SCOPE && scope.length > 0 : scope === GLOBAL_SCOPE;
}

export type { LeadershipRole };

/**
 * Who leads a forum, to be given its cases, as its definition says (forums/forums.ts): an FSU's or
 * LSU's leader and deputy (roles held for the forum's id), the SSU's leader and deputy, and for the
 * partnership meeting the secretariat. A committee id without a definition is led like an FSU.
 */
export function forumLeadershipRoles(forum: string): LeadershipRole[] {
  return [
    ...(forumById(forum)?.leadership ?? [
      { role: 'committee_leader', scope: forum },
      { role: 'committee_deputy', scope: forum },
    ]),
  ];
}
