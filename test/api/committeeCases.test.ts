import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type {
  CaseDetailResponse,
  CaseListItem,
  CaseListPageResponse,
  CommitteeSummary,
  StatsResponse,
} from '../../bot/http/api/apiTypes';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Caller } from './apiSupport';

const SEK = { id: 'aad-sek-0001', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-ssu-0001', name: 'Sverre SSU' };
const rehabMember: Caller = { local: 'aad-rehab-member', name: 'Rolf Rehab' };
const iktMember: Caller = { local: 'aad-ikt-member', name: 'Ingrid IKT' };
const PROPOSAL_COMMENT = 'Intern vurdering frå sekretariatet';

describe("tab API: a committee's cases, for its members", () => {
  let bot: RunningBot;
  let record: CaseRecord;

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2026-03-02T10:00:00Z'));
    await grant(bot, SEK.id, 'secretariat_leader', '*', SEK.name);
    await grant(bot, SSU.id, 'ssu_leader', '*', SSU.name);
    await grant(bot, 'aad-rehab-member', 'committee_member', 'fsu-rehabilitering', 'Rolf Rehab');
    await grant(bot, 'aad-ikt-member', 'committee_member', 'fsu-ikt', 'Ingrid IKT');
    record = await submitCase(bot.app.services.cases, {
      draftId: 'd1',
      answers: { ...REFERENCE_STORED, title: 'Betre koordinering' },
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date('2026-03-01T09:00:00Z'),
    });
    const service = bot.app.services.routing.caseService;
    const steps = [
      { actor: SEK, verb: 'propose', input: { forum: 'fsu-rehabilitering', comment: PROPOSAL_COMMENT } },
      { actor: SSU, verb: 'approve', input: { comment: 'Passar for rehabilitering' } },
    ] as const;
    for (const [i, step] of steps.entries()) {
      const outcome = await service.decide({ caseNumber: record.number, cardVersion: i + 1, ...step });
      assert.equal(outcome.kind, 'applied', step.verb);
    }
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("lists the routed case for the committee's members, who read all of it", async () => {
    const listed = await call<CaseListItem[]>(
      bot,
      'GET',
      '/api/committees/fsu-rehabilitering/cases',
      rehabMember,
    );
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.map((c) => [c.number, c.title, c.state, c.forum]),
      [[record.number, 'Betre koordinering', 'routed', 'fsu-rehabilitering']],
    );
    assert.equal(listed.body[0]!.submittedAt, '2026-03-01T09:00:00.000Z');

    const detail = await call<CaseDetailResponse>(bot, 'GET', `/api/cases/${record.number}`, rehabMember);
    assert.equal(detail.status, 200);
    assert.ok(detail.text.includes(PROPOSAL_COMMENT), "the full case: it is the committee's work");
    const mine = await call<CaseListPageResponse>(bot, 'GET', '/api/cases', rehabMember);
    assert.deepEqual(
      mine.body.cases.map((c) => c.number),
      [record.number],
    );

    const secretariat = await call<CaseListItem[]>(bot, 'GET', '/api/committees/fsu-rehabilitering/cases', {
      local: SEK.id,
    });
    assert.deepEqual(
      secretariat.body.map((c) => c.number),
      [record.number],
    );
    assert.equal((await call(bot, 'GET', '/api/committees/fsu-ukjend/cases', rehabMember)).status, 404);
  });

  it("refuses another committee's member the list, and answers the detail as for a missing case", async () => {
    const listed = await call(bot, 'GET', '/api/committees/fsu-rehabilitering/cases', iktMember);
    assert.equal(listed.status, 403);
    assert.ok(!listed.text.includes(record.number));
    const own = await call<CaseListItem[]>(bot, 'GET', '/api/committees/fsu-ikt/cases', iktMember);
    assert.deepEqual(own.body, []);

    const missing = await call(bot, 'GET', '/api/cases/2026-999', iktMember);
    const detail = await call(bot, 'GET', `/api/cases/${record.number}`, iktMember);
    assert.equal(detail.status, 404);
    assert.equal(detail.text, missing.text);
    assert.deepEqual((await call<CaseListPageResponse>(bot, 'GET', '/api/cases', iktMember)).body.cases, []);
  });

  it('counts the cases per committee and year beside the measures, for those who may see them', async () => {
    const countsOf = async (who: Caller, year: number) => {
      const answer = await call<CommitteeSummary[]>(bot, 'GET', `/api/committees?year=${year}`, who);
      assert.equal(answer.status, 200);
      return Object.fromEntries(answer.body.map((c) => [c.id, c.caseCount]));
    };
    const forMember = await countsOf(rehabMember, 2026);
    assert.equal(forMember['fsu-rehabilitering'], 1);
    assert.equal(forMember['fsu-ikt'], null, "another committee's count is not theirs to know");
    assert.equal((await countsOf(iktMember, 2026))['fsu-rehabilitering'], null);
    assert.equal((await countsOf(iktMember, 2026))['fsu-ikt'], 0);
    assert.equal((await countsOf({ local: SEK.id }, 2026))['fsu-rehabilitering'], 1);
    assert.equal((await countsOf({ local: SEK.id }, 2025))['fsu-rehabilitering'], 0);

    const stats = await call<StatsResponse>(bot, 'GET', '/api/stats', rehabMember);
    const rows = Object.fromEntries(stats.body.committees.map((c) => [c.id, c.casesByYear]));
    assert.deepEqual(rows['fsu-rehabilitering'], { '2026': 1 });
    assert.equal(rows['fsu-ikt'], null);
  });
});
