import assert from 'node:assert/strict';
import { parseRetryAfter } from '../../bot/notifications/botDelivery';

describe('Retry-After from the channel', () => {
  const now = new Date('2026-11-02T09:00:00Z');
  const cases: [string | undefined, number | undefined][] = [
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 02 Nov 2026 09:05:00 GMT', 5 * 60_000],
    ['Mon, 02 Nov 2026 08:00:00 GMT', 0], // already past: no wait
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected} ms`, () =>
      assert.equal(parseRetryAfter(header, now), expected));
  }
});
