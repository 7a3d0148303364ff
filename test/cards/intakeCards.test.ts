import assert from 'node:assert/strict';
import {
  confirmCancelCard,
  helpCard,
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

const origin = { draftId: 'draft-1', version: 3 };

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
        const card = questionCard(field, lang, {
          origin,
          prefill: HOSTILE,
          current: HOSTILE,
          error: { code: 'required' },
        });
        assertValidCard(card, `question ${field.id}`);
        assertVerbatim(card, HOSTILE, `question ${field.id}`);
      }
    });

    it(`summary and receipt (${lang}) with hostile text in every answer`, () => {
      const answers = hostileAnswers();
      const summary = summaryCard(answers, lang, new Date(), false, origin);
      assertValidCard(summary.card, 'summary');
      assertVerbatim(summary.card, HOSTILE, 'summary');
      assert.deepEqual(summary.fullText, [], 'fits in one card');
      const receipt = receiptCard(record(answers), lang);
      assertValidCard(receipt.card, 'receipt');
      assertVerbatim(receipt.card, HOSTILE, 'receipt');
    });
  }

  it('leaves no unbound template expression on any card when the answers are ordinary text', () => {
    const plain = hostileAnswers('Vanleg tekst');
    const cards = [
      ...FORM_FIELDS.map((f) => questionCard(f, 'nn', { origin })),
      summaryCard(plain, 'nn', new Date(), false, origin).card,
      receiptCard(record(plain), 'nn').card,
      welcomeCard('nn'),
      resumeOfferCard('nn', '', new Date(), 2, origin),
      myCasesCard([record(plain)], 'nn'),
    ];
    for (const card of cards) assert.doesNotMatch(JSON.stringify(card), /\$\{/);
  });

  it('the other cards', () => {
    assertValidCard(welcomeCard('nn'), 'welcome');
    const offer = resumeOfferCard('nb', HOSTILE, new Date(), 4, origin);
    assertValidCard(offer, 'resume offer');
    assertVerbatim(offer, HOSTILE, 'resume offer');
    const mine = myCasesCard([record(hostileAnswers())], 'en');
    assertValidCard(mine, 'my cases');
    assertVerbatim(mine, HOSTILE, 'my cases');
    assertValidCard(messageCard({ paragraphs: ['x'], quote: HOSTILE }), 'message');
    const lines = messageCard({ heading: 'Roller', paragraphs: [], lines: [HOSTILE], footer: ['y'] });
    assertValidCard(lines, 'message with lines');
    assertVerbatim(lines, HOSTILE, 'message with lines');
    for (const lang of LANGUAGES) {
      assertValidCard(helpCard(lang), 'help');
      assertValidCard(confirmCancelCard(lang, HOSTILE, 7, origin), 'confirm cancel');
      assertVerbatim(confirmCancelCard(lang, HOSTILE, 7, origin), HOSTILE, 'confirm cancel');
    }
  });

  it('answers too long for one Teams message: shortened on the card, in full as plain messages', () => {
    const long = `${HOSTILE}\n${'æøå '.repeat(LONG_TEXT_MAX / 4 - HOSTILE.length)}`.slice(0, LONG_TEXT_MAX);
    const answers = hostileAnswers(long);
    const { card, fullText } = summaryCard(answers, 'nn', new Date(), false, origin);
    assert.ok(cardBytes(card) <= MAX_CARD_BYTES, 'the card stays within what Teams accepts');
    assertValidCard(card, 'long summary');
    const background = fullText.find((t) => t.includes('Bakgrunn'));
    assert.ok(background?.endsWith(long), 'the complete answer is sent as text');
  });
});

/** Every text a person reads on the card, in order (TextBlocks, TextRuns, input labels, facts). */
function readable(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
      if (typeof n.label === 'string') out.push(n.label);
      if (n.type === 'FactSet')
        for (const f of n.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      for (const [k, v] of Object.entries(n)) if (k !== 'data') walk(v);
    }
  };
  walk(card);
  return out;
}

describe('intake cards say each thing once, in order', () => {
  for (const lang of LANGUAGES) {
    it(`every question card shows its question once, and a choice list is labelled with its own question (${lang})`, () => {
      for (const field of FORM_FIELDS) {
        const texts = readable(questionCard(field, lang, { origin }));
        const repeated = texts.filter((t, i) => t.trim() !== '' && texts.indexOf(t) !== i);
        assert.deepEqual(repeated, [], `${field.id} repeats ${JSON.stringify(repeated)}`);
        if (field.kind === 'multiChoice') assert.ok(texts.includes(field.label[lang]), `${field.id} label`);
      }
    });

    it(`the summary names no answer twice under its heading (${lang})`, () => {
      const texts = readable(summaryCard(hostileAnswers('Svar'), lang, new Date(), false, origin).card);
      for (let i = 0; i + 1 < texts.length; i++) {
        const heading = texts[i]!.replace(/^\d+\.\u00a0/, '');
        assert.notEqual(texts[i + 1], heading, `"${texts[i]}" is followed by "${texts[i + 1]}"`);
      }
    });
  }

  it('the receipt: the case number as a fact, the next steps numbered from 1, how to follow the case', () => {
    const card = receiptCard(record(hostileAnswers('Svar')), 'nn').card;
    const texts = readable(card);
    assert.ok(texts.includes('Saksnummer: 2026-007'), texts.join(' | '));
    assert.ok(texts.includes('Status: Motteken'));
    const numbers = texts.filter((t) => /^\d+\.\u00a0$/.test(t));
    assert.deepEqual(numbers, ['1.\u00a0', '2.\u00a0', '3.\u00a0', '4.\u00a0']);
    assert.ok(
      texts.some((t) => /«status»/.test(t)),
      'says how to see the status',
    );
    assert.ok(JSON.stringify(card).includes('"command":"status"'), 'a "Mine saker" button');
  });

  it('every button on a draft card names the draft and the version it was drawn for', () => {
    const cards = [
      ...FORM_FIELDS.map((f) => questionCard(f, 'nn', { origin, current: 'x' })),
      summaryCard(hostileAnswers('Svar'), 'nn', new Date(), false, origin).card,
      resumeOfferCard('nn', 'T', new Date(), 2, origin),
      confirmCancelCard('nn', 'T', 2, origin),
    ];
    for (const card of cards) {
      const data = [...JSON.stringify(card).matchAll(/"data":(\{[^}]*\})/g)].map(
        (m) => JSON.parse(m[1]!) as { draft?: string; version?: number },
      );
      assert.ok(data.length > 0);
      for (const d of data) assert.deepEqual([d.draft, d.version], ['draft-1', 3], JSON.stringify(d));
    }
  });

  it('a question asked again shows the current answer verbatim and offers to keep it', () => {
    const field = FORM_FIELDS.find((f) => f.id === 'background')!;
    const card = questionCard(field, 'nn', { origin, current: HOSTILE });
    assertVerbatim(card, HOSTILE, 'current answer');
    assert.ok(readable(card).includes('Svaret ditt no:'));
    assert.ok(JSON.stringify(card).includes('"command":"keep"'));
  });
});
