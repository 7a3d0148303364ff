import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { recount } from '../../bot/domain/reports/caseCounts';
import type { StatsResponse } from '../../bot/http/api/apiTypes';
import { call, grant } from '../api/apiSupport';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig, testStorage } from '../support/globalAzurite';
import { StorageRequestLog } from '../support/storageRequestLog';
import { casesIn } from '../support/storedCases';

const SEK = { id: 'aad-sek', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-ssu', name: 'Sverre SSU' };
const AT_ONCE = 40;

/**
 * A year's counts (by state, forum, agreement part, days taken) change with every step of every case
 * of the year, in the case's own transaction. Steps on different cases taken at the same moment must
 * each be applied once and leave the counts exact; and they should not all queue for the one row that
 * gives out the year's case numbers. Counted at the wire: the storage requests pass through a log.
 */
describe("a year's counts when many of its cases move at the same moment", () => {
  let log: StorageRequestLog;
  let bot: RunningBot;

  beforeEach(async () => {
    log = await StorageRequestLog.start(testStorage());
    bot = await RunningBot.start(
      testConfig({ storage: log.storage, localIdentity: true }),
      () => new Date('2026-06-01T10:00:00Z'),
    );
    await grant(bot, SEK.id, 'secretariat_leader', '*', SEK.name);
    await grant(bot, SSU.id, 'ssu_leader', '*', SSU.name);
  });
  afterEach(async () => {
    await bot.stop();
    await log.stop();
  });

  const submit = (n: number) =>
    submitCase(bot.app.services.cases, {
      draftId: `draft-${n}`,
      answers: { ...REFERENCE_STORED, title: `Sak ${n}` },
      submitter: { id: `aad-person-${n % 7}`, name: `Person ${n % 7}` },
      lang: 'nn',
      now: new Date(`2026-0${1 + (n % 5)}-1${n % 10}T09:00:00Z`),
    });

  async function decide(record: CaseRecord, actor: typeof SEK, verb: 'propose' | 'approve', input: object) {
    const current = (await bot.app.services.cases.get(record.number))!;
    return bot.app.services.routing.caseService.decide({
      caseNumber: record.number,
      actor,
      verb,
      input: input as Record<string, unknown>,
      cardVersion: current.historyCount,
    });
  }

  /** The stored counts of the year beside a recount of its cases and their histories. */
  async function countsAndRecount(year: number) {
    const { cases } = bot.app.services;
    const records = (await casesIn(cases, 'routing_proposed'))
      .concat(await casesIn(cases, 'routed'), await casesIn(cases, 'submitted'))
      .filter((c) => c.year === year);
    const withHistory = await Promise.all(
      records.map(async (record) => ({ record, history: await cases.history(record.number) })),
    );
    return {
      stored: (await cases.yearCounts()).find((c) => c.year === year),
      recounted: recount(year, withHistory),
    };
  }

  it(`applies ${AT_ONCE} steps on different cases at once, each once, every count exact, the number row untouched`, async function () {
    this.timeout(120_000);
    const cases: CaseRecord[] = [];
    for (let n = 1; n <= AT_ONCE; n++) cases.push(await submit(n));
    const table = bot.app.storage.table('cases');
    const numberRow = await table.getEntity('2026', 'counter');

    const from = log.requests.length;
    const outcomes = await Promise.all(
      cases.map((c, i) =>
        decide(c, SEK, 'propose', { forum: i % 3 ? 'ssu' : 'fsu-ikt', comment: `Forslag ${i}` }),
      ),
    );
    const conflicts = log.conflicts(from);

    assert.deepEqual(
      outcomes.map((o) => o.kind),
      cases.map(() => 'applied'),
      'no step lost',
    );
    const stored = await Promise.all(cases.map((c) => bot.app.services.cases.get(c.number)));
    assert.ok(stored.every((r) => r?.state === 'routing_proposed' && r.historyCount === 2));
    const { stored: counts, recounted } = await countsAndRecount(2026);
    assert.deepEqual(counts, recounted);
    assert.equal(counts?.total, AT_ONCE);
    assert.deepEqual(counts?.byState, { routing_proposed: AT_ONCE });
    // The steps leave the row that gives out numbers to the submissions.
    assert.equal(
      (await table.getEntity('2026', 'counter')).etag,
      numberRow.etag,
      'counter row not written by steps',
    );
    // Forty steps on one shared row lose about 200 races; spread over the shards, a few dozen.
    assert.ok(conflicts < 4 * AT_ONCE, `${conflicts} write conflicts for ${AT_ONCE} steps`);

    // Then steps and submissions of the year at once: the numbers stay gapless, the counts exact.
    const half = cases.slice(0, AT_ONCE / 2);
    const [approvals, added] = await Promise.all([
      Promise.all(half.map((c) => decide(c, SSU, 'approve', {}))),
      Promise.all(Array.from({ length: 10 }, (_, i) => submit(100 + i))),
    ]);
    assert.ok(approvals.every((o) => o.kind === 'applied'));
    assert.deepEqual(
      added.map((c) => c.seq).sort((a, b) => a - b),
      Array.from({ length: 10 }, (_, i) => AT_ONCE + 1 + i),
      'the next ten numbers, one each',
    );
    const after = await countsAndRecount(2026);
    assert.deepEqual(after.stored, after.recounted);
    assert.deepEqual(after.stored?.byState, { routed: 20, routing_proposed: 20, submitted: 10 });
    const stats = await call<StatsResponse>(bot, 'GET', '/api/stats', { local: SEK.id, name: SEK.name });
    assert.deepEqual(
      stats.body.casesPerYear.map((y) => [y.year, y.total]),
      [[2026, AT_ONCE + 10]],
    );
  });
});
