import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { CaseDetailResponse, CaseListPageResponse } from '../../bot/http/api/apiTypes';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Caller } from './apiSupport';

const SEK = { id: 'aad-sek-0001', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-ssu-0001', name: 'Sverre SSU' };
const submitter: Caller = { local: 'aad-runa', name: 'Runa Bakke' };
const outsider: Caller = { local: 'aad-ola', name: 'Ola Utanfor' };
const iktLeader: Caller = { local: 'aad-ikt', name: 'Ivar IKT' };
const rehabLeader: Caller = { local: 'aad-rehab', name: 'Rut Rehab' };

const PROPOSAL_COMMENT = 'Intern vurdering frå sekretariatet';

describe('tab API: who may see a case, and what the submitter sees of it', () => {
  let bot: RunningBot;
  let record: CaseRecord;

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2026-03-02T10:00:00Z'));
    await grant(bot, SEK.id, 'secretariat_leader', '*', SEK.name);
    await grant(bot, SSU.id, 'ssu_leader', '*', SSU.name);
    await grant(bot, 'aad-ikt', 'committee_leader', 'fsu-ikt', 'Ivar IKT');
    await grant(bot, 'aad-rehab', 'committee_leader', 'fsu-rehabilitering', 'Rut Rehab');
    record = await submitCase(bot.app.services.cases, {
      draftId: 'd1',
      answers: { ...REFERENCE_STORED, title: 'Betre koordinering' },
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date('2026-03-01T09:00:00Z'),
    });
    const service = bot.app.services.routing.caseService;
    const steps = [
      { actor: SEK, verb: 'propose', input: { forum: 'fsu-ikt', comment: PROPOSAL_COMMENT } },
      { actor: SSU, verb: 'approve', input: { comment: 'Passar for IKT-utvalet' } },
      {
        actor: SEK,
        verb: 'outcome',
        input: {
          decision: 'Vedteke',
          meetingDate: '2026-03-01',
          forumCaseNumber: 'Sak 3/26',
          minutesUrl: 'https://helse-mr.no/referat.pdf',
        },
      },
    ] as const;
    for (const [i, step] of steps.entries()) {
      const outcome = await service.decide({ caseNumber: record.number, cardVersion: i + 1, ...step });
      assert.equal(outcome.kind, 'applied', step.verb);
    }
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('gives the submitter their own view: state, forum, outcome and minutes; nothing internal', async () => {
    const detail = await call<CaseDetailResponse>(bot, 'GET', `/api/cases/${record.number}`, submitter);
    assert.equal(detail.status, 200);
    const c = detail.body.case;
    assert.equal(c.state, 'decided');
    assert.equal(c.forum, 'fsu-ikt');
    assert.equal(c.outcome?.minutesUrl, 'https://helse-mr.no/referat.pdf');
    assert.equal(c.outcome?.decision, 'Vedteke');
    assert.equal(c.routing, undefined, 'no routing');
    for (const internal of [SEK.id, SSU.id, PROPOSAL_COMMENT, '"approvals"', '"proposal"']) {
      assert.ok(!detail.text.includes(internal), `leaks ${internal}`);
    }
    assert.deepEqual(
      detail.body.history.map((h) => [h.to, h.event]),
      [
        ['submitted', undefined],
        ['routing_proposed', undefined],
        ['routed', 'routed'],
        ['decided', 'outcome_registered'],
      ],
    );

    // The secretariat sees the whole routing.
    const full = await call<CaseDetailResponse>(bot, 'GET', `/api/cases/${record.number}`, { local: SEK.id });
    assert.ok(full.text.includes(PROPOSAL_COMMENT));
    assert.ok(full.text.includes(SSU.id));
  });

  it('shows a routed case to the leadership of its forum only; anyone else gets what a missing case gets', async () => {
    const forum = await call<CaseDetailResponse>(bot, 'GET', `/api/cases/${record.number}`, iktLeader);
    assert.equal(forum.status, 200);
    assert.ok(forum.text.includes(PROPOSAL_COMMENT), 'the forum that has the case sees all of it');
    const listed = await call<CaseListPageResponse>(bot, 'GET', '/api/cases', iktLeader);
    assert.deepEqual(
      listed.body.cases.map((c) => c.number),
      [record.number],
    );

    const missing = await call(bot, 'GET', '/api/cases/2026-999', outsider);
    assert.equal(missing.status, 404);
    const tries: [Caller, string][] = [
      [rehabLeader, record.number],
      [outsider, record.number],
      [outsider, '2026-1'],
      [outsider, '2026-000001'],
      [submitter, '2026-1'],
      [submitter, '2026-000001'],
    ];
    for (const [who, number] of tries) {
      const answer = await call(bot, 'GET', `/api/cases/${number}`, who);
      assert.equal(answer.status, 404, `${JSON.stringify(who)} ${number}`);
      assert.equal(answer.text, missing.text, 'the same answer as for a case that does not exist');
    }
    assert.deepEqual(
      (await call<CaseListPageResponse>(bot, 'GET', '/api/cases', rehabLeader)).body.cases,
      [],
    );
    const denied = await bot.app.services.roles.deniedAttempts();
    assert.ok(denied.some((d) => d.personId === 'aad-rehab' && d.target === `case:${record.number}`));
    assert.ok(
      denied.some((d) => d.personId === 'aad-ola' && d.target === 'case:invalid-number' && d.count === 2),
    );
  });
});
