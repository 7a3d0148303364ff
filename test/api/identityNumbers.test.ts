import assert from 'node:assert/strict';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import type { HistoryEntryDto, MeasureDto, PlanResponse } from '../../bot/http/api/apiTypes';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { call, grant, type Answer, type Caller } from './apiSupport';

const REHAB = 'fsu-rehabilitering';
const firstMeasure = DEFAULT_PLANS.committees.find((c) => c.id === REHAB)!.plan.mainGoals[0]!.subGoals[0]!
  .measures[0]!;
const leader: Caller = { local: 'aad-leader', name: 'Eirin Leiar' };

/** 15058550040 is a valid fødselsnummer (15 May 1985), written as people write it. */
const WRITTEN_AS_PEOPLE_DO = ['fødd 15.05.85 50040', '150 585 500 40', '150585\u00a050040'];

async function measureOf(bot: RunningBot): Promise<MeasureDto> {
  const plan = await call<PlanResponse>(bot, 'GET', `/api/committees/${REHAB}/plan`, leader);
  for (const g of plan.body.plan.mainGoals)
    for (const s of g.subGoals) for (const m of s.measures) if (m.id === firstMeasure.id) return m;
  throw new Error('measure not found');
}

describe('tab API: no national identity number in plan edits or status comments', () => {
  let bot: RunningBot;

  beforeEach(async () => {
    bot = await RunningBot.start(testConfig({ localIdentity: true }));
    await grant(bot, 'aad-leader', 'committee_leader', REHAB, 'Eirin Leiar');
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('refuses a plan edit whose text holds one, with its own code, and stores nothing', async () => {
    const before = await measureOf(bot);
    for (const written of WRITTEN_AS_PEOPLE_DO) {
      const answer: Answer<unknown> = await call(
        bot,
        'PATCH',
        `/api/committees/${REHAB}/items/${firstMeasure.id}`,
        leader,
        {
          etag: before.etag,
          text: `Oppfølging av pasient ${written}`,
        },
      );
      assert.equal(answer.status, 400, `${written} → ${answer.text}`);
      assert.equal(answer.err.code, 'national_id', 'the tab shows it in the person’s own language');
      assert.equal(answer.err.field, 'text');
      assert.match(answer.err.error, /national identity number/);
    }
    assert.deepEqual(await measureOf(bot), before);
  });

  it('refuses a status comment that holds one, and stores neither the status nor the comment', async () => {
    const before = await measureOf(bot);
    for (const written of WRITTEN_AS_PEOPLE_DO) {
      const answer: Answer<unknown> = await call(
        bot,
        'PUT',
        `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
        leader,
        { year: 2024, status: 'done', etag: before.etag, comment: `Gjeld ${written}` },
      );
      assert.equal(answer.status, 400, `${written} → ${answer.text}`);
      assert.equal(answer.err.code, 'national_id');
      assert.equal(answer.err.field, 'comment');
    }
    assert.deepEqual(await measureOf(bot), before);
    const history = await call<HistoryEntryDto[]>(
      bot,
      'GET',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/history`,
      leader,
    );
    assert.deepEqual(history.body, []);
  });

  it('takes a phone number and a case reference in the same comment', async () => {
    const before = await measureOf(bot);
    const answer = await call(
      bot,
      'PUT',
      `/api/committees/${REHAB}/measures/${firstMeasure.id}/status`,
      leader,
      { year: 2024, status: 'done', etag: before.etag, comment: 'Sjå sak 2026-001; tlf. +47 916 21 147.' },
    );
    assert.equal(answer.status, 200, answer.text);
  });
});
