import assert from 'node:assert/strict';
import { generateKeyPair } from 'jose';
import { ConfigError, loadConfig } from '../../bot/config';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import type { MeResponse, PlanResponse } from '../../bot/http/api/apiTypes';
import { storedRows } from '../support/storedRows';
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

    const refusals: [string, (issuer: TestIssuer) => Promise<string>, string][] = [
      [
        'a wrong signature (another key)',
        async (i) => {
          const other = await generateKeyPair('RS256');
          return i.token('oid-anne', 'Anne Medlem', { key: other.privateKey });
        },
        'The token is not valid.',
      ],
      [
        'a wrong audience',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { aud: 'api://someone-else' } }),
        'The token\'s "aud" claim is not accepted.',
      ],
      [
        'another tenant (its issuer and tid)',
        (i) =>
          i.token('oid-anne', 'Anne Medlem', {
            claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
          }),
        'The token\'s "iss" claim is not accepted.',
      ],
      [
        'a tid of another tenant under our issuer',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { tid: OTHER_TENANT } }),
        'The token is from another tenant.',
      ],
      [
        'an unknown issuer',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { iss: 'https://evil.example/v2.0' } }),
        'The token\'s "iss" claim is not accepted.',
      ],
      [
        'an expired token',
        (i) => i.token('oid-anne', 'Anne Medlem', { issuedAgo: 7200, expiresIn: 3600 }),
        'The token has expired.',
      ],
      [
        'a token without an object id',
        (i) => i.token('', 'Anne Medlem', { claims: { oid: undefined } }),
        'The token\'s "oid" claim is not accepted.',
      ],
      [
        'an app-only token (no delegated scope)',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { scp: undefined, roles: ['Plans.Read'] } }),
        'The token lacks the "access_as_user" scope.',
      ],
      [
        'a token for another scope',
        (i) => i.token('oid-anne', 'Anne Medlem', { claims: { scp: 'User.Read' } }),
        'The token lacks the "access_as_user" scope.',
      ],
      ['a token that is not a JWT', () => Promise.resolve('not-a-token'), 'The token is not valid.'],
    ];
    for (const [what, make, reason] of refusals) {
      it(`${what} gets 401 with the reason, reaches nothing and changes nothing`, async () => {
        const token = await make(issuer);
        const before = await storedRows(bot.app);
        for (const path of ['/api/me', '/api/committees', '/api/committees/fsu-ikt/plan', '/api/cases']) {
          const answer = await call(bot, 'GET', path, { token });
          assert.equal(answer.status, 401, `${path}: ${answer.text}`);
          assert.match(answer.err.code, /^token_/);
          assert.equal(answer.err.error, reason);
          assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
        }
        const write = await call(
          bot,
          'PUT',
          '/api/committees/fsu-ikt/measures/fsu-ikt.g1.s1.m1/status',
          { token },
          {
            year: 2026,
            status: 'done',
          },
        );
        assert.equal(write.status, 401);
        assert.equal(write.err.error, reason);
        assert.deepEqual(await storedRows(bot.app), before, 'nothing stored');
      });
    }

    it('no token gets 401 on every route, and the local identity header is ignored when local mode is off', async () => {
      for (const [method, path] of [
        ['GET', '/api/me'],
        ['GET', '/api/committees'],
        ['GET', '/api/stats'],
        ['GET', '/api/export/cases.csv'],
        ['GET', '/api/annual-report'],
        ['GET', '/api/export/annual-report.csv'],
        ['POST', '/api/cases/2026-001/links'],
        ['DELETE', '/api/cases/2026-001/links/fsu-ikt/fsu-ikt.g1.s1.m1'],
        ['POST', '/api/cases/2026-001/measures'],
        ['GET', '/api/local/people'],
        ['PUT', '/api/committees/fsu-ikt/measures/fsu-ikt.g1.s1.m1/status'],
        ['GET', '/api/no-such-route'],
      ] as const) {
        const bare = await call(bot, method, path, undefined);
        assert.equal(bare.status, 401, path);
        assert.equal(bare.err.error, 'Sign in: send the Teams SSO token as a Bearer token.');
        const named = await call(bot, method, path, { local: 'oid-anne' });
        assert.equal(named.status, 401, `${path} with header`);
        assert.equal(named.err.code, 'unauthenticated');
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

    it('when on, refuses a request that came through a proxy (forwarding headers), even from loopback', async () => {
      const bot = await RunningBot.start(testConfig({ localIdentity: true }));
      try {
        await grant(bot, 'oid-sek', 'secretariat_leader', '*', 'Siri Sekretariat');
        const before = await storedRows(bot.app);
        for (const forwarded of [
          { 'X-Forwarded-For': '203.0.113.7' },
          { Forwarded: 'for=203.0.113.7' },
          { 'X-Forwarded-Host': 'tab.example.org' },
          { 'X-Real-IP': '203.0.113.7' },
          { Via: '1.1 proxy' },
        ] as Record<string, string>[]) {
          for (const [method, path] of [
            ['GET', '/api/me'],
            ['GET', '/api/local/people'],
            ['PUT', '/api/committees/fsu-ikt/measures/fsu-ikt.g1.s1.m1/status'],
          ] as const) {
            const response = await fetch(`${bot.url}${path}`, {
              method,
              headers: { 'X-Local-Identity': 'oid-sek', 'content-type': 'application/json', ...forwarded },
              ...(method === 'PUT' ? { body: JSON.stringify({ year: 2026, status: 'done' }) } : {}),
            });
            const body = (await response.json()) as { code: string; error: string };
            assert.equal(response.status, 403, `${path} with ${Object.keys(forwarded)[0]}`);
            assert.equal(body.code, 'local_identity_loopback_only');
            assert.equal(body.error, 'Local identity mode only answers on loopback, not through a proxy.');
          }
        }
        assert.deepEqual(await storedRows(bot.app), before, 'nothing stored');
        assert.equal(
          (await call(bot, 'GET', '/api/me', { local: 'oid-sek' })).status,
          200,
          'direct still works',
        );
      } finally {
        await bot.stop();
      }
    });
  });
});
