import assert from 'node:assert/strict';
import {
  can,
  isValidAssignment,
  type Action,
  type RoleAssignment,
  type RoleName,
} from '../../bot/domain/roles/roles';

/** The one authorisation rule as a table: who holds what, the action, the committee, the answer. */
const held = (role: RoleName, scope = '*'): RoleAssignment => ({
  personId: 'p',
  role,
  scope,
  grantedBy: 'admin',
  grantedAt: '2026-01-01T00:00:00Z',
});

const ROWS: [string, RoleAssignment[], Action, string | undefined, boolean][] = [
  ['nobody may do anything without a role', [], 'case.view_all', undefined, false],
  ['nobody may change a plan without a role', [], 'plan.update_status', 'fsu-rehabilitering', false],
  [
    'the secretariat leader proposes routing',
    [held('secretariat_leader')],
    'case.propose_routing',
    undefined,
    true,
  ],
  ['a secretariat member returns a case', [held('secretariat_member')], 'case.return', undefined, true],
  [
    'the secretariat may not approve routing',
    [held('secretariat_leader')],
    'case.approve_routing',
    undefined,
    false,
  ],
  ['the SSU leader approves routing', [held('ssu_leader')], 'case.approve_routing', undefined, true],
  ['the SSU deputy approves routing', [held('ssu_deputy')], 'case.approve_routing', undefined, true],
  ['the SSU leader may not propose routing', [held('ssu_leader')], 'case.propose_routing', undefined, false],
  ['the SSU leadership sees every case', [held('ssu_deputy')], 'case.view_all', undefined, true],
  ['an admin sees every case', [held('admin')], 'case.view_all', undefined, true],
  ['an admin may not decide routing', [held('admin')], 'case.propose_routing', undefined, false],
  [
    'no role grants withdrawing (the submitter only)',
    [held('admin'), held('secretariat_leader')],
    'case.withdraw',
    undefined,
    false,
  ],
  [
    'no role grants answering for the submitter',
    [held('secretariat_leader')],
    'case.answer_info',
    undefined,
    false,
  ],
  [
    'a committee leader does not see every case',
    [held('committee_leader', 'fsu-rehabilitering')],
    'case.view_all',
    undefined,
    false,
  ],
  [
    'a committee member sets a status in their committee',
    [held('committee_member', 'fsu-rehabilitering')],
    'plan.update_status',
    'fsu-rehabilitering',
    true,
  ],
  [
    'a committee member may not set a status in another committee',
    [held('committee_member', 'fsu-rehabilitering')],
    'plan.update_status',
    'fsu-psykisk-helse-og-rus',
    false,
  ],
  [
    'a committee member may not edit the plan',
    [held('committee_member', 'fsu-rehabilitering')],
    'plan.edit',
    'fsu-rehabilitering',
    false,
  ],
  [
    'a committee deputy edits the plan',
    [held('committee_deputy', 'fsu-rehabilitering')],
    'plan.edit',
    'fsu-rehabilitering',
    true,
  ],
  [
    'a committee role without a committee named grants nothing',
    [held('committee_leader', 'fsu-rehabilitering')],
    'plan.edit',
    undefined,
    false,
  ],
  ['an admin edits any plan', [held('admin')], 'plan.edit', 'lsu-molde', true],
  [
    'only admins manage roles',
    [held('secretariat_leader'), held('ssu_leader')],
    'roles.manage',
    undefined,
    false,
  ],
  [
    'the secretariat keeps the standard justifications',
    [held('secretariat_member')],
    'justifications.manage',
    undefined,
    true,
  ],
  [
    'a committee leader registers the outcome of a case in their forum',
    [held('committee_leader', 'fsu-rehabilitering')],
    'case.register_outcome',
    'fsu-rehabilitering',
    true,
  ],
  [
    'a committee deputy forwards a case from their forum',
    [held('committee_deputy', 'fsu-rehabilitering')],
    'case.forward',
    'fsu-rehabilitering',
    true,
  ],
  [
    "a committee leader may not register the outcome in another committee's forum",
    [held('committee_leader', 'fsu-ikt')],
    'case.register_outcome',
    'fsu-rehabilitering',
    false,
  ],
  [
    'a committee member may not register an outcome',
    [held('committee_member', 'fsu-rehabilitering')],
    'case.register_outcome',
    'fsu-rehabilitering',
    false,
  ],
  [
    'the SSU leadership registers the outcome of a case in the SSU',
    [held('ssu_deputy')],
    'case.register_outcome',
    'ssu',
    true,
  ],
  [
    'the SSU leadership may not register the outcome of an FSU case',
    [held('ssu_leader')],
    'case.register_outcome',
    'fsu-rehabilitering',
    false,
  ],
  [
    'a global role held for one committee does not count',
    [held('secretariat_leader', 'fsu-rehabilitering')],
    'case.propose_routing',
    undefined,
    false,
  ],
];

describe('roles: the one authorisation rule (can)', () => {
  for (const [name, assignments, action, committee, expected] of ROWS) {
    it(`${name} → ${expected}`, () => assert.equal(can(assignments, action, committee), expected));
  }

  const SCOPES: [RoleName, string, boolean][] = [
    ['committee_member', 'fsu-rehabilitering', true],
    ['committee_member', '*', false],
    ['committee_leader', '', false],
    ['admin', '*', true],
    ['secretariat_leader', 'fsu-rehabilitering', false],
  ];
  for (const [role, scope, expected] of SCOPES) {
    it(`assignment ${role}@${scope || '(empty)'} is ${expected ? 'valid' : 'refused'}`, () =>
      assert.equal(isValidAssignment(role, scope), expected));
  }
});
