import assert from 'node:assert/strict';
import {
  CHUNK_CHARS,
  MAX_JSON_CHARS,
  StorageLimitError,
  packJson,
  unpackJson,
} from '../../bot/storage/chunkedJson';
import { encodeKey, prefixUpperBound } from '../../bot/storage/keys';

describe('table keys', () => {
  it('removes every character Table Storage forbids and stays reversible-unique', () => {
    const ids = [
      'msteams/conversations/a:1#x?y\\z',
      'msteams/conversations/a:1#x?y/z',
      '29:1AbC-æøå',
      '\u0001tab',
    ];
    const keys = ids.map(encodeKey);
    // eslint-disable-next-line no-control-regex -- the control characters are what is being checked
    for (const key of keys) assert.doesNotMatch(key, /[/\\#?\u0000-\u001f\u007f-\u009f]/);
    assert.equal(new Set(keys).size, ids.length);
    assert.equal(encodeKey('29:1abc'), '29:1abc', 'Teams ids stay readable');
  });

  it('bounds over-long ids', () => {
    assert.ok(encodeKey('x'.repeat(5000)).length < 1024);
    assert.notEqual(encodeKey('x'.repeat(5000)), encodeKey('x'.repeat(5001)));
  });

  it('gives an upper bound for prefix range queries', () => {
    assert.equal(prefixUpperBound('by-state-'), 'by-state.');
    assert.ok('by-state-submitted-000001' < prefixUpperBound('by-state-'));
  });
});

describe('chunked JSON columns', () => {
  it('round-trips a value larger than one property', () => {
    const value = { text: 'æ'.repeat(CHUNK_CHARS * 2 + 17), list: [1, 2, 3] };
    const columns = packJson(value, 'state');
    assert.equal(columns.stateChunks, 3);
    for (const [key, column] of Object.entries(columns)) {
      if (typeof column === 'string') assert.ok(column.length <= CHUNK_CHARS, key);
    }
    assert.deepEqual(unpackJson(columns, 'state'), value);
  });

  it('refuses values over the entity limit with a clear error', () => {
    assert.throws(() => packJson({ text: 'x'.repeat(MAX_JSON_CHARS) }, 'state'), StorageLimitError);
  });

  it('notices a missing chunk instead of returning half a value', () => {
    const columns = packJson({ text: 'y'.repeat(CHUNK_CHARS + 5) }, 'state');
    delete columns.state1;
    assert.throws(() => unpackJson(columns, 'state'), /chunk 1/);
  });
});
