import assert from 'node:assert/strict';
import type { CaseRecord, CaseState } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import type { CaseDetailResponse, CaseListPageResponse, StatsResponse } from '../../bot/http/api/apiTypes';
import { call, grant, type Caller } from './apiSupport';

const secretariat: Caller = { local: 'aad-sek', name: 'Siri Sekretariat' };
const runa: Caller = { local: 'aad-runa', name: 'Runa Bakke' };
const per: Caller = { local: 'aad-per', name: 'Per Melder' };
const SSU = { id: 'aad-sek', name: 'Siri Sekretariat' };

/** Parses our CSV (all fields quoted, `;`, CRLF) back into rows. */
function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for Excel');
  const rows: string[][] = [];
  const re = /"((?:[^"]|"")*)"(;|\r\n)/g;
  let row: string[] = [];
  let match: RegExpExecArray | null;
  let consumed = 1;
  while ((match = re.exec(text)) !== null) {
    assert.equal(match.index, consumed, 'every field is quoted and separated by ;');
    consumed = re.lastIndex;
    row.push(match[1]!.replace(/""/g, '"'));
    if (match[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  assert.equal(consumed, text.length, 'nothing unparsed at the end');
  return rows;
}

describe('tab API: cases, exports and statistics', () => {
  let bot: RunningBot;
  let runaCase: CaseRecord;
  let perCase: CaseRecord;

  async function submit(who: { id: string; name: string }, title: string, at: string, draftId: string) {
    return submitCase(bot.app.services.cases, {
      draftId,
      answers: { ...REFERENCE_STORED, title },
      submitter: who,
      lang: 'nn',
      now: new Date(at),
    });
  }

  async function move(
    record: CaseRecord,
    to: CaseState,
    at: string,
    extra: object = {},
  ): Promise<CaseRecord> {
    const seq = record.historyCount + 1;
    const next = { ...record, ...extra, state: to, historyCount: seq, updatedAt: at };
    const stored = await bot.app.services.cases.transition(record, next, {
      caseNumber: record.number,
      seq,
      at,
      by: SSU,
      from: record.state,
      to,
    });
    assert.ok(stored, `transition of ${record.number} to ${to}`);
    return stored;
  }

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2025-06-01T10:00:00Z'));
    await grant(bot, 'aad-sek', 'secretariat_leader', '*', 'Siri Sekretariat');
    runaCase = await submit(
      { id: 'aad-runa', name: 'Runa Bakke' },
      'Betre koordinering',
      '2025-03-01T09:00:00Z',
      'd1',
    );
    perCase = await submit(
      { id: 'aad-per', name: 'Per Melder' },
      '=HYPERLINK("http://x")',
      '2025-05-01T09:00:00Z',
      'd2',
    );
    // Runa's case: routed after 10 days, decided after 40. Per's: routed after 4 days.
    const forumChain = (forum: string, at: string) => ({
      routing: { forumChain: [{ forum, kind: 'routed', reason: 'test', by: SSU, at }], infoRequests: [] },
    });
    runaCase = await move(runaCase, 'routing_proposed', '2025-03-05T09:00:00Z');
    runaCase = await move(
      runaCase,
      'routed',
      '2025-03-11T09:00:00Z',
      forumChain('fsu-rehabilitering', '2025-03-11T09:00:00Z'),
    );
    runaCase = await move(runaCase, 'decided', '2025-04-10T09:00:00Z');
    perCase = await move(perCase, 'routing_proposed', '2025-05-02T09:00:00Z');
    perCase = await move(
      perCase,
      'routed',
      '2025-05-05T09:00:00Z',
      forumChain('ssu', '2025-05-05T09:00:00Z'),
    );
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('the secretariat sees every case; others only their own, and someone else’s looks like no case', async () => {
    const all = await call<CaseListPageResponse>(bot, 'GET', '/api/cases', secretariat);
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.cases.map((c: { number: string; state: string; ageDays: number; submitterName: string }) => [
        c.number,
        c.state,
        c.ageDays,
        c.submitterName,
      ]),
      [
        // Per filed the reference case, whose form says "Runa Bakke": the form's name, Teams' beside it.
        [perCase.number, 'routed', 31, 'Runa Bakke (Per Melder)'],
        [runaCase.number, 'decided', 92, 'Runa Bakke'],
      ],
    );
    const own = await call<CaseListPageResponse>(bot, 'GET', '/api/cases', runa);
    assert.deepEqual(
      own.body.cases.map((c: { number: string }) => c.number),
      [runaCase.number],
    );

    const detail = await call<CaseDetailResponse>(bot, 'GET', `/api/cases/${runaCase.number}`, runa);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.case.title, 'Betre koordinering');
    assert.deepEqual(detail.body.case.answers, { ...REFERENCE_STORED, title: 'Betre koordinering' });
    assert.deepEqual(
      detail.body.history.map((h: { to: string }) => h.to),
      ['submitted', 'routing_proposed', 'routed', 'decided'],
    );
    assert.ok(detail.body.form.some((f: { id: string }) => f.id === 'background'));

    const foreign = await call(bot, 'GET', `/api/cases/${runaCase.number}`, per);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.text, (await call(bot, 'GET', '/api/cases/2025-999', per)).text, 'same as no case');
    assert.ok(!foreign.text.includes('Betre koordinering'), 'nothing of the case leaks');
    const denied = await bot.app.services.roles.deniedAttempts();
    assert.ok(denied.some((d) => d.personId === 'aad-per' && d.target === `case:${runaCase.number}`));
    assert.equal((await call(bot, 'GET', `/api/cases/${runaCase.number}`, secretariat)).status, 200);
    assert.equal((await call(bot, 'GET', '/api/cases/2025-999', secretariat)).status, 404);
    assert.equal((await call(bot, 'GET', '/api/cases/nonsense', secretariat)).status, 404);
  });

  it('exports the case list as CSV for Excel, with the same access rules, formulas neutralised', async () => {
    const answer = await call(bot, 'GET', '/api/export/cases.csv', secretariat);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(answer.headers.get('content-disposition') ?? '', /attachment; filename="saker.csv"/);
    const rows = parseCsv(answer.text);
    assert.deepEqual(rows[0], [
      'Saksnummer',
      'Tittel',
      'Status',
      'Forum',
      'Innmeldt',
      'Alder (dagar)',
      'Innmeldar',
    ]);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[1]!.slice(0, 2), [perCase.number, `'=HYPERLINK("http://x")`]);
    assert.equal(rows[1]![4], '01.05.2025');
    assert.equal(rows[2]![2], 'Avgjort');

    const own = parseCsv((await call(bot, 'GET', '/api/export/cases.csv', runa)).text);
    assert.deepEqual(
      own.slice(1).map((r) => r[0]),
      [runaCase.number],
    );
  });

  it('exports a committee plan as CSV: every active measure with its statuses per year', async () => {
    const seed = DEFAULT_PLANS.committees.find((c) => c.id === 'fsu-ikt')!;
    const measures = seed.plan.mainGoals.flatMap((g) => g.subGoals.flatMap((s) => s.measures));
    const answer = await call(bot, 'GET', '/api/export/committees/fsu-ikt/plan.csv', runa);
    assert.equal(answer.status, 200);
    const rows = parseCsv(answer.text);
    assert.deepEqual(rows[0]!.slice(0, 3), ['Hovudmål', 'Delmål', 'Tiltak']);
    assert.deepEqual(rows[0]!.slice(-5), [
      'Status 2022',
      'Status 2023',
      'Status 2024',
      'Status 2025',
      'Status 2026',
    ]);
    assert.equal(rows.length, measures.length + 1);
    measures.forEach((m, i) => {
      const expected = /^[=+\-@]/.test(m.text) ? `'${m.text}` : m.text;
      assert.equal(rows[i + 1]![2], expected);
      assert.equal(rows[i + 1]![9], 'Ikkje vurdert');
    });
    assert.equal((await call(bot, 'GET', '/api/export/committees/nope/plan.csv', runa)).status, 404);
  });

  it('statistics: case figures for the secretariat only, committee counts for everyone', async () => {
    const stats = await call<StatsResponse>(bot, 'GET', '/api/stats', secretariat);
    assert.equal(stats.status, 200);
    assert.equal(stats.body.caseStats, true);
    assert.equal(stats.body.casesPerYear.length, 1);
    const y2025 = stats.body.casesPerYear[0]!;
    assert.equal(y2025.year, 2025);
    assert.equal(y2025.total, 2);
    assert.deepEqual(y2025.byState, { routed: 1, decided: 1 });
    assert.deepEqual(y2025.byAgreementPart, { hovudavtale: 2, 'delavtale-1': 2 });
    assert.equal(
      Object.values(y2025.byForum).reduce((a, b) => a + b, 0),
      2,
    );
    assert.equal(stats.body.medianDaysToRouting, 7, 'median of 10 and 4 days');
    assert.equal(stats.body.medianDaysToOutcome, 40);
    assert.equal(stats.body.committees.length, DEFAULT_PLANS.committees.length);
    const koord = stats.body.committees.find(
      (c: { id: string }) => c.id === 'fsu-rehabilitering-koordinering',
    )!;
    assert.deepEqual(Object.keys(koord.countsByYear), ['2022', '2023', '2024']);

    const mine = await call<StatsResponse>(bot, 'GET', '/api/stats', runa);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.caseStats, false);
    assert.deepEqual(mine.body.casesPerYear, []);
    assert.equal(mine.body.medianDaysToRouting, null);
    const plansOnly = (rows: StatsResponse['committees']) => rows.map(({ casesByYear: _, ...rest }) => rest);
    assert.deepEqual(plansOnly(mine.body.committees), plansOnly(stats.body.committees));
    assert.ok(
      mine.body.committees.every((c) => c.casesByYear === null),
      'no case counts for her',
    );
  });
});
