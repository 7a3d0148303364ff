import assert from 'node:assert/strict';
import { PERSONAL_TAB_ENTITY_IDS, tabDeepLink } from '../../bot/cards/tabDeepLink';
import { ConfigError, loadConfig } from '../../bot/config';
import { parseSubEntityId, subEntityId, type TabTarget } from '../../bot/domain/tabTarget';
import { deepLinkHash } from '../../tab/src/deepLink';

const APP_ID = '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e';
/** A measure id with every kind of character a link must carry: colon, slash, space, %, ø, #, ?. */
const ODD_MEASURE = 'm:1/ø x%#?&';

describe('deep links into the tab: sub-entity ids, the Teams link, the hash route', function () {
  const targets: [TabTarget, string, string][] = [
    [{ kind: 'case', number: '2026-001' }, 'case:2026-001', '#/cases/2026-001'],
    [{ kind: 'case', number: '2026-1234' }, 'case:2026-1234', '#/cases/2026-1234'],
    [
      { kind: 'board', committeeId: 'fsu-rehabilitering' },
      'board:fsu-rehabilitering',
      '#/board/fsu-rehabilitering',
    ],
    [
      { kind: 'measure', committeeId: 'fsu-rehabilitering', measureId: 'g1.s2.m3' },
      'measure:fsu-rehabilitering:g1.s2.m3',
      '#/board/fsu-rehabilitering/measure/g1.s2.m3',
    ],
    [
      { kind: 'measure', committeeId: 'lsu-volda', measureId: ODD_MEASURE },
      'measure:lsu-volda:m%3A1%2F%C3%B8%20x%25%23%3F%26',
      '#/board/lsu-volda/measure/m%3A1%2F%C3%B8%20x%25%23%3F%26',
    ],
  ];

  for (const [target, id, hash] of targets) {
    it(`${JSON.stringify(target)} ⇄ ${id} → ${hash}`, function () {
      assert.equal(subEntityId(target), id);
      assert.deepEqual(parseSubEntityId(id), target);
      assert.equal(deepLinkHash(id), hash);
    });
  }

  const malformed: [string, unknown][] = [
    ['not a string', 42],
    ['no kind', '2026-001'],
    ['an unknown kind', 'sak:2026-001'],
    ['an empty case', 'case:'],
    ['a case number in another spelling', 'case:2026-7'],
    ['a case number with leading zeros', 'case:2026-0007'],
    ['a case with a trailing part', 'case:2026-001:x'],
    ['a case that is text', 'case:<script>alert(1)</script>'],
    ['a board without a committee', 'board:'],
    ['a committee id in capitals', 'board:FSU-IKT'],
    ['a committee id with a slash', 'board:fsu%2F..%2Fadmin'],
    ['a measure without its committee', 'measure:g1.s1.m1'],
    ['a measure with an empty id', 'measure:fsu-ikt:'],
    ['a measure id of blanks', 'measure:fsu-ikt:%20%20'],
    ['broken percent-encoding', 'measure:fsu-ikt:m%E0%A4%A'],
    ['a control character', 'measure:fsu-ikt:m%0A1'],
    ['an over-long id', `measure:fsu-ikt:${'m'.repeat(600)}`],
    ['the kind only', 'case'],
    ['colons only', ':::'],
  ];

  for (const [why, id] of malformed) {
    it(`refuses ${why}; the tab then opens on the overview`, function () {
      assert.equal(parseSubEntityId(id), undefined);
      if (typeof id === 'string') assert.equal(deepLinkHash(id), '#/overview');
    });
  }

  it('leaves the tab where its URL points when Teams gives no sub-entity id', function () {
    assert.equal(deepLinkHash(undefined), undefined);
    assert.equal(deepLinkHash(''), undefined);
  });

  it("builds Microsoft's deep link to the personal tab: app id, tab entity id, URI-encoded JSON context", function () {
    const link = tabDeepLink(APP_ID, { kind: 'case', number: '2026-001' });
    assert.equal(
      link,
      `https://teams.microsoft.com/l/entity/${APP_ID}/myCases?context=%7B%22subEntityId%22%3A%22case%3A2026-001%22%7D`,
    );
    const url = new URL(link);
    assert.deepEqual(JSON.parse(url.searchParams.get('context')!), { subEntityId: 'case:2026-001' });
  });

  it('sends a measure or a board to "Handlingsplanar", its odd characters surviving the round trip', function () {
    const target: TabTarget = { kind: 'measure', committeeId: 'lsu-volda', measureId: ODD_MEASURE };
    const url = new URL(tabDeepLink(APP_ID, target));
    assert.equal(url.pathname, `/l/entity/${APP_ID}/${PERSONAL_TAB_ENTITY_IDS.plans}`);
    assert.deepEqual(
      [...url.searchParams.keys()],
      ['context'],
      'one parameter: & or # in the id stay inside it',
    );
    const { subEntityId: carried } = JSON.parse(url.searchParams.get('context')!) as { subEntityId: string };
    assert.deepEqual(parseSubEntityId(carried), target);
    assert.equal(
      new URL(tabDeepLink(APP_ID, { kind: 'board', committeeId: 'ssu' })).pathname,
      `/l/entity/${APP_ID}/actionPlans`,
    );
  });

  it('reads TEAMS_APP_ID: a GUID, `none` or empty for none, anything else refused at start', function () {
    assert.equal(loadConfig({ TEAMS_APP_ID: APP_ID }).teamsAppId, APP_ID);
    assert.equal(loadConfig({ TEAMS_APP_ID: ` ${APP_ID} ` }).teamsAppId, APP_ID);
    assert.equal(loadConfig({}).teamsAppId, undefined);
    assert.equal(loadConfig({ TEAMS_APP_ID: '' }).teamsAppId, undefined);
    assert.equal(loadConfig({ TEAMS_APP_ID: 'none' }).teamsAppId, undefined);
    assert.throws(() => loadConfig({ TEAMS_APP_ID: 'helsefellesskap' }), ConfigError);
    assert.throws(() => loadConfig({ TEAMS_APP_ID: `${APP_ID}/x` }), ConfigError);
  });
});
