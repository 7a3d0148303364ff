import assert from 'node:assert/strict';
import type { AppConfig } from '../../bot/config';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { recount } from '../../bot/domain/reports/caseCounts';
import type { CaseListItem, CaseListPageResponse, StatsResponse } from '../../bot/http/api/apiTypes';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Caller } from './apiSupport';

const SEK = { id: 'aad-sek', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-ssu', name: 'Sverre SSU' };
const RUNA = { id: 'aad-runa', name: 'Runa Bakke' };
const PER = { id: 'aad-per', name: 'Per Melder' };
const secretariat: Caller = { local: SEK.id, name: SEK.name };
const runa: Caller = { local: RUNA.id, name: RUNA.name };
const rehabMember: Caller = { local: 'aad-rehab', name: 'Rolf Rehab' };

/** Every page of GET /api/cases as `who` reads it, following `next` until it is null. */
async function allPages(bot: RunningBot, who: Caller, query: string): Promise<CaseListItem[][]> {
  const pages: CaseListItem[][] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/cases?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await call<CaseListPageResponse>(bot, 'GET', path, who);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(Object.keys(answer.body).sort(), ['cases', 'next'], 'a page tells nothing else');
    pages.push(answer.body.cases);
    cursor = answer.body.next;
    assert.ok(pages.length < 100, 'the pages end');
  } while (cursor);
  return pages;
}

const numbersOf = (pages: CaseListItem[][]) => pages.flat().map((c) => c.number);
const newestFirst = (numbers: string[]) => [...numbers].sort((a, b) => (a < b ? 1 : -1));

describe('case lists: pages, counters and the backfill', () => {
  let config: AppConfig;
  let bot: RunningBot;
  let cases: CaseRecord[];

  async function submit(who: { id: string; name: string }, at: string, n: number) {
    return submitCase(bot.app.services.cases, {
      draftId: `draft-${n}`,
      answers: { ...REFERENCE_STORED, title: `Sak ${n}` },
      submitter: who,
      lang: 'nn',
      now: new Date(at),
    });
  }

  async function decide(
    record: CaseRecord,
    actor: { id: string; name: string },
    verb: string,
    input: object,
  ) {
    const current = (await bot.app.services.cases.get(record.number))!;
    const outcome = await bot.app.services.routing.caseService.decide({
      caseNumber: record.number,
      actor,
      verb: verb as 'propose',
      input: input as Record<string, unknown>,
      cardVersion: current.historyCount,
    });
    assert.equal(outcome.kind, 'applied', `${verb} on ${record.number}`);
  }

  beforeEach(async () => {
    config = testConfig({ localIdentity: true });
    bot = await RunningBot.start(config, () => new Date('2026-06-01T10:00:00Z'));
    await grant(bot, SEK.id, 'secretariat_leader', '*', SEK.name);
    await grant(bot, SSU.id, 'ssu_leader', '*', SSU.name);
    await grant(bot, 'aad-rehab', 'committee_member', 'fsu-rehabilitering', 'Rolf Rehab');
    // 23 cases over two years, Runa's and Per's in turn.
    cases = [];
    for (let n = 1; n <= 23; n++) {
      const at =
        n <= 11
          ? `2025-0${1 + (n % 9)}-0${1 + (n % 8)}T09:00:00Z`
          : `2026-0${1 + (n % 5)}-1${n % 10}T09:00:00Z`;
      cases.push(await submit(n % 2 ? RUNA : PER, at, n));
    }
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('pages through every case exactly once, newest first, for the secretariat; filters by year and state', async () => {
    const pages = await allPages(bot, secretariat, 'limit=4');
    assert.equal(pages.length, 6);
    assert.ok(pages.every((p) => p.length === 4 || p === pages[pages.length - 1]));
    const all = cases.map((c) => c.number);
    assert.deepEqual(numbersOf(pages), newestFirst(all), 'each case once, in order');

    const y2025 = await allPages(bot, secretariat, 'limit=5&year=2025');
    assert.deepEqual(numbersOf(y2025), newestFirst(all.filter((n) => n.startsWith('2025-'))));

    await decide(cases[3]!, SEK, 'propose', { forum: 'fsu-rehabilitering', comment: 'Rehab' });
    await decide(cases[15]!, SEK, 'propose', { forum: 'ssu', comment: 'SSU' });
    const proposed = await allPages(bot, secretariat, 'limit=1&state=routing_proposed');
    assert.deepEqual(numbersOf(proposed), [cases[15]!.number, cases[3]!.number]);
  });

  it('gives a submitter only their own cases and a committee member theirs, across every page', async () => {
    const own = await allPages(bot, runa, 'limit=3');
    assert.ok(own.length > 1);
    const runas = cases.filter((c) => c.submitter.id === RUNA.id).map((c) => c.number);
    assert.deepEqual(numbersOf(own), newestFirst(runas));

    // Per's case routed to rehabilitation joins the member's list; his others do not.
    const perCase = cases[1]!;
    await decide(perCase, SEK, 'propose', { forum: 'fsu-rehabilitering', comment: 'Rehab' });
    await decide(perCase, SSU, 'approve', {});
    const member = await allPages(bot, rehabMember, 'limit=2');
    assert.deepEqual(numbersOf(member), [perCase.number]);
    const runaAgain = await allPages(bot, runa, 'limit=3');
    assert.ok(!numbersOf(runaAgain).includes(perCase.number));
  });

  it('refuses an edited cursor, or one made for someone else or another list, with 400 and a clear message', async () => {
    const first = await call<CaseListPageResponse>(bot, 'GET', '/api/cases?limit=2', secretariat);
    const next = first.body.next!;
    assert.ok(next);
    const body = JSON.parse(Buffer.from(next, 'base64url').toString()) as { y: number; s: number; h: string };
    const edited = Buffer.from(JSON.stringify({ ...body, s: body.s + 1 })).toString('base64url');
    const forged = Buffer.from(JSON.stringify({ y: 2026, s: 5, h: 'x' })).toString('base64url');
    for (const [who, query] of [
      [secretariat, `cursor=${edited}`],
      [secretariat, `cursor=${forged}`],
      [secretariat, 'cursor=%25%25%25'],
      [secretariat, `cursor=${next}&year=2025`],
      [runa, `cursor=${next}`],
    ] as const) {
      const answer = await call(bot, 'GET', `/api/cases?limit=2&${query}`, who);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.err.code, 'bad_cursor');
      assert.match(answer.err.error, /cursor/);
      assert.ok(!/at .*\.ts|Error:/.test(answer.text), 'no internals');
    }
    assert.equal((await call(bot, 'GET', '/api/cases?limit=0', secretariat)).status, 400);
    assert.equal((await call(bot, 'GET', '/api/cases?state=nonsense', secretariat)).status, 400);
    assert.equal((await call(bot, 'GET', `/api/cases?limit=2&cursor=${next}`, secretariat)).status, 200);
  });

  it('keeps the year counters equal to a recount through submissions, routing, forwarding, outcome and withdrawal', async () => {
    const [a, b, c, d, e] = cases.slice(11) as [CaseRecord, CaseRecord, CaseRecord, CaseRecord, CaseRecord];
    await decide(a, SEK, 'propose', { forum: 'fsu-rehabilitering', comment: 'Rehab' });
    await decide(a, SSU, 'approve', {});
    await decide(a, SEK, 'forward', { forum: 'ssu', comment: 'Vidare' });
    await decide(b, SEK, 'propose', { forum: 'fsu-ikt', comment: 'IKT' });
    await decide(b, SSU, 'approve', {});
    await decide(b, SEK, 'outcome', {
      decision: 'Vedteke',
      meetingDate: '2026-05-20',
      forumCaseNumber: 'Sak 1/26',
      minutesUrl: 'https://example.org/referat',
    });
    await decide(c, c.submitter, 'withdraw', { comment: 'Trekt' });
    await decide(d, SEK, 'return', { justification: 'Ikkje for partnarskapen' });
    await decide(e, SEK, 'propose', { forum: 'ssu', comment: 'SSU' });

    const stored = await bot.app.services.cases.yearCounts();
    for (const year of [2025, 2026]) {
      const records = await Promise.all(
        cases.filter((r) => r.year === year).map((r) => bot.app.services.cases.get(r.number)),
      );
      const withHistory = await Promise.all(
        records.map(async (record) => ({
          record: record!,
          history: await bot.app.services.cases.history(record!.number),
        })),
      );
      assert.deepEqual(
        stored.find((s) => s.year === year),
        recount(year, withHistory),
        `counters of ${year}`,
      );
    }
    const y2026 = stored.find((s) => s.year === 2026)!;
    assert.equal(y2026.byForum.ssu, 1);
    assert.equal(y2026.byForum['fsu-ikt'], 1);
    assert.equal(y2026.byState.withdrawn, 1);

    const stats = await call<StatsResponse>(bot, 'GET', '/api/stats', secretariat);
    assert.deepEqual(
      stats.body.casesPerYear.map((y) => [y.year, y.total]),
      [
        [2025, 11],
        [2026, 12],
      ],
    );
    assert.equal(stats.body.medianDaysToOutcome, Object.keys(y2026.daysToOutcome).map(Number)[0]);
  });

  it('applies steps on different cases of one year at the same time, each once, the counters still right', async () => {
    const year2026 = cases.filter((c) => c.year === 2026);
    await Promise.all(
      year2026.map((c, i) =>
        decide(c, SEK, 'propose', { forum: i % 2 ? 'ssu' : 'fsu-ikt', comment: `Forslag ${i}` }),
      ),
    );
    const records = await Promise.all(year2026.map((r) => bot.app.services.cases.get(r.number)));
    assert.ok(records.every((r) => r?.state === 'routing_proposed' && r.historyCount === 2));
    const withHistory = await Promise.all(
      records.map(async (record) => ({
        record: record!,
        history: await bot.app.services.cases.history(record!.number),
      })),
    );
    const counts = (await bot.app.services.cases.yearCounts()).find((c) => c.year === 2026);
    assert.deepEqual(counts, recount(2026, withHistory));
    assert.equal(counts?.byState.routing_proposed, year2026.length);
  });

  it('streams the CSV page by page: every case once, beyond one storage page', async () => {
    const more = Array.from({ length: 600 }, (_, i) => (seq: number) => {
      const number = `2024-${String(seq).padStart(3, '0')}`;
      const at = `2024-02-0${1 + (i % 9)}T08:00:00.000Z`;
      return {
        record: {
          number,
          year: 2024,
          seq,
          title: `Importert ${i}`,
          state: 'submitted' as const,
          answers: { ...REFERENCE_STORED, title: `Importert ${i}` },
          submitter: { ...PER, lang: 'nn' as const },
          submittedAt: at,
          updatedAt: at,
          historyCount: 1,
        },
        history: [{ caseNumber: number, seq: 1, at, by: PER, from: null, to: 'submitted' as const }],
      };
    });
    await new TableCaseRepository(bot.app.storage.table('cases')).importCases(2024, more);
    const csv = await call<string>(bot, 'GET', '/api/export/cases.csv?lang=nn', secretariat);
    assert.equal(csv.status, 200);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 623);
    const numbers = lines.slice(1).map((line) => line.split(';')[0]!.replace(/"/g, ''));
    assert.equal(new Set(numbers).size, 623);
    assert.deepEqual(numbers, newestFirst(numbers));
    const own = await call<string>(bot, 'GET', '/api/export/cases.csv?lang=nn', runa);
    assert.equal(own.text.trimEnd().split('\r\n').length, 1 + 12, "Runa's own cases only");
  });

  it('indexes cases stored before the list rows existed, once, on start', async () => {
    await decide(cases[0]!, SEK, 'propose', { forum: 'fsu-rehabilitering', comment: 'Rehab' });
    await decide(cases[0]!, SSU, 'approve', {});
    const before = await allPages(bot, secretariat, 'limit=7');
    const countsBefore = await bot.app.services.cases.yearCounts();
    await bot.stop();

    // Take the store back to what it held before: no list rows, no counters, no list of years.
    const table = bot.app.storage.table('cases');
    for await (const row of table.listEntities<Record<string, unknown>>()) {
      const key = row.rowKey as string;
      if (/^(list-|mine-|forum-)/.test(key) || row.partitionKey === 'years')
        await table.deleteEntity(row.partitionKey as string, key);
      else if (key === 'counter')
        await table.updateEntity(
          {
            partitionKey: row.partitionKey as string,
            rowKey: key,
            kind: 'counter',
            last: row.last as number,
          },
          'Replace',
        );
    }
    bot = await RunningBot.start(config, () => new Date('2026-06-01T10:00:00Z'));
    assert.deepEqual(numbersOf(await allPages(bot, secretariat, 'limit=7')), numbersOf(before));
    assert.deepEqual(await bot.app.services.cases.yearCounts(), countsBefore);
    assert.deepEqual(numbersOf(await allPages(bot, rehabMember, 'limit=7')), [cases[0]!.number]);
    // A new case and a step after the backfill keep them in step.
    await decide(cases[2]!, SEK, 'propose', { forum: 'ssu', comment: 'SSU' });
    const added = await submit(PER, '2026-06-01T09:00:00Z', 99);
    const after = numbersOf(await allPages(bot, secretariat, 'limit=50'));
    assert.equal(after[0], added.number);
    assert.equal(after.length, 24);
  });
});
