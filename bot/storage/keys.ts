import { createHash } from 'node:crypto';

/**
 * Table Storage forbids `/ \ # ?` and control characters in PartitionKey/RowKey and caps a key at 1 KiB.
 * Bot Framework ids ("29:1a...", "a:1x...", "msteams/conversations/...") contain some of those, so
 * every key made from outside data goes through here. Readable characters stay as they are; anything
 * else becomes `~hh` (UTF-8 bytes in hex), so the mapping is reversible and collision-free.
 */
const SAFE = /[A-Za-z0-9\-_.:@]/;
const MAX_KEY_CHARS = 512;

export function encodeKey(raw: string): string {
  let out = '';
  for (const ch of raw) {
    if (SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += '~' + byte.toString(16).padStart(2, '0');
  }
  if (out.length <= MAX_KEY_CHARS) return out;
  // Over-long ids are not expected from Teams; a hash keeps them unique and within the limit.
  return out.slice(0, 400) + '~~' + createHash('sha256').update(raw).digest('hex');
}

/** Smallest string greater than every string that starts with `prefix` (for RowKey range queries). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
