import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { cardBytes } from '../../bot/cards/cardTemplates';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { assertValidCard } from '../support/adaptiveCards';
import { textOf } from '../support/botHarness';
import { RoutingWorld, allText, lastCard, verbsOf, type Who } from './routingWorld';

/** Teams refuses a message over about 28 KB. */
const TEAMS_LIMIT = 28_000;

/** Long text as people write it: Norwegian letters, line breaks, a marker to find it by. */
const long = (marker: string, chars: number) =>
  `${marker} ` + 'Æ øå – sjå vedlegg. '.repeat(Math.ceil(chars / 20)).slice(0, chars - marker.length - 1);

function bytesOf(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

describe('case cards stay under the Teams size limit whatever people typed', () => {
  let world: RoutingWorld;

  beforeEach(async () => {
    world = await RoutingWorld.start();
    await world.joinAll();
  });
  afterEach(async () => {
    await world.stop();
  });

  /**
   * Old data: long standard justifications, stored directly as they were before any limit. 32,000
   * characters is about the most Table Storage keeps in one property (64 KB of UTF-16); 38,000 is
   * refused by the storage itself.
   */
  async function longJustifications() {
    const now = new Date();
    const by = 'old-data';
    const mid = await world.routing.justifications.save({ text: long('MIDDELS', 15_000), by, now });
    const huge = await world.routing.justifications.save({ text: long('ENORM', 32_000), by, now });
    return { mid, huge };
  }

  /** Old data: many long questions and replies, written straight into the case's history. */
  async function longHistory(number: string, rounds: number): Promise<CaseRecord> {
    const cases = world.bot.app.services.cases;
    let record = await world.caseOf(number);
    for (let i = 1; i <= rounds; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      const question = long(`SPØRSMÅL${i}`, 2000);
      const reply = long(`SVAR${i}`, 4000);
      for (const [event, comment] of [
        ['info_requested', question],
        ['info_added', reply],
      ] as const) {
        const seq = record.historyCount + 1;
        const routing = record.routing ?? { forumChain: [], infoRequests: [] };
        const infoRequests =
          event === 'info_requested'
            ? [...routing.infoRequests, { n: i, question, askedBy: { id: 's', name: 'S' }, askedAt: at }]
            : routing.infoRequests.map((q) => (q.n === i ? { ...q, reply, repliedAt: at } : q));
        const { etag: _etag, ...stored } = record;
        const next = { ...stored, historyCount: seq, updatedAt: at, routing: { ...routing, infoRequests } };
        const entry = {
          caseNumber: number,
          seq,
          at,
          by: { id: 's', name: 'S' },
          from: record.state,
          to: record.state,
          event,
          comment,
        };
        const written = await cases.transition(record, next, entry);
        assert.ok(written);
        record = written;
      }
    }
    return record;
  }

  async function refreshAs(who: Who, number: string) {
    const { status, body } = await world.users[who].execute('refresh', { caseNumber: number });
    assert.equal(status, 200);
    return body.value ?? {};
  }

  it('a 15,000- and a 32,000-character standard justification: every card fits, the text is offered by its beginning', async () => {
    const { huge } = await longJustifications();
    const number = await world.submit();
    const sent = lastCard(world.posted('secretariat'));
    assert.ok(cardBytes(sent) < TEAMS_LIMIT, `the card sent to the secretariat: ${cardBytes(sent)} bytes`);
    assertValidCard(sent, 'sent');
    assert.ok(allText(sent).includes('ENORM'), 'the long one is still offered');

    for (const who of ['secretariat', 'ssuLeader', 'submitter', 'admin'] as const) {
      const card = await refreshAs(who, number);
      assert.ok(cardBytes(card) < TEAMS_LIMIT, `${who}: ${cardBytes(card)} bytes`);
      assertValidCard(card, who);
    }

    // "Use and edit" with the 32,000-character one: the box gets what the step can take.
    const picked = await world.act('secretariat', 'useJustification', {
      caseNumber: number,
      v: 1,
      form: 'return',
      returnStandard: huge.id,
    });
    assert.ok(cardBytes(picked.card) < TEAMS_LIMIT, `use and edit: ${cardBytes(picked.card)} bytes`);
    assertValidCard(picked.card, 'use and edit');
    assert.ok(verbsOf(picked.card).includes('return'));

    // Returning with it picked and no text of one's own: a clear refusal, not an error.
    const refused = await world.act('secretariat', 'return', {
      caseNumber: number,
      v: 1,
      returnStandard: huge.id,
      justification: '',
    });
    assert.ok(cardBytes(refused.card) < TEAMS_LIMIT);
    assert.match(refused.text, /for lang/);
    assert.equal((await world.caseOf(number)).state, 'submitted');

    // The secretariat's list of them is a message that fits too.
    const listed = await world.users.secretariat.say('grunngjeving');
    for (const activity of listed) assert.ok(bytesOf(activity) < TEAMS_LIMIT, `${bytesOf(activity)} bytes`);
    assert.match(textOf(listed), /ENORM/);
  });

  it('many long questions and replies in the history: the cards keep the latest and say so', async () => {
    await longJustifications();
    const number = await world.submit();
    await longHistory(number, 30);
    for (const who of ['secretariat', 'ssuLeader', 'submitter'] as const) {
      const card = await refreshAs(who, number);
      assert.ok(cardBytes(card) < TEAMS_LIMIT, `${who}: ${cardBytes(card)} bytes`);
      assertValidCard(card, who);
      const text = allText(card);
      assert.match(
        text,
        /Nokre tekstar er korta ned|Noen tekster er kortet ned/,
        `${who}: says it is shortened`,
      );
      assert.ok(text.includes('SVAR30'), `${who}: the latest reply is there`);
    }
    // A step on it still works, and the copies sent afterwards fit.
    const result = await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 61,
      proposeForum: 'ssu',
      proposeComment: long('FORSLAG', 2000),
    });
    assert.match(result.text, /Lagra\./);
    assert.ok(cardBytes(result.card) < TEAMS_LIMIT);
    for (const who of ['ssuLeader', 'ssuDeputy', 'secretariat', 'submitter'] as const) {
      for (const activity of [...world.posted(who), ...world.updated(who)]) {
        assert.ok(bytesOf(activity) < TEAMS_LIMIT, `${who}: ${bytesOf(activity)} bytes`);
      }
    }
  });
});
