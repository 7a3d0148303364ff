import assert from 'node:assert/strict';
import { generateKeyPair } from 'jose';
import { ConfigError, loadConfig } from '../../bot/config';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import type { MeResponse, PlanResponse } from '../../bot/http/api/apiTypes';
import { APP_ID_URI, OTHER_TENANT, TENANT, TestIssuer, call, grant } from './apiSupport';

describe('tab API: sign-in', () => {
  describe('Teams SSO tokens', () => {
    let issuer: TestIssuer;
    let bot: RunningBot;

    before(async () => {
      issuer = await TestIssuer.start();
    });
    after(async () => {
      await issuer.stop();
    });
    beforeEach(async () => {
      bot = await RunningBot.start(testConfig({ sso: issuer.ssoConfig() }));
      await grant(bot, 'oid-anne', 'committee_member', 'fsu-ikt', 'Anne Medlem');
    });
    afterEach(async () => {
      await bot.stop();
    });

    it('a valid token signs the person in by their object id; roles come from storage', async () => {
      const token = await issuer.token('oid-anne', 'Anne Medlem');
      const me = await call<MeResponse>(bot, 'GET', '/api/me', { token });
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.personId, 'oid-anne');
      assert.equal(me.body.name, 'Anne Medlem');
      assert.equal(me.body.localIdentity, false);
      assert.equal(me.body.canViewAllCases, false);
      assert.deepEqual(
        me.body.roles.map((r: { role: string; scope: string }) => `${r.role}@${r.scope}`),
        ['committee_member@fsu-ikt'],
      );
      const plan = await call<PlanResponse>(bot, 'GET', '/api/committees/fsu-ikt/plan', { token });
      assert.equal(plan.status, 200);
      assert.deepEqual(plan.body.permissions, { updateStatus: true, edit: false });
    });

    it('a v1 token (sts.windows.net issuer, app id URI audience) is accepted too', async () => {
      const token = await issuer.token('oid-anne', 'Anne Medlem', {
        claims: { iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI, ver: '1.0' },
      });
      assert.equal((await call<MeResponse>(bot, 'GET', '/api/me', { token })).status, 200);
    });

    const refusals: [string, (issuer: TestIssuer) => Promise<string>][] = [
      [
        'a wrong signature (another key)',
        async (i) => {
          const other = await generateKeyPair('RS256');
          return i.token('oid-anne', 'Anne Medlem', { key: other.privateKey });
        },
      ],
      [
        'a wrong audience',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { aud: 'api://someone-else' } }),
      ],
      [
        'another tenant (its issuer and tid)',
        (i) =>
          i.token('oid-anne', 'Anne Medlem', {
            claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
          }),
      ],
      [
        'a tid of another tenant under our issuer',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { tid: OTHER_TENANT } }),
      ],
      [
        'an unknown issuer',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { iss: 'https://evil.example/v2.0' } }),
      ],
      ['an expired token', (i) => i.token('oid-anne', 'Anne Medlem', { issuedAgo: 7200, expiresIn: 3600 })],
      ['a token without an object id', (i) => i.token('', 'Anne Medlem', { claims: { oid: undefined } })],
      [
        'an app-only token (no delegated scope)',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { scp: undefined, roles: ['Plans.Read'] } }),
      ],
      [
        'a token for another scope',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { scp: 'User.Read' } }),
      ],
      ['a token that is not a JWT', () => Promise.resolve('not-a-token')],
    ];
    for (const [what, make] of refusals) {
      it(`${what} gets 401 and reaches nothing`, async () => {
        const token = await make(issuer);
        for (const path of ['/api/me', '/api/committees', '/api/committees/fsu-ikt/plan', '/api/cases']) {
          const answer = await call(bot, 'GET', path, { token });
          assert.equal(answer.status, 401, `${path}: ${answer.text}`);
          assert.match(answer.err.code, /^token_/);
          assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
        }
      });
    }

    it('no token gets 401 on every route, and the local identity header is ignored when local mode is off', async () => {
      for (const [method, path] of [
        ['GET', '/api/me'],
        ['GET', '/api/committees'],
        ['GET', '/api/stats'],
        ['GET', '/api/export/cases.csv'],
        ['GET', '/api/local/people'],
        ['PUT', '/api/committees/fsu-ikt/measures/fsu-ikt.g1.s1.m1/status'],
        ['GET', '/api/no-such-route'],
      ] as const) {
        assert.equal((await call(bot, method, path, undefined)).status, 401, path);
        assert.equal(
          (await call(bot, method, path, { local: 'oid-anne' })).status,
          401,
          `${path} with header`,
        );
      }
    });
  });

  describe('local identity mode', () => {
    it('is off unless configured, and refused with Azure storage', () => {
      assert.equal(loadConfig({}).localIdentity, false);
      assert.equal(loadConfig({ LOCAL_IDENTITY: 'off' }).localIdentity, false);
      assert.equal(loadConfig({ LOCAL_IDENTITY: 'on' }).localIdentity, true);
      assert.throws(() => loadConfig({ LOCAL_IDENTITY: 'yes' }), ConfigError);
      assert.throws(
        () => loadConfig({ LOCAL_IDENTITY: 'on', STORAGE_ACCOUNT_URL: 'https://x.table.core.windows.net' }),
        /refused with STORAGE_ACCOUNT_URL/,
      );
      assert.equal(loadConfig({}).sso, undefined);
      assert.throws(() => loadConfig({ SSO_CLIENT_ID: 'abc' }), /both SSO_CLIENT_ID and SSO_TENANT_ID/);
      assert.throws(() => loadConfig({ SSO_CLIENT_ID: 'abc', SSO_TENANT_ID: 'common' }), /GUID/);
      const sso = loadConfig({ SSO_CLIENT_ID: 'abc', SSO_TENANT_ID: TENANT }).sso;
      assert.equal(sso?.jwksUri, `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    });

    it('when on, a loopback caller names the person; /api/me says so; the people picker lists the roles table', async () => {
      const bot = await RunningBot.start(testConfig({ localIdentity: true }));
      try {
        await grant(bot, 'oid-sek', 'secretariat_leader', '*', 'Siri Sekretariat');
        const me = await call<MeResponse>(bot, 'GET', '/api/me', { local: 'oid-sek' });
        assert.equal(me.status, 200);
        assert.equal(me.body.localIdentity, true);
        assert.equal(me.body.name, 'Siri Sekretariat', 'the name from the roles table');
        assert.equal(me.body.canViewAllCases, true);
        const named = await call<MeResponse>(bot, 'GET', '/api/me', { local: 'oid-x', name: 'Åse Ørsta' });
        assert.equal(named.body.name, 'Åse Ørsta');
        const people = await call(bot, 'GET', '/api/local/people', undefined);
        assert.equal(people.status, 200);
        assert.deepEqual(people.body, [
          {
            personId: 'oid-sek',
            name: 'Siri Sekretariat',
            roles: [{ role: 'secretariat_leader', scope: '*' }],
          },
        ]);
        assert.equal((await call(bot, 'GET', '/api/me', undefined)).status, 401, 'still needs a person');
        assert.equal((await call(bot, 'GET', '/api/me', { local: 'bad id with spaces' })).status, 401);
      } finally {
        await bot.stop();
      }
    });
  });
});
