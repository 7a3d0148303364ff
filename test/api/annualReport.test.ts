import assert from 'node:assert/strict';
import { submitCase } from '../../bot/domain/cases/submitCase';
import type { AnnualReportResponse, CommitteeSummary } from '../../bot/http/api/apiTypes';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Caller } from './apiSupport';

const SEK = { id: 'aad-sek-0001', name: 'Siri Sekretariat' };
const SSU = { id: 'aad-ssu-0001', name: 'Sverre SSU' };
const secretariat: Caller = { local: SEK.id, name: SEK.name };
const ssuLeader: Caller = { local: SSU.id, name: SSU.name };
const rehabLeader: Caller = { local: 'aad-rehab-leader', name: 'Rut Rehab' };
const submitter: Caller = { local: 'aad-runa', name: 'Runa Bakke' };

/** The CSV's rows: every cell is quoted and none of this report's cells holds `;` or a quote. */
function csvRows(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF"'), 'UTF-8 byte-order mark for Excel, then quoted cells');
  assert.ok(text.endsWith('\r\n'));
  return text
    .slice(1, -2)
    .split('\r\n')
    .map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
}

describe("tab API: the SSU's annual report", () => {
  let bot: RunningBot;
  let routedNumber: string;

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }), () => new Date('2026-03-02T10:00:00Z'));
    await grant(bot, SEK.id, 'secretariat_leader', '*', SEK.name);
    await grant(bot, SSU.id, 'ssu_leader', '*', SSU.name);
    await grant(bot, 'aad-rehab-leader', 'committee_leader', 'fsu-rehabilitering', 'Rut Rehab');
    const submit = (draftId: string, title: string, priorityGroups: string[], at: string) =>
      submitCase(bot.app.services.cases, {
        draftId,
        answers: { ...REFERENCE_STORED, title, priorityGroups },
        submitter: { id: 'aad-runa', name: 'Runa Bakke' },
        lang: 'nn',
        now: new Date(at),
      });
    const routed = await submit(
      'd1',
      'Betre koordinering',
      ['children_youth', 'multiple_chronic'],
      '2026-03-01T09:00:00Z',
    );
    await submit('d2', 'Ny sak utan gruppe', [], '2026-03-01T10:00:00Z');
    await submit('d3', 'Fjorårets sak', ['children_youth'], '2025-11-01T10:00:00Z');
    routedNumber = routed.number;
    const service = bot.app.services.routing.caseService;
    const steps = [
      { actor: SEK, verb: 'propose', input: { forum: 'fsu-rehabilitering', comment: 'Rehabilitering' } },
      { actor: SSU, verb: 'approve', input: {} },
    ] as const;
    for (const [i, step] of steps.entries()) {
      const outcome = await service.decide({ caseNumber: routed.number, cardVersion: i + 1, ...step });
      assert.equal(outcome.kind, 'applied', step.verb);
    }
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("gives the secretariat the year's measures by status and cases by forum and state, per priority group", async () => {
    const answer = await call<AnnualReportResponse>(bot, 'GET', '/api/annual-report?year=2026', secretariat);
    assert.equal(answer.status, 200);
    const report = answer.body;
    assert.equal(report.year, 2026);
    assert.ok(report.years.includes(2025) && report.years.includes(2026));
    const byGroup = Object.fromEntries(report.groups.map((g) => [g.group, g]));
    assert.deepEqual(Object.keys(byGroup), [
      'children_youth',
      'mental_health_substance',
      'frail_elderly',
      'multiple_chronic',
      'untagged',
      'all',
    ]);

    // Cases: this year's only, by the forum that has them now; tagged ones under each of their groups.
    const casesOf = (group: string) =>
      byGroup[group]!.cases.map((c) => [c.forum, Object.entries(c.byState).filter(([, n]) => n > 0)]);
    assert.deepEqual(casesOf('children_youth'), [['fsu-rehabilitering', [['routed', 1]]]]);
    assert.deepEqual(casesOf('multiple_chronic'), [['fsu-rehabilitering', [['routed', 1]]]]);
    assert.deepEqual(casesOf('untagged'), [['none', [['submitted', 1]]]]);
    assert.equal(byGroup.all!.caseTotal, 2);

    // Measures: the "all" row is what the overview counts for the year, committee by committee.
    const overview = await call<CommitteeSummary[]>(bot, 'GET', '/api/committees?year=2026', secretariat);
    const overviewTotal = overview.body.reduce(
      (n, c) => n + c.counts.done + c.counts.in_progress + c.counts.not_started + c.counts.not_assessed,
      0,
    );
    assert.ok(overviewTotal > 0);
    assert.equal(byGroup.all!.measureTotal, overviewTotal);
    const tagged = ['children_youth', 'mental_health_substance', 'frail_elderly', 'multiple_chronic'];
    assert.ok(
      tagged.every((g) => byGroup[g]!.measureTotal > 0),
      'the seeded plans tag every group',
    );
    assert.ok(
      tagged.reduce((n, g) => n + byGroup[g]!.measureTotal, 0) + byGroup.untagged!.measureTotal >=
        overviewTotal,
    );

    const lastYear = await call<AnnualReportResponse>(bot, 'GET', '/api/annual-report?year=2025', ssuLeader);
    assert.equal(lastYear.status, 200);
    assert.deepEqual(
      lastYear.body.groups.find((g) => g.group === 'children_youth')!.cases.map((c) => c.forum),
      ['none'],
    );
  });

  it('as CSV like the other exports: BOM, `;`, headers, labels and file name in the language asked for', async () => {
    const nb = await call<string>(bot, 'GET', '/api/export/annual-report.csv?year=2026&lang=nb', secretariat);
    assert.equal(nb.status, 200);
    assert.match(nb.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(nb.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%C3%A5rsmelding-2026\.csv/);
    const rows = csvRows(nb.text);
    assert.deepEqual(rows[0], ['År', 'Prioritert pasientgruppe', 'Hva', 'Forum', 'Status', 'Antall']);
    assert.ok(
      rows.some((r) => r.join('|') === '2026|Barn og unge|Sak|Faglig samarbeidsutvalg for Rehabilitering|Fordelt til utvalg|1'),
      rows.map((r) => r.join('|')).join('\n'),
    );
    assert.ok(rows.some((r) => r.join('|') === '2026|Uten prioritert pasientgruppe|Sak||Mottatt|1'));
    assert.equal(rows.filter((r) => r[2] === 'Tiltak').length, 6 * 4, 'every status of every row');

    const en = await call<string>(bot, 'GET', '/api/export/annual-report.csv?year=2026&lang=en', secretariat);
    assert.match(en.headers.get('content-disposition') ?? '', /filename="annual-report-2026.csv"/);
    assert.deepEqual(csvRows(en.text)[0], [
      'Year',
      'Priority patient group',
      'What',
      'Forum',
      'State',
      'Count',
    ]);
  });

  it('refuses whoever may not see every case, and a year that is not one', async () => {
    for (const who of [rehabLeader, submitter]) {
      for (const path of ['/api/annual-report?year=2026', '/api/export/annual-report.csv?year=2026']) {
        const refused = await call(bot, 'GET', path, who);
        assert.equal(refused.status, 403, path);
        assert.equal(refused.err.code, 'forbidden');
        assert.ok(!refused.text.includes('fsu-rehabilitering') && !refused.text.includes(routedNumber));
      }
    }
    const denied = await bot.app.services.roles.deniedAttempts();
    assert.ok(denied.some((d) => d.personId === 'aad-rehab-leader' && d.target === 'annual-report'));
    const bad = await call(bot, 'GET', '/api/annual-report?year=26', secretariat);
    assert.equal(bad.status, 400);
    assert.equal((await call(bot, 'GET', '/api/annual-report?year=2026', undefined)).status, 401);
  });
});
