import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CASE_CARD_INPUT_IDS,
  parseCaseCardAction,
  type CaseCardAction,
} from '../../bot/cards/caseCardContract';
import { parseCaseNumber } from '../../bot/domain/cases/caseModel';
import { caseViewFor } from '../../bot/domain/cases/caseAccess';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import type { RoleAssignment } from '../../bot/domain/roles/roles';

const action = (verb: string, data: Record<string, unknown>) => ({ type: 'Action.Execute', verb, data });

function parsed(verb: string, data: Record<string, unknown>): CaseCardAction {
  const result = parseCaseCardAction(action(verb, data));
  assert.ok(result.ok, JSON.stringify(result));
  return result.action;
}

describe('case card contract (bot/cards/caseCardContract.ts)', () => {
  it('reads the card version strictly: anything but a non-negative whole number is invalid', () => {
    for (const v of ['abc', null, {}, [2], '3 ', ' 3', '-1', -1, 1.5, '', '1e3', true, undefined]) {
      const a = parsed('approve', { caseNumber: '2026-001', ...(v === undefined ? {} : { v }) });
      assert.ok('version' in a && a.version === 'invalid', `v=${JSON.stringify(v)}`);
    }
    for (const [v, expected] of [
      [0, 0],
      [3, 3],
      ['3', 3],
      ['12', 12],
    ] as const) {
      const a = parsed('approve', { caseNumber: '2026-001', v });
      assert.ok('version' in a && a.version === expected, `v=${JSON.stringify(v)}`);
    }
  });

  it('maps card input ids to the rule’s fields, ignores what the card does not have, refuses non-text', () => {
    const a = parsed('propose', {
      caseNumber: '2026-001',
      v: 1,
      proposeForum: 'fsu-ikt',
      proposeComment: 'Tekst {\u2060{DATE(x)}}',
      proposeStandard: 'j1',
      isAdmin: true,
    });
    assert.deepEqual(a, {
      verb: 'propose',
      caseNumber: '2026-001',
      version: 1,
      input: { forum: 'fsu-ikt', comment: 'Tekst {{DATE(x)}}' },
      standard: 'j1',
      typed: { proposeForum: 'fsu-ikt', proposeComment: 'Tekst {{DATE(x)}}' },
    });
    const refused = parseCaseCardAction(
      action('return', { caseNumber: '2026-001', v: 1, justification: ['x'] }),
    );
    assert.deepEqual(refused, { ok: false, reason: 'The card input "justification" must be text.' });
    assert.equal(parseCaseCardAction(action('drop', { caseNumber: '2026-001' })).ok, false);
    assert.equal(parseCaseCardAction(action('refresh', {})).ok, false);
    assert.equal(
      parseCaseCardAction(action('useJustification', { caseNumber: '2026-001', form: 'x' })).ok,
      false,
    );
  });

  it('has exactly the input ids the case card template uses', () => {
    const template = readFileSync(path.join(__dirname, '../../adaptive-cards/case-card.json'), 'utf8');
    const ids = new Set(
      [...template.matchAll(/"id": "([^"$]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'editForm'),
    );
    assert.deepEqual([...ids].sort(), [...CASE_CARD_INPUT_IDS].sort());
  });
});

describe('case numbers and who may see a case (bot/domain/cases)', () => {
  it('takes a case number only in its canonical form', () => {
    assert.deepEqual(parseCaseNumber('2026-001'), { year: 2026, seq: 1 });
    assert.deepEqual(parseCaseNumber('2026-1234'), { year: 2026, seq: 1234 });
    for (const n of [
      '2026-1',
      '2026-01',
      '2026-000001',
      '2026-0001',
      ' 2026-001',
      '2026-001 ',
      '2026-000',
      26,
      null,
    ]) {
      assert.equal(parseCaseNumber(n), undefined, JSON.stringify(n));
    }
  });

  it('lets the forum that has a routed case see it, and no other committee', () => {
    const record = {
      number: '2026-001',
      submitter: { id: 'runa' },
      routing: { forumChain: [{ forum: 'fsu-ikt' }], infoRequests: [] },
    } as unknown as CaseRecord;
    const role = (r: RoleAssignment['role'], scope: string): RoleAssignment[] => [
      { personId: 'p', role: r, scope, grantedBy: 't', grantedAt: 't' },
    ];
    assert.equal(caseViewFor(role('committee_leader', 'fsu-ikt'), 'p', record), 'full');
    assert.equal(caseViewFor(role('committee_deputy', 'fsu-ikt'), 'p', record), 'full');
    assert.equal(caseViewFor(role('committee_leader', 'fsu-rehabilitering'), 'p', record), undefined);
    assert.equal(caseViewFor(role('secretariat_member', '*'), 'p', record), 'full');
    assert.equal(caseViewFor([], 'runa', record), 'submitter');
    assert.equal(caseViewFor([], 'p', record), undefined);
    const before = { ...record, routing: { forumChain: [], infoRequests: [] } } as unknown as CaseRecord;
    assert.equal(caseViewFor(role('committee_leader', 'fsu-ikt'), 'p', before), undefined);
  });
});
