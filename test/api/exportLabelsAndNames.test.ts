import assert from 'node:assert/strict';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { CommitteeSummary, LocalPerson } from '../../bot/http/api/apiTypes';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Caller } from './apiSupport';

const secretariat: Caller = { local: 'aad-sek', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-sek', name: 'Siri Sekretariat' };

describe('tab API: exports in the reader’s language, the overview year, and people’s names', () => {
  let bot: RunningBot;

  before(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2026-11-28T10:00:00Z'));
    await grant(bot, 'aad-sek', 'secretariat_leader', '*', 'Siri Sekretariat');
    const record = await submitCase(bot.app.services.cases, {
      draftId: 'labels-1',
      answers: REFERENCE_STORED,
      submitter: { id: 'aad-runa', name: 'Runa Bakke' },
      lang: 'nn',
      now: new Date('2026-11-20T10:00:00Z'),
    });
    const at = '2026-11-21T10:00:00Z';
    const routed = await bot.app.services.cases.transition(
      record,
      {
        ...record,
        state: 'routing_proposed',
        historyCount: 2,
        updatedAt: at,
        routing: {
          forumChain: [{ forum: 'fsu-rehabilitering', kind: 'routed', reason: 'test', by: SSU, at }],
          infoRequests: [],
        },
      },
      { caseNumber: record.number, seq: 2, at, by: SSU, from: 'submitted', to: 'routing_proposed' },
    );
    assert.ok(routed);
  });
  after(async () => {
    await bot.stop();
  });

  it('the cases CSV names the forum and the file in the language asked for', async () => {
    const nn = await call(bot, 'GET', '/api/export/cases.csv?lang=nn', secretariat);
    assert.match(nn.text, /"Fagleg samarbeidsutval for Rehabilitering"/);
    assert.ok(!nn.text.includes('"fsu-rehabilitering"'), 'no internal forum id');
    const en = await call(bot, 'GET', '/api/export/cases.csv?lang=en', secretariat);
    assert.match(en.headers.get('content-disposition') ?? '', /filename="cases.csv"/);
    assert.match(
      en.text,
      /^\uFEFF"Case number";"Title";"State";"Forum";"Submitted";"Age \(days\)";"Submitted by"/,
    );
    assert.match(en.text, /"Professional committee: Rehabilitation"/);
    const plan = await call(bot, 'GET', '/api/export/committees/fsu-ikt/plan.csv?lang=en', secretariat);
    assert.match(plan.headers.get('content-disposition') ?? '', /filename="action-plan-fsu-ikt.csv"/);
  });

  it('the committees list says the latest year any measure has a status for', async () => {
    const before = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', secretariat);
    // The seed has statuses for 2023 in some committees, none in IKT.
    assert.equal(before.body.find((c) => c.id === 'fsu-ikt')?.latestStatusYear, null);
    await grant(bot, 'aad-mari', 'committee_member', 'fsu-ikt', 'Mari Medlem');
    const plan = await call<{
      plan: { mainGoals: { subGoals: { measures: { id: string; etag: string }[] }[] }[] };
    }>(bot, 'GET', '/api/committees/fsu-ikt/plan', secretariat);
    const measure = plan.body.plan.mainGoals[0]!.subGoals[0]!.measures[0]!;
    const mari: Caller = { local: 'aad-mari', name: 'Mari Medlem' };
    const put = await call(bot, 'PUT', `/api/committees/fsu-ikt/measures/${measure.id}/status`, mari, {
      year: 2024,
      status: 'done',
      etag: measure.etag,
    });
    assert.equal(put.status, 200, put.text);
    const after = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees', secretariat);
    assert.equal(after.body.find((c) => c.id === 'fsu-ikt')?.latestStatusYear, 2024);
    assert.equal(after.body.find((c) => c.id === 'fsu-barn-og-unge')?.latestStatusYear, null);
  });

  it('a role granted by id alone gets the person’s name once they are seen under it, and keeps it', async () => {
    await grant(bot, 'aad-nora', 'committee_member', 'fsu-ikt');
    const listed = async () =>
      (await call<LocalPerson[]>(bot, 'GET', '/api/local/people', undefined)).body.find(
        (p) => p.personId === 'aad-nora',
      );
    assert.equal((await listed())?.name, 'aad-nora', 'only the id is known at first');
    assert.equal((await call(bot, 'GET', '/api/me', { local: 'aad-nora', name: 'Nora Namn' })).status, 200);
    assert.equal((await listed())?.name, 'Nora Namn');
    // A later grant by id alone keeps the name already known.
    await grant(bot, 'aad-nora', 'committee_leader', 'fsu-ikt');
    const roles = await bot.app.services.roles.rolesOf('aad-nora');
    assert.deepEqual(
      roles.map((r) => [r.role, r.personName]),
      [
        ['committee_leader', 'Nora Namn'],
        ['committee_member', 'Nora Namn'],
      ],
    );
  });
});
