import assert from 'node:assert/strict';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import type { MeasureDto, PlanResponse } from '../../bot/http/api/apiTypes';
import { encodeKey } from '../../bot/storage/keys';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig, testStorage } from '../support/globalAzurite';
import { StorageRequestLog } from '../support/storageRequestLog';
import { call, grant, type Caller } from './apiSupport';

const REHAB = 'fsu-rehabilitering';
const MEASURE = DEFAULT_PLANS.committees.find((c) => c.id === REHAB)!.plan.mainGoals[0]!.subGoals[0]!
  .measures[0]!.id;
const TITLE = 'Felles opplæring i individuell plan';

const secretariat: Caller = { local: 'aad-secretariat', name: 'Siri Sekretariat' };
const outsider: Caller = { local: 'aad-outsider', name: 'Ola Utanfor' };
const submitter: Caller = { local: 'aad-runa', name: 'Runa Bakke' };

/** A case submitted by Runa and linked by the secretariat to the first measure of FSU rehabilitering. */
async function linkedCase(bot: RunningBot): Promise<CaseRecord> {
  await grant(bot, 'aad-secretariat', 'secretariat_leader', '*', 'Siri Sekretariat');
  const record = await submitCase(bot.app.services.cases, {
    draftId: 'plan-read-1',
    answers: { ...REFERENCE_STORED, title: TITLE },
    submitter: { id: 'aad-runa', name: 'Runa Bakke' },
    lang: 'nn',
    now: new Date(),
  });
  const linked = await call(bot, 'POST', `/api/cases/${record.number}/links`, secretariat, {
    committeeId: REHAB,
    measureId: MEASURE,
  });
  assert.equal(linked.status, 201, linked.text);
  return record;
}

async function planAs(bot: RunningBot, who: Caller) {
  const answer = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, who);
  assert.equal(answer.status, 200, answer.text);
  const measures: MeasureDto[] = answer.body.plan.mainGoals.flatMap((g) =>
    g.subGoals.flatMap((s) => s.measures),
  );
  return { text: answer.text, measure: measures.find((m) => m.id === MEASURE)! };
}

describe("tab API: a plan's read, with the cases linked to its measures", () => {
  it('asks storage for the plan’s partition and the reader’s roles once each, then for each linked case; a case’s title only for who may see it', async () => {
    const log = await StorageRequestLog.start(testStorage());
    const quiet = { ...testConfig().routing, jobsIntervalSeconds: 0 };
    const bot = await RunningBot.start(
      testConfig({ localIdentity: true, storage: log.storage, routing: quiet }),
    );
    try {
      const record = await linkedCase(bot);
      const from = log.requests.length;
      const outsiders = await planAs(bot, outsider);
      assert.deepEqual(log.to('Plans', from), ['GET'], 'one query: the items and the links');
      assert.deepEqual(log.to('Roles', from), ['GET'], 'the roles read once, for every question');
      assert.deepEqual(log.to('Cases', from), ['GET'], 'the linked case, to see whether they may see it');
      assert.equal(log.requests.length - from, 3, JSON.stringify(log.requests.slice(from)));

      // Someone who may not see the case sees the measure without it; not its title, not its number.
      assert.deepEqual(outsiders.measure.cases, []);
      assert.ok(!outsiders.text.includes(TITLE), 'the title is not in the answer');
      assert.ok(!outsiders.text.includes(record.number), 'nor the number');
      // The secretariat sees every case; the submitter sees their own.
      const shown = [{ number: record.number, title: TITLE, state: record.state }];
      assert.deepEqual((await planAs(bot, secretariat)).measure.cases, shown);
      assert.deepEqual((await planAs(bot, submitter)).measure.cases, shown);
    } finally {
      await bot.stop();
      await log.stop();
    }
  });

  it('a store that kept the plan side of links in the CaseLinks table gets them moved once, on start, and the plan still shows them', async () => {
    const config = testConfig({ localIdentity: true });
    const first = await RunningBot.start(config);
    const { storage } = first.app;
    const caseLinks = storage.table('caseLinks');
    const plans = storage.table('plans');
    let record: CaseRecord;
    try {
      record = await linkedCase(first);
    } finally {
      await first.stop();
    }
    // The earlier layout: the mirror in CaseLinks partition plan-<committee>, not in the plan's own
    // partition, and no record of the move.
    const linkRows = async () => {
      const rows: { partitionKey: string; rowKey: string; caseNumber: unknown }[] = [];
      for await (const row of plans.listEntities({
        queryOptions: { filter: `PartitionKey eq '${REHAB}' and RowKey ge 'link-' and RowKey lt 'link.'` },
      }))
        rows.push({ partitionKey: row.partitionKey!, rowKey: row.rowKey!, caseNumber: row.caseNumber });
      return rows;
    };
    const [mirror] = await linkRows();
    assert.ok(mirror, 'the plan side is in the plan partition');
    const {
      partitionKey: _pk,
      rowKey: _rk,
      ...fields
    } = await plans.getEntity<Record<string, unknown>>(mirror.partitionKey, mirror.rowKey);
    const { etag: _etag, timestamp: _ts, kind: _kind, ...old } = fields as Record<string, unknown>;
    const oldRow = {
      partitionKey: `plan-${encodeKey(REHAB)}`,
      rowKey: `${encodeKey(MEASURE)}|${encodeKey(record.number)}`,
    };
    await caseLinks.createEntity({ ...oldRow, ...old });
    await plans.deleteEntity(mirror.partitionKey, mirror.rowKey);
    await caseLinks.deleteEntity('_meta', 'mirrors-moved-to-plans');

    // Two instances start at once on that store.
    const [a, b] = await Promise.all([RunningBot.start(config), RunningBot.start(config)]);
    try {
      assert.deepEqual((await planAs(a, secretariat)).measure.cases, [
        { number: record.number, title: TITLE, state: record.state },
      ]);
      assert.deepEqual(
        (await linkRows()).map((r) => r.caseNumber),
        [record.number],
        'one plan-side row',
      );
      const leftInCaseLinks: string[] = [];
      for await (const row of caseLinks.listEntities()) leftInCaseLinks.push(row.partitionKey!);
      assert.deepEqual(leftInCaseLinks.sort(), ['_meta', `case-${encodeKey(record.number)}`]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    // Once: a later start does not look for old rows again.
    await caseLinks.createEntity({ ...oldRow, ...old });
    const later = await RunningBot.start(config);
    try {
      await caseLinks.getEntity(oldRow.partitionKey, oldRow.rowKey);
      assert.equal((await linkRows()).length, 1);
    } finally {
      await later.stop();
    }
  });
});
