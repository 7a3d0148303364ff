import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

/** Finds adaptive-cards/ from the source tree (bot/cards) and from the build (dist/bot/cards). */
function templatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'adaptive-cards');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`adaptive-cards/ not found above ${__dirname}`);
}

/**
 * An Adaptive Card as plain JSON (`{ type: 'AdaptiveCard', body, actions, ... }`). Cards are data; the
 * Teams adapter (bot/teams/cardReply.ts) and the delivery put them into the channel's message shape.
 */
export type AdaptiveCard = Record<string, unknown>;

const cache = new Map<string, ACData.Template>();

export type TemplateName =
  | 'intake-question'
  | 'intake-summary'
  | 'intake-receipt'
  | 'message-with-actions'
  | 'my-cases'
  | 'case-card'
  | 'case-message';

export function loadTemplate(name: TemplateName): ACData.Template {
  let template = cache.get(name);
  if (!template) {
    const json: unknown = JSON.parse(readFileSync(path.join(templatesDir(), `${name}.json`), 'utf8'));
    template = new ACData.Template(json);
    cache.set(name, template);
  }
  return template;
}

/**
 * Binds data to a template. Data values are never evaluated as template expressions (checked by
 * the card tests); user text must still only be bound into TextRuns, see verbatim.ts.
 */
export function expandCard(name: TemplateName, data: object): AdaptiveCard {
  return loadTemplate(name).expand({ $root: data }) as AdaptiveCard;
}

/** Bytes of the card as Teams receives it; Teams refuses messages over about 28 KB. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
