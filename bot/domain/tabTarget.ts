import { parseCaseNumber } from './cases/caseModel';

/**
 * A place in the tab that a link from outside can open: a case, a measure on its committee's board,
 * or a committee's board. Teams carries it into the tab as the "sub-entity id" of a deep link (and a
 * channel tab's entity id names its board the same way), so the bot writes these ids and the tab
 * reads them: one format, defined here.
 */
export type TabTarget =
  | { kind: 'case'; number: string }
  | { kind: 'measure'; committeeId: string; measureId: string }
  | { kind: 'board'; committeeId: string };

/** Teams limits a sub-entity id's length; a longer text is no id this app wrote. */
const MAX_ID_LENGTH = 500;
const COMMITTEE_ID = /^[a-z0-9][a-z0-9-]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * `case:2026-001`, `measure:<committeeId>:<measureId>`, `board:<committeeId>`. Each part is
 * URI-encoded, so a measure id holding a colon, a space or a slash still reads back as itself.
 */
export function subEntityId(target: TabTarget): string {
  const part = encodeURIComponent;
  switch (target.kind) {
    case 'case':
      return `case:${part(target.number)}`;
    case 'measure':
      return `measure:${part(target.committeeId)}:${part(target.measureId)}`;
    case 'board':
      return `board:${part(target.committeeId)}`;
  }
}

/** The target a sub-entity id names; undefined for anything this app would not have written. */
export function parseSubEntityId(id: unknown): TabTarget | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return undefined;
  const [kind, ...encoded] = id.split(':');
  const parts = encoded.map(decodedPart);
  if (parts.some((p) => p === undefined)) return undefined;
  const [first, second] = parts as string[];
  if (kind === 'case' && parts.length === 1 && parseCaseNumber(first)) {
    return { kind: 'case', number: first! };
  }
  if (kind === 'board' && parts.length === 1 && COMMITTEE_ID.test(first!)) {
    return { kind: 'board', committeeId: first! };
  }
  if (kind === 'measure' && parts.length === 2 && COMMITTEE_ID.test(first!)) {
    return { kind: 'measure', committeeId: first!, measureId: second! };
  }
  return undefined;
}

/** One decoded part: not empty, valid percent-encoding, no control characters. */
function decodedPart(part: string): string | undefined {
  let text: string;
  try {
    text = decodeURIComponent(part);
  } catch {
    return undefined;
  }
  return text.trim() === '' || CONTROL.test(text) ? undefined : text;
}
