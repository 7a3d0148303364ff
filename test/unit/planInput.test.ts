import assert from 'node:assert/strict';
import {
  PlanInputError,
  bool,
  direction,
  etag,
  onlyFields,
  priorityGroups,
  status,
  text,
  year,
} from '../../bot/domain/plans/planInput';

/** What people send to change a plan, as a table: the value, and what the check gives or refuses. */
type Check = () => unknown;
const OK: [string, Check, unknown][] = [
  ['text is trimmed and CRLF becomes LF', () => text('  a\r\nb  ', 'text', 100, true), 'a\nb'],
  ['optional empty text is absent', () => text('   ', 'responsible', 100, false), undefined],
  ['optional null text is absent', () => text(null, 'responsible', 100, false), undefined],
  ['Norwegian letters and emoji are kept', () => text('Æøå 🙂', 'text', 100, true), 'Æøå 🙂'],
  ['a phone number in text is fine', () => text('Ring 916 21 147', 'text', 100, true), 'Ring 916 21 147'],
  ['a status', () => status('in_progress'), 'in_progress'],
  ['a year inside the period', () => year(2024, 2023, 2026), 2024],
  ['an etag', () => etag('W/"datetime\'2026\'"'), 'W/"datetime\'2026\'"'],
  [
    'priority groups in canonical order',
    () => priorityGroups(['frail_elderly', 'children_youth']),
    ['children_youth', 'frail_elderly'],
  ],
  ['no priority groups', () => priorityGroups(undefined), undefined],
  ['direction up', () => direction('up'), 'up'],
  ['a boolean', () => bool(false, 'retired'), false],
  ['known fields only', () => onlyFields({ text: 'a' }, ['text', 'etag']), undefined],
];

const REFUSED: [string, Check, string | undefined, RegExp][] = [
  ['required text missing', () => text(undefined, 'text', 100, true), 'text', /required/],
  ['required text blank', () => text(' \n ', 'text', 100, true), 'text', /empty/],
  ['text that is a number', () => text(42, 'text', 100, true), 'text', /string/],
  ['text over the limit', () => text('x'.repeat(101), 'text', 100, true), 'text', /at most 100/],
  ['text with a control character', () => text('a\u0007b', 'text', 100, true), 'text', /control/],
  [
    'text with a fødselsnummer',
    () => text('Pasient 15058550040', 'text', 100, true),
    'text',
    /identity number/,
  ],
  ['an unknown status', () => status('green'), 'status', /status must be one of/],
  ['a year outside the period', () => year(2027, 2023, 2026), 'year', /2023-2026/],
  ['a year that is a string', () => year('2024', 2023, 2026), 'year', /whole number/],
  ['a missing etag', () => etag(''), 'etag', /etag is required/],
  ['priority groups that are not a list', () => priorityGroups('children_youth'), 'priorityGroups', /list/],
  ['an unknown priority group', () => priorityGroups(['children_youth', 'cats']), 'priorityGroups', /"cats"/],
  ['direction sideways', () => direction('left'), undefined, /up" or "down/],
  ['a boolean as text', () => bool('true', 'retired'), 'retired', /true or false/],
  [
    'an unknown field',
    () => onlyFields({ text: 'a', owner: 'me' }, ['text']),
    'owner',
    /Unknown field "owner"/,
  ],
];

describe('plan input checks (pure): a table of values', () => {
  for (const [name, check, expected] of OK) {
    it(`accepts: ${name}`, () => assert.deepEqual(check(), expected));
  }
  for (const [name, check, field, message] of REFUSED) {
    it(`refuses: ${name}`, () => {
      assert.throws(check, (error: unknown) => {
        assert.ok(error instanceof PlanInputError, String(error));
        assert.equal(error.field, field);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
