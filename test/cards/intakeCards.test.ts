import assert from 'node:assert/strict';
import {
  messageCard,
  myCasesCard,
  questionCard,
  receiptCard,
  resumeOfferCard,
  summaryCard,
  welcomeCard,
  MAX_CARD_BYTES,
} from '../../bot/cards/intakeCards';
import { cardBytes } from '../../bot/cards/cardTemplates';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { FORM_FIELDS, LONG_TEXT_MAX, type Answers } from '../../bot/domain/form/intakeForm';
import { LANGUAGES } from '../../bot/domain/i18n/language';
import {
  HOSTILE,
  assertValidCard,
  assertVerbatim,
  cardProblems,
  hostileAnswers,
} from '../support/adaptiveCards';

const content = (attachment: { content?: unknown }) => attachment.content as Record<string, unknown>;

const record = (answers: Answers): CaseRecord => ({
  number: '2026-007',
  year: 2026,
  seq: 7,
  title: String(answers.title),
  state: 'submitted',
  answers,
  submitter: { id: 'aad-1', name: HOSTILE, lang: 'nn' },
  submittedAt: '2026-11-23T10:00:00Z',
  updatedAt: '2026-11-23T10:00:00Z',
  historyCount: 1,
});

describe('intake cards: valid Adaptive Cards (schema ≤ 1.5) with user text shown verbatim', () => {
  it('the validator itself catches a broken card', () => {
    assert.notDeepEqual(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nope' }] }), []);
  });

  for (const lang of LANGUAGES) {
    it(`every question card (${lang}), also with an error and a hostile prefill`, () => {
      for (const field of FORM_FIELDS) {
        const card = content(questionCard(field, lang, { prefill: HOSTILE, error: { code: 'required' } }));
        assertValidCard(card, `question ${field.id}`);
        assertVerbatim(card, HOSTILE, `question ${field.id}`);
      }
    });

    it(`summary and receipt (${lang}) with hostile text in every answer`, () => {
      const answers = hostileAnswers();
      const summary = summaryCard(answers, lang, new Date(), false);
      assertValidCard(content(summary.card), 'summary');
      assertVerbatim(content(summary.card), HOSTILE, 'summary');
      assert.deepEqual(summary.fullText, [], 'fits in one card');
      const receipt = receiptCard(record(answers), lang);
      assertValidCard(content(receipt.card), 'receipt');
      assertVerbatim(content(receipt.card), HOSTILE, 'receipt');
    });
  }

  it('leaves no unbound template expression on any card when the answers are ordinary text', () => {
    const plain = hostileAnswers('Vanleg tekst');
    const cards = [
      ...FORM_FIELDS.map((f) => content(questionCard(f, 'nn', {}))),
      content(summaryCard(plain, 'nn', new Date(), false).card),
      content(receiptCard(record(plain), 'nn').card),
      content(welcomeCard('nn')),
      content(resumeOfferCard('nn', '', new Date(), 2)),
      content(myCasesCard([record(plain)], 'nn')),
    ];
    for (const card of cards) assert.doesNotMatch(JSON.stringify(card), /\$\{/);
  });

  it('the other cards', () => {
    assertValidCard(content(welcomeCard('nn')), 'welcome');
    const offer = content(resumeOfferCard('nb', HOSTILE, new Date(), 4));
    assertValidCard(offer, 'resume offer');
    assertVerbatim(offer, HOSTILE, 'resume offer');
    const mine = content(myCasesCard([record(hostileAnswers())], 'en'));
    assertValidCard(mine, 'my cases');
    assertVerbatim(mine, HOSTILE, 'my cases');
    assertValidCard(content(messageCard({ paragraphs: ['x'], quote: HOSTILE })), 'message');
  });

  it('answers too long for one Teams message: shortened on the card, in full as plain messages', () => {
    const long = `${HOSTILE}\n${'æøå '.repeat(LONG_TEXT_MAX / 4 - HOSTILE.length)}`.slice(0, LONG_TEXT_MAX);
    const answers = hostileAnswers(long);
    const { card, fullText } = summaryCard(answers, 'nn', new Date(), false);
    assert.ok(cardBytes(content(card)) <= MAX_CARD_BYTES, 'the card stays within what Teams accepts');
    assertValidCard(content(card), 'long summary');
    const background = fullText.find((t) => t.includes('Bakgrunn'));
    assert.ok(background?.endsWith(long), 'the complete answer is sent as text');
  });
});
