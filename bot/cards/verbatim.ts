/**
 * User text on a card must read exactly as typed. Two things on a card would change it:
 * - markdown, which Adaptive Cards apply to TextBlock: user text is therefore only ever bound into a
 *   RichTextBlock's TextRun, which has no markdown;
 * - the DATE()/TIME() functions, which renderers apply to TextBlock and TextRun alike when the text
 *   holds `{{DATE(2024-01-01T00:00:00Z)}}`: a WORD JOINER (U+2060, invisible and zero-width) between
 *   the two opening braces stops the function from matching while the text looks the same.
 */
const WORD_JOINER = '\u2060';

export function verbatim(text: string): string {
  return text.replace(/\{\{/g, `{${WORD_JOINER}{`);
}

/** Reverses verbatim(): what a person sees and copies, for tests and exports. */
export function unverbatim(text: string): string {
  return text.split(WORD_JOINER).join('');
}
