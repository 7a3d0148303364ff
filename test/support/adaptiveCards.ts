/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the adaptivecards dist bundle ships no types for require() */
import assert from 'node:assert/strict';
import { FORM_FIELDS, type Answers } from '../../bot/domain/form/intakeForm';

// The package's main entry needs a DOM; its dist bundle parses and validates in Node.
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Parses a card with the Adaptive Cards library and returns every parse and validation problem. */
export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(String(context.getEventAt(i).message));
  for (const event of parsed.validateProperties().validationEvents as { message: string }[])
    problems.push(event.message);
  return problems;
}

/** Asserts a card parses cleanly and targets schema 1.5 at most (what Teams renders). */
export function assertValidCard(card: Record<string, unknown>, name: string): void {
  assert.deepEqual(cardProblems(card), [], `${name} has problems`);
  const version = Number(card.version);
  assert.ok(version > 0 && version <= 1.5, `${name} declares version ${String(card.version)}`);
}

interface TextNode {
  type: string;
  text: string;
}

/** Every element with a text: its type (TextBlock, TextRun, FactSet fact...) and the text. */
export function textNodes(card: unknown): TextNode[] {
  const found: TextNode[] = [];
  const walk = (node: unknown, parentType: string) => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, parentType));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const type = typeof record.type === 'string' ? record.type : parentType;
      for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
        if (typeof record[key] === 'string') found.push({ type: `${type}.${key}`, text: record[key] });
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'data') walk(value, type);
    }
  };
  walk(card, 'AdaptiveCard');
  return found;
}

/**
 * Text that would be changed by a card renderer if it were not handled: markdown, template
 * expressions, the DATE/TIME functions, HTML.
 */
export const HOSTILE =
  '${title} ${$root.secret} {{DATE(2024-01-01T00:00:00Z, SHORT)}} {{TIME(2024-01-01T00:00:00Z)}} ' +
  '[lenke](https://evil.example) **feit** _kursiv_ <b>html</b> <script>alert(1)</script> @{x}\n- punkt\n1. nummer';

/**
 * Asserts that the hostile text shows verbatim and only where no markdown or function applies:
 * inside a TextRun (or as an input's value), never in a TextBlock, and with DATE()/TIME() defused.
 */
export function assertVerbatim(card: unknown, expected: string, name: string): void {
  const nodes = textNodes(card);
  const seen = (t: string) => t.split('\u2060').join('');
  const carrying = nodes.filter((n) => seen(n.text).includes(expected));
  assert.ok(carrying.length > 0, `${name}: the text is shown somewhere`);
  for (const node of carrying) {
    assert.ok(
      /^TextRun\.text$|\.value$/.test(node.type),
      `${name}: user text in ${node.type} would be rendered as markdown`,
    );
  }
  for (const node of nodes) {
    assert.doesNotMatch(
      node.text,
      /\{\{(DATE|TIME)\(/,
      `${name}: a DATE/TIME function would be evaluated in ${node.type}`,
    );
  }
}

/** Every text answer of the form set to `text`, every choice question with options chosen. */
export function hostileAnswers(text = HOSTILE): Answers {
  const answers: Answers = {};
  for (const field of FORM_FIELDS) {
    const options = field.options ?? [];
    if (field.kind === 'singleChoice') answers[field.id] = options[0]?.value ?? '';
    else if (field.kind === 'multiChoice') answers[field.id] = options.map((o) => o.value);
    else answers[field.id] = text;
  }
  return answers;
}
