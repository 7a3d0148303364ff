import assert from 'node:assert/strict';
import { caseCard, caseMessageCard, type CaseViewer } from '../../bot/cards/caseCards';
import { cardBytes } from '../../bot/cards/cardTemplates';
import { tabDeepLink } from '../../bot/cards/tabDeepLink';
import { CASE_STATES, type CaseRecord, type CaseTransition } from '../../bot/domain/cases/caseModel';
import { LONG_TEXT_MAX } from '../../bot/domain/form/intakeForm';
import { LANGUAGES } from '../../bot/domain/i18n/language';
import { DEFAULT_JUSTIFICATIONS } from '../../bot/domain/routing/justifications';
import { HOSTILE, assertValidCard, assertVerbatim, hostileAnswers } from '../support/adaptiveCards';
import { allText, verbsOf } from './routingWorld';

const person = { id: 'aad-1', name: HOSTILE };

/** A case in the given state with every routing field filled with hostile text. */
function hostileCase(state: CaseRecord['state'], text = HOSTILE): CaseRecord {
  const at = '2026-11-23T10:00:00Z';
  return {
    number: '2026-007',
    year: 2026,
    seq: 7,
    title: text,
    state,
    answers: hostileAnswers(text),
    submitter: { ...person, lang: 'nn' },
    submittedAt: at,
    updatedAt: at,
    historyCount: 5,
    routing: {
      proposal: {
        forum: 'fsu-ikt',
        comment: text,
        by: person,
        at,
        approvals: [{ by: person, at, comment: text }],
      },
      forumChain: ['routed', 'decided'].includes(state)
        ? [
            { forum: 'fsu-ikt', kind: 'routed', reason: text, by: person, at },
            { forum: 'lsu-volda', kind: 'forwarded', reason: text, by: person, at },
          ]
        : [],
      infoRequests: [
        { n: 1, question: text, askedBy: person, askedAt: at, reply: text, repliedAt: at },
        { n: 2, question: text, askedBy: person, askedAt: at },
      ],
      ...(state === 'returned' ? { returned: { justification: text, by: person, at } } : {}),
      ...(state === 'withdrawn' ? { withdrawn: { comment: text, at } } : {}),
      ...(state === 'decided'
        ? {
            outcome: {
              decision: text,
              meetingDate: '2026-12-01',
              forumCaseNumber: 'Sak 39/22',
              minutesUrl: 'https://helse-mr.no/referat.pdf',
              by: person,
              at,
            },
          }
        : {}),
    },
  };
}

const history: CaseTransition[] = [
  { caseNumber: '2026-007', seq: 1, at: '2026-11-23T10:00:00Z', by: person, from: null, to: 'submitted' },
  {
    caseNumber: '2026-007',
    seq: 2,
    at: '2026-11-23T11:00:00Z',
    by: person,
    from: 'submitted',
    to: 'submitted',
    event: 'info_requested',
    comment: HOSTILE,
  },
];

const VIEWERS: Omit<CaseViewer, 'lang'>[] = [
  { secretariat: true, ssuLeadership: false, forumLeadership: false, submitter: false, view: 'full' },
  { secretariat: false, ssuLeadership: true, forumLeadership: false, submitter: false, view: 'full' },
  { secretariat: false, ssuLeadership: false, forumLeadership: false, submitter: true, view: 'submitter' },
  { secretariat: false, ssuLeadership: false, forumLeadership: false, submitter: false, view: 'full' },
];

/** The card's "open in the tab" buttons, wherever they are (the minutes link is another OpenUrl). */
function tabLinks(card: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const action = node as { type?: string; url?: string };
    if (action.type === 'Action.OpenUrl' && action.url?.startsWith('https://teams.microsoft.com/l/entity/'))
      found.push(node);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

const justifications = DEFAULT_JUSTIFICATIONS.map((j) => ({ ...j, updatedBy: 'x', updatedAt: 'x' }));

describe('case card templates (adaptive-cards/case-card.json, case-message.json)', () => {
  for (const state of CASE_STATES) {
    for (const lang of LANGUAGES) {
      it(`case card, ${state}, ${lang}: valid for every role, hostile text verbatim everywhere`, () => {
        for (const viewer of VIEWERS) {
          const card = caseCard(
            hostileCase(state),
            history,
            { lang, ...viewer },
            {
              approvalsRequired: 1,
              justifications,
              refreshUserIds: ['29:a', '29:b'],
              notice: 'invalid',
              errors: [{ field: 'comment', code: 'required' }],
              inputs: { proposeComment: HOSTILE },
            },
          );
          const name = `${state}/${lang}/${JSON.stringify(viewer)}`;
          assertValidCard(card, name);
          assertVerbatim(card, HOSTILE, name);
          assert.ok(cardBytes(card) < 28_000, `${name}: ${cardBytes(card)} bytes`);
          assert.deepEqual((card.refresh as { userIds: string[] }).userIds, ['29:a', '29:b']);
        }
      });
    }
  }

  it('offers each role only its own actions for the state', () => {
    const verbs = (state: CaseRecord['state'], i: number) =>
      verbsOf(
        caseCard(hostileCase(state), [], { lang: 'nn', ...VIEWERS[i]! }, { approvalsRequired: 1 }),
      ).sort();
    assert.deepEqual(verbs('submitted', 0), ['propose', 'refresh', 'requestInfo', 'return']);
    assert.deepEqual(verbs('routing_proposed', 1), ['approve', 'changeForum', 'refresh']);
    assert.deepEqual(verbs('routed', 0), ['forward', 'outcome', 'refresh']);
    assert.deepEqual(verbs('submitted', 2), ['refresh', 'replyInfo', 'withdraw']);
    assert.deepEqual(verbs('submitted', 3), ['refresh']);
    assert.deepEqual(verbs('decided', 0), ['refresh']);
  });

  it('reads without its refresh: no refresh clause when nobody can be refreshed, everything still shown', () => {
    const card = caseCard(
      hostileCase('decided', 'Vanleg tekst'),
      history,
      { lang: 'nn', ...VIEWERS[3]! },
      { approvalsRequired: 1 },
    );
    assert.equal(card.refresh, undefined);
    assertValidCard(card, 'without refresh');
    const text = allText(card);
    for (const expected of [
      'Sak 2026-007',
      'Avgjort',
      'Sak 39/22',
      'Fagleg samarbeidsutval for IKT-løysingar',
      'LSU Volda',
      'Vanleg tekst',
    ]) {
      assert.ok(text.includes(expected), expected);
    }
  });

  it('stays under the Teams size limit with every answer at full length, shortening the answers', () => {
    const long = 'æøå '.repeat(LONG_TEXT_MAX / 4);
    const card = caseCard(
      hostileCase('submitted', long),
      [],
      { lang: 'nn', ...VIEWERS[0]! },
      { approvalsRequired: 1 },
    );
    assert.ok(cardBytes(card) < 28_000, `${cardBytes(card)} bytes`);
    assertValidCard(card, 'long');
  });

  it('links to the case in the tab ("Opne i fana") when the Teams app id is set, for every role, in each language', () => {
    const appId = '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e';
    const expected = tabDeepLink(appId, { kind: 'case', number: '2026-007' });
    const titles = { nn: 'Opne i fana', nb: 'Åpne i fanen', en: 'Open in the tab' };
    for (const lang of LANGUAGES) {
      for (const viewer of VIEWERS) {
        for (const state of ['submitted', 'decided'] as const) {
          const name = `${state}/${lang}/${JSON.stringify(viewer)}`;
          const card = caseCard(
            hostileCase(state),
            history,
            { lang, ...viewer },
            {
              approvalsRequired: 1,
              justifications,
              teamsAppId: appId,
            },
          );
          assertValidCard(card, name);
          assert.deepEqual(
            tabLinks(card),
            [{ type: 'Action.OpenUrl', title: titles[lang], url: expected }],
            name,
          );
        }
      }
    }
  });

  it('has no tab link without the Teams app id (locally), and keeps it when the card is shortened', () => {
    const card = caseCard(
      hostileCase('submitted'),
      history,
      { lang: 'nn', ...VIEWERS[0]! },
      { approvalsRequired: 1 },
    );
    assert.deepEqual(tabLinks(card), []);
    const long = 'æøå '.repeat(LONG_TEXT_MAX / 4);
    const shortened = caseCard(
      hostileCase('submitted', long),
      [],
      { lang: 'nn', ...VIEWERS[0]! },
      {
        approvalsRequired: 1,
        teamsAppId: '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e',
      },
    );
    assert.ok(cardBytes(shortened) < 28_000, `${cardBytes(shortened)} bytes`);
    assert.equal(tabLinks(shortened).length, 1, 'the whole case is in the tab: the link stays');
  });

  it('lists the measures the case led to, verbatim and within the size limit however many and long', () => {
    const long = 'æøå '.repeat(LONG_TEXT_MAX / 4);
    const few = caseCard(
      hostileCase('decided', 'kort'),
      [],
      { lang: 'nn', ...VIEWERS[0]! },
      {
        approvalsRequired: 1,
        measures: [{ committeeName: 'FSU Rehabilitering', text: `Tiltaket: ${HOSTILE}` }],
      },
    );
    assertValidCard(few, 'one measure');
    assert.match(allText(few), /Tiltak i handlingsplanen[^]*FSU Rehabilitering: /);
    assertVerbatim(few, `Tiltaket: ${HOSTILE}`, 'measure text');
    const many = caseCard(
      hostileCase('decided', long),
      [],
      { lang: 'nn', ...VIEWERS[0]! },
      {
        approvalsRequired: 1,
        measures: Array.from({ length: 40 }, (_, i) => ({ committeeName: `Utval ${i}`, text: long })),
      },
    );
    assert.ok(cardBytes(many) < 28_000, `${cardBytes(many)} bytes`);
    assertValidCard(many, 'many long measures');
    // Shortened to the latest of them, as the other lists are.
    assert.match(allText(many), /Utval 39: /);
  });

  it('the notification card: valid, hostile text verbatim, the link a button', () => {
    for (const lang of LANGUAGES) {
      const card = caseMessageCard({
        caseNumber: '2026-007',
        heading: 'Saka di 2026-007',
        title: HOSTILE,
        blocks: [{ label: 'Grunngjeving:', text: HOSTILE }],
        link: { title: 'Opne referatet', url: 'https://helse-mr.no/referat.pdf' },
        reply: { label: 'Svaret ditt', confirm: 'Send', error: 'Må fyllast ut' },
      });
      assertValidCard(card, `message ${lang}`);
      assertVerbatim(card, HOSTILE, `message ${lang}`);
      assert.deepEqual(verbsOf(card), ['replyInfo']);
    }
  });
});
