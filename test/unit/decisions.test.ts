import assert from 'node:assert/strict';
import type { CaseRecord, CaseRouting, CaseState } from '../../bot/domain/cases/caseModel';
import type { Person } from '../../bot/domain/person';
import {
  DECISIONS,
  RoutingInputError,
  approvalsNeeded,
  type DecisionInput,
  type DecisionResult,
} from '../../bot/domain/routing/decisions';
import type { DecisionVerb } from '../../bot/domain/routing/routingModel';

/**
 * The routing rules as a table: each row is a case as stored, a step, what was typed on the card,
 * and what the rule must give (the next state and event, "already applied", or the input errors).
 */
const NOW = new Date('2026-11-27T10:00:00Z');
const secretary: Person = { id: 'aad-sec', name: 'Sekretariatsleiar' };
const ssuLeader: Person = { id: 'aad-ssu', name: 'SSU-leiar' };
const ssuDeputy: Person = { id: 'aad-ssu2', name: 'SSU-nestleiar' };
const submitter: Person = { id: 'aad-sub', name: 'Runa Bakke' };

function caseIn(state: CaseState, routing?: CaseRouting): CaseRecord {
  return {
    number: '2026-001',
    year: 2026,
    seq: 1,
    title: 'Koordinering',
    state,
    answers: { title: 'Koordinering' },
    submitter: { ...submitter, lang: 'nn' },
    submittedAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    historyCount: 1,
    ...(routing ? { routing } : {}),
  };
}

const proposal = (approvals: Person[] = []): CaseRouting => ({
  forumChain: [],
  infoRequests: [],
  proposal: {
    forum: 'fsu-rehabilitering',
    comment: 'Høyrer til rehabilitering',
    by: secretary,
    at: '2026-11-21T09:00:00Z',
    approvals: approvals.map((by) => ({ by, at: '2026-11-22T09:00:00Z' })),
  },
});
const routedTo = (forum: string): CaseRouting => ({
  forumChain: [{ forum, kind: 'routed', reason: 'Fagleg', by: ssuLeader, at: '2026-11-22T09:00:00Z' }],
  infoRequests: [],
});
const openQuestion: CaseRouting = {
  forumChain: [],
  infoRequests: [{ n: 1, question: 'Kva kommunar?', askedBy: secretary, askedAt: '2026-11-21T09:00:00Z' }],
};
const answeredQuestion: CaseRouting = {
  forumChain: [],
  infoRequests: [{ ...openQuestion.infoRequests[0]!, reply: 'Alle', repliedAt: '2026-11-21T10:00:00Z' }],
};

type Expected = { to: CaseState; event: string } | { alreadyApplied: true } | { errors: string[] };

interface Row {
  name: string;
  verb: DecisionVerb;
  record: CaseRecord;
  actor: Person;
  input: DecisionInput;
  /** The configured number (ROUTING_APPROVALS_REQUIRED). */
  approvalsRequired?: number;
  /** How many people hold ssu_leader/ssu_deputy (two unless a row says otherwise). */
  ssuLeadershipHolders?: number;
  expect: Expected;
}

const long = (n: number) => 'x'.repeat(n);
const outcomeInput = {
  decision: 'Vedteke',
  meetingDate: '27.11.2026',
  forumCaseNumber: 'Sak 39/26',
  minutesUrl: 'https://example.org/referat.pdf',
};

const ROWS: Row[] = [
  // propose (step 3)
  {
    name: 'propose from submitted',
    verb: 'propose',
    record: caseIn('submitted'),
    actor: secretary,
    input: { forum: 'ssu', comment: 'Strategisk' },
    expect: { to: 'routing_proposed', event: 'routing_proposed' },
  },
  {
    name: 'propose: an unknown forum and no comment',
    verb: 'propose',
    record: caseIn('submitted'),
    actor: secretary,
    input: { forum: 'nowhere', comment: '   ' },
    expect: { errors: ['forum:forum', 'comment:required'] },
  },
  {
    name: 'propose the same again (a double click)',
    verb: 'propose',
    record: caseIn('routing_proposed', proposal()),
    actor: secretary,
    input: { forum: 'fsu-rehabilitering', comment: 'Høyrer til rehabilitering' },
    expect: { alreadyApplied: true },
  },
  {
    name: 'propose: a comment over the limit',
    verb: 'propose',
    record: caseIn('submitted'),
    actor: secretary,
    input: { forum: 'ssu', comment: long(2001) },
    expect: { errors: ['comment:tooLong'] },
  },
  {
    name: 'propose: a comment with a fødselsnummer',
    verb: 'propose',
    record: caseIn('submitted'),
    actor: secretary,
    input: { forum: 'ssu', comment: 'Gjeld 15058550040' },
    expect: { errors: ['comment:nationalId'] },
  },
  // return (step 4)
  {
    name: 'return with a justification',
    verb: 'return',
    record: caseIn('routing_proposed', proposal()),
    actor: secretary,
    input: { justification: 'Ikkje ei sak for helsefellesskapet' },
    expect: { to: 'returned', event: 'returned' },
  },
  {
    name: 'return without a justification',
    verb: 'return',
    record: caseIn('submitted'),
    actor: secretary,
    input: { justification: '' },
    expect: { errors: ['justification:required'] },
  },
  // more information
  {
    name: 'ask the submitter: the state stays',
    verb: 'requestInfo',
    record: caseIn('submitted'),
    actor: secretary,
    input: { question: 'Kva kommunar?' },
    expect: { to: 'submitted', event: 'info_requested' },
  },
  {
    name: 'ask the same open question again',
    verb: 'requestInfo',
    record: caseIn('submitted', openQuestion),
    actor: secretary,
    input: { question: 'Kva kommunar?' },
    expect: { alreadyApplied: true },
  },
  {
    name: 'the submitter replies to the open question',
    verb: 'replyInfo',
    record: caseIn('submitted', openQuestion),
    actor: submitter,
    input: { reply: 'Alle 26' },
    expect: { to: 'submitted', event: 'info_added' },
  },
  {
    name: 'the same reply again after it was stored',
    verb: 'replyInfo',
    record: caseIn('submitted', answeredQuestion),
    actor: submitter,
    input: { reply: 'Alle' },
    expect: { alreadyApplied: true },
  },
  {
    name: 'a reply with no open question',
    verb: 'replyInfo',
    record: caseIn('submitted'),
    actor: submitter,
    input: { reply: 'Svar' },
    expect: { errors: ['reply:noOpenQuestion'] },
  },
  // approval by the SSU leadership
  {
    name: 'one approval routes when one is required',
    verb: 'approve',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: {},
    approvalsRequired: 1,
    expect: { to: 'routed', event: 'routed' },
  },
  {
    name: 'the first of two required approvals',
    verb: 'approve',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: {},
    approvalsRequired: 2,
    expect: { to: 'routing_proposed', event: 'routing_approved' },
  },
  {
    name: 'the second of two required approvals, by the other person',
    verb: 'approve',
    record: caseIn('routing_proposed', proposal([ssuLeader])),
    actor: ssuDeputy,
    input: { comment: 'Einig' },
    approvalsRequired: 2,
    expect: { to: 'routed', event: 'routed' },
  },
  {
    name: 'two configured, but only one person holds the SSU roles: that one decides alone',
    verb: 'approve',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: {},
    approvalsRequired: 2,
    ssuLeadershipHolders: 1,
    expect: { to: 'routed', event: 'routed' },
  },
  {
    name: 'two configured, one SSU role holder choosing another forum routes at once',
    verb: 'changeForum',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: { forum: 'ssu', comment: 'Større enn eitt utval' },
    approvalsRequired: 2,
    ssuLeadershipHolders: 1,
    expect: { to: 'routed', event: 'routed' },
  },
  {
    name: 'the same person approving twice',
    verb: 'approve',
    record: caseIn('routing_proposed', proposal([ssuLeader])),
    actor: ssuLeader,
    input: {},
    approvalsRequired: 2,
    expect: { alreadyApplied: true },
  },
  {
    name: 'change to another forum routes at once when one approval is required',
    verb: 'changeForum',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: { forum: 'ssu', comment: 'Større enn eitt utval' },
    approvalsRequired: 1,
    expect: { to: 'routed', event: 'routed' },
  },
  {
    name: 'change to another forum waits for the second approval',
    verb: 'changeForum',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: { forum: 'ssu', comment: 'Større enn eitt utval' },
    approvalsRequired: 2,
    expect: { to: 'routing_proposed', event: 'routing_changed' },
  },
  {
    name: '"change" to the forum already proposed',
    verb: 'changeForum',
    record: caseIn('routing_proposed', proposal()),
    actor: ssuLeader,
    input: { forum: 'fsu-rehabilitering', comment: 'Same' },
    expect: { errors: ['forum:sameForum'] },
  },
  // after routing
  {
    name: 'forward to another forum',
    verb: 'forward',
    record: caseIn('routed', routedTo('fsu-rehabilitering')),
    actor: secretary,
    input: { forum: 'ssu', comment: 'Utvalet sende saka vidare' },
    expect: { to: 'routed', event: 'forwarded' },
  },
  {
    name: 'forward to the forum that has it',
    verb: 'forward',
    record: caseIn('routed', routedTo('ssu')),
    actor: secretary,
    input: { forum: 'ssu', comment: 'Vidare' },
    expect: { errors: ['forum:sameForum'] },
  },
  {
    name: 'the outcome, with a Norwegian date',
    verb: 'outcome',
    record: caseIn('routed', routedTo('ssu')),
    actor: secretary,
    input: outcomeInput,
    expect: { to: 'decided', event: 'outcome_registered' },
  },
  {
    name: 'the outcome: an impossible date, a javascript: link, no forum number',
    verb: 'outcome',
    record: caseIn('routed', routedTo('ssu')),
    actor: secretary,
    input: {
      ...outcomeInput,
      meetingDate: '31.02.2026',
      minutesUrl: 'javascript:alert(1)',
      forumCaseNumber: '',
    },
    expect: { errors: ['meetingDate:date', 'forumCaseNumber:required', 'minutesUrl:url'] },
  },
  {
    name: 'the outcome: a link with a space in it',
    verb: 'outcome',
    record: caseIn('routed', routedTo('ssu')),
    actor: secretary,
    input: { ...outcomeInput, minutesUrl: 'https://example.org/a b.pdf' },
    expect: { errors: ['minutesUrl:url'] },
  },
  // the submitter
  {
    name: 'withdraw before routing, with a reason',
    verb: 'withdraw',
    record: caseIn('routing_proposed', proposal()),
    actor: submitter,
    input: { comment: 'Løyst lokalt' },
    expect: { to: 'withdrawn', event: 'withdrawn' },
  },
];

function outcomeOf(row: Row): DecisionResult | { errors: string[] } {
  try {
    return DECISIONS[row.verb].apply(row.record, row.actor, row.input, NOW, {
      approvalsRequired: approvalsNeeded(row.approvalsRequired ?? 1, row.ssuLeadershipHolders ?? 2),
    });
  } catch (error) {
    if (error instanceof RoutingInputError)
      return { errors: error.errors.map((e) => `${e.field}:${e.code}`) };
    throw error;
  }
}

describe('routing rules (pure): a table of cases, steps and inputs', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const result = outcomeOf(row);
      if ('errors' in row.expect) {
        assert.deepEqual(result, { errors: row.expect.errors });
        return;
      }
      if ('alreadyApplied' in row.expect) {
        assert.deepEqual(result, { kind: 'alreadyApplied' });
        return;
      }
      assert.ok('kind' in result && result.kind === 'decision', JSON.stringify(result));
      const { next, entry, event } = result.decision;
      assert.equal(next.state, row.expect.to);
      assert.equal(event, row.expect.event);
      // Every step is one new history entry by the actor, from the stored state.
      assert.equal(entry.seq, row.record.historyCount + 1);
      assert.equal(next.historyCount, row.record.historyCount + 1);
      assert.deepEqual(entry.by, row.actor);
      assert.equal(entry.from, row.record.state);
      assert.equal(entry.at, NOW.toISOString());
    });
  }

  it('approvals needed: the setting, never more than the SSU role holders, never fewer than one', () => {
    const table: [setting: number, holders: number, needed: number][] = [
      [2, 2, 2],
      [2, 3, 2],
      [2, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
    ];
    for (const [setting, holders, needed] of table) {
      assert.equal(approvalsNeeded(setting, holders), needed, `${setting} configured, ${holders} holders`);
    }
  });

  it('every step says which states it can be taken from, and only life-cycle states', () => {
    for (const [verb, spec] of Object.entries(DECISIONS)) {
      assert.ok(spec.from.length > 0, verb);
      for (const state of spec.from) assert.notEqual(state, 'decided', `${verb} from a decided case`);
    }
  });

  it('keeps the forum chain: a forwarded case lists both forums in order', () => {
    const result = outcomeOf(ROWS.find((r) => r.name === 'forward to another forum')!);
    assert.ok('kind' in result && result.kind === 'decision');
    assert.deepEqual(
      result.decision.next.routing?.forumChain.map((s) => [s.forum, s.kind]),
      [
        ['fsu-rehabilitering', 'routed'],
        ['ssu', 'forwarded'],
      ],
    );
  });

  it('stores the outcome date as yyyy-mm-dd whichever way it was typed', () => {
    const result = outcomeOf(ROWS.find((r) => r.name === 'the outcome, with a Norwegian date')!);
    assert.ok('kind' in result && result.kind === 'decision');
    assert.equal(result.decision.next.routing?.outcome?.meetingDate, '2026-11-27');
  });
});
