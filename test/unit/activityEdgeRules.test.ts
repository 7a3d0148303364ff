import assert from 'node:assert/strict';
import { isLocalCaller } from '../../bot/auth';
import { parseActivity } from '../../bot/teams/activitySchema';

const base = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1', conversationType: 'personal' },
  from: { id: '29:1', name: 'Åse', aadObjectId: 'aad-1' },
  recipient: { id: '28:bot' },
};

describe('the activity schema (parseActivity)', () => {
  const accepted: [string, Record<string, unknown>][] = [
    ['a plain message', { ...base, text: 'ny sak' }],
    ['an empty display name', { ...base, from: { id: '29:1', name: '' }, text: 'x' }],
    [
      'a mention of the bot',
      {
        ...base,
        text: '<at>Bot</at> hjelp',
        entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>Bot</at>' }],
      },
    ],
    [
      'a card submit with any JSON value',
      { ...base, value: { intake: 'answer', field: 'x', value: { toString: 'x' } } },
    ],
    [
      'extra fields Teams may add',
      { ...base, text: 'x', localTimezone: 'Europe/Oslo', channelData: { tenant: { id: 't' }, extra: [1] } },
    ],
    [
      'a card action',
      {
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'refresh' }, trigger: 'automatic' },
      },
    ],
    [
      'an invoke we do not serve, value anything',
      { ...base, type: 'invoke', name: 'application/search', value: 'x' },
    ],
    ['a type the bot does not serve, content unchecked', { ...base, type: 'typing', value: { toString: 1 } }],
  ];
  for (const [what, body] of accepted) {
    it(`accepts ${what}`, () => assert.equal(parseActivity(body).ok, true));
  }

  const refused: [string, unknown, string, string, boolean][] = [
    ['a number', 7, 'body', '(activity)', false],
    ['no type', { ...base, type: undefined }, 'envelope', 'type', false],
    [
      'a recipient id that is an object',
      { ...base, recipient: { id: {} } },
      'envelope',
      'recipient.id',
      false,
    ],
    [
      'a service URL that is not http(s)',
      { ...base, serviceUrl: 'file:///etc/passwd' },
      'envelope',
      'serviceUrl',
      false,
    ],
    ['entities that is not an array', { ...base, entities: {} }, 'content', 'entities', true],
    [
      'an attachment without a string content type',
      { ...base, attachments: [{ contentType: 1 }] },
      'content',
      'attachments.0.contentType',
      true,
    ],
    [
      'a display name that is a number',
      { ...base, from: { id: '29:1', name: 3 } },
      'envelope',
      'from.name',
      false,
    ],
    [
      'members that are not accounts',
      { ...base, type: 'conversationUpdate', membersAdded: [1] },
      'content',
      'membersAdded.0',
      true,
    ],
    [
      'a card action of another type',
      {
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Submit', verb: 'x' } },
      },
      'content',
      'value.action.type',
      true,
    ],
    [
      'a field name that is not a plain name',
      {
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'x' }, trigger: {} },
        ['Error: x']: 1,
      },
      'content',
      'value.trigger',
      true,
    ],
  ];
  for (const [what, body, check, path, answerable] of refused) {
    it(`refuses ${what}: ${check} check, path ${path}`, () => {
      const parsed = parseActivity(body);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.refusal.check, check);
      assert.equal(parsed.refusal.path, path);
      assert.equal(parsed.envelope !== undefined, answerable, 'whether the person can still be answered');
    });
  }

  it('never repeats a sender-chosen key or value in the reason', () => {
    const parsed = parseActivity({ ...base, channelData: { tenant: 'Error: at x (/work/x.ts:1:1)' } });
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.refusal.reason, 'activity.channelData.tenant must be an object.');
  });
});

describe('isLocalCaller: loopback and through no proxy', () => {
  const cases: [string | undefined, Record<string, string>, boolean][] = [
    ['127.0.0.1', {}, true],
    ['::1', {}, true],
    ['::ffff:127.0.0.1', {}, true],
    ['10.0.0.5', {}, false],
    [undefined, {}, false],
    ['127.0.0.1', { 'x-forwarded-for': '203.0.113.1' }, false],
    ['127.0.0.1', { forwarded: 'for=203.0.113.1' }, false],
    ['127.0.0.1', { 'x-forwarded-host': 'a.example' }, false],
    ['127.0.0.1', { 'x-real-ip': '203.0.113.1' }, false],
    ['127.0.0.1', { via: '1.1 proxy' }, false],
    ['127.0.0.1', { 'x-local-identity': 'oid-1', host: 'localhost' }, true],
  ];
  for (const [address, headers, local] of cases) {
    it(`${address ?? 'no address'} with ${Object.keys(headers).join(', ') || 'no headers'} → ${local ? 'local' : 'not local'}`, () =>
      assert.equal(isLocalCaller({ socket: { remoteAddress: address }, headers }), local));
  }
});
