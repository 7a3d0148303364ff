import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createApp } from '../../bot/app';
import type { BotIdentityConfig } from '../../bot/config';
import type { LogFields, Logger } from '../../bot/logger';
import { RunningBot, TestChannel, TestUser } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { TURN_TABLES, storedRows } from '../support/storedRows';

const APP_ID = 'bbbbbbbb-0000-4000-8000-000000000001';
const KID = 'bf-test-key';

/** What no answer body may carry: stack frames, error names, the fetch error, file paths. */
const INTERNALS = /\n\s*at |Error:|TypeError|ECONNREFUSED|fetch|signature|\/work\/|node_modules|\.ts:\d/;

/**
 * A stand-in for the Bot Framework's OpenID metadata and signing keys on loopback, and tokens shaped
 * like the ones the Bot Connector sends (issuer api.botframework.com, the bot's app id as audience,
 * the service URL as a claim).
 */
class BotFrameworkKeys {
  private server: Server | undefined;
  url = '';
  private constructor(private readonly privateKey: CryptoKey) {}

  static async start(): Promise<BotFrameworkKeys> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: KID, use: 'sig', endorsements: ['msteams'] };
    const keys = new BotFrameworkKeys(privateKey);
    keys.server = await new Promise<Server>((resolve) => {
      const s = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        const base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
        res.end(JSON.stringify(req.url === '/keys' ? { keys: [jwk] } : { jwks_uri: `${base}/keys` }));
      });
      s.listen(0, '127.0.0.1', () => resolve(s));
    });
    keys.url = `http://127.0.0.1:${(keys.server.address() as AddressInfo).port}/openid`;
    return keys;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  token(serviceUrl: string, key?: CryptoKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer('https://api.botframework.com')
      .setAudience(APP_ID)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(key ?? this.privateKey);
  }
}

class CapturingLog implements Logger {
  readonly lines: { level: string; event: string; fields: LogFields }[] = [];
  debug = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'debug', event, fields });
  info = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'info', event, fields });
  warn = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'warn', event, fields });
  error = (event: string, fields: LogFields = {}) => this.lines.push({ level: 'error', event, fields });
}

/** A port nothing listens on: a key endpoint that cannot be reached. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('Bot Framework tokens on /api/messages: 401 for every token that does not verify', () => {
  let keys: BotFrameworkKeys;
  let channel: TestChannel;
  let bot: RunningBot;
  let log: CapturingLog;

  before(async () => {
    keys = await BotFrameworkKeys.start();
  });
  after(async () => {
    await keys.stop();
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  async function start(metadataUrl: string): Promise<TestUser> {
    channel = new TestChannel();
    await channel.start();
    log = new CapturingLog();
    const botIdentity = {
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-by-these-tests',
      MicrosoftAppTenantId: '',
      // Where botbuilder fetches the channel's signing keys (Azure's endpoint in production). Setting
      // one of these makes botbuilder take all of them from configuration: the public cloud's values.
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    } as BotIdentityConfig;
    const app = await createApp(testConfig({ botIdentity }), { log });
    bot = new RunningBot(app, await app.listen(0, '127.0.0.1'));
    return new TestUser(channel, bot, { id: '29:tok', aadObjectId: 'aad-tok', name: 'Tor Token' });
  }

  async function post(user: TestUser, token: string | undefined, extra: Record<string, unknown>) {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(user.activity(extra)),
    });
    return { status: response.status, text: await response.text() };
  }

  const message = { type: 'message', text: 'ny sak' };
  const cardAction = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'refresh', data: { caseNumber: '2026-999' } } },
  };

  it('a token with the known key id and a bad signature gets 401, no stack trace logged, nothing stored', async () => {
    const user = await start(keys.url);
    const other = await generateKeyPair('RS256');
    for (const activity of [message, cardAction]) {
      const answer = await post(user, await keys.token(channel.url, other.privateKey), activity);
      assert.equal(answer.status, 401, answer.text);
      assert.deepEqual(JSON.parse(answer.text), { error: 'The request is not authenticated.' });
    }
    assert.deepEqual(channel.sent, []);
    assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
      botState: [],
      conversationRefs: [],
      cases: [],
    });
    assert.deepEqual(
      log.lines
        .filter((l) => l.event.startsWith('bot.') || l.level === 'error')
        .map((l) => [l.level, l.event]),
      [
        ['warn', 'bot.token_refused'],
        ['warn', 'bot.token_refused'],
      ],
    );
    assert.doesNotMatch(JSON.stringify(log.lines), /\n\s*at /, 'no stack trace in the log');
  });

  it('no token, a token that is no JWT, or a token for another service URL get 401', async () => {
    const user = await start(keys.url);
    for (const token of [undefined, 'not-a-jwt', await keys.token('https://evil.example/')]) {
      const answer = await post(user, token, message);
      assert.equal(answer.status, 401, `${token}: ${answer.text}`);
      assert.doesNotMatch(answer.text, INTERNALS);
    }
    assert.deepEqual(channel.sent, []);
  });

  it('with the key endpoint unreachable, any Bearer token gets 401 and the body names no internals', async () => {
    const user = await start(`http://127.0.0.1:${await closedPort()}/openid`);
    for (const activity of [message, cardAction]) {
      const answer = await post(user, await keys.token(channel.url), activity);
      assert.equal(answer.status, 401, answer.text);
      assert.doesNotMatch(answer.text, INTERNALS);
    }
    assert.ok(
      log.lines.some((l) => l.level === 'error' && l.event === 'bot.token_unverifiable'),
      'the operator sees that the keys could not be fetched',
    );
    assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
      botState: [],
      conversationRefs: [],
      cases: [],
    });
  });

  it('a token that verifies runs the turn (the 401 is not for everyone)', async () => {
    const user = await start(keys.url);
    const answer = await post(user, await keys.token(channel.url), cardAction);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(
      (JSON.parse(answer.text) as { type: string }).type,
      'application/vnd.microsoft.card.adaptive',
    );
  });
});

describe('the unauthenticated bot answers only a caller on this machine, not one behind a proxy', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  before(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  after(async () => {
    await bot.stop();
    await channel.stop();
  });

  const forwarded: Record<string, string>[] = [
    { 'x-forwarded-for': '203.0.113.7' },
    { forwarded: 'for=203.0.113.7;proto=https' },
    { 'x-forwarded-host': 'bot.example.org' },
    { 'x-forwarded-proto': 'https' },
    { 'x-real-ip': '203.0.113.7' },
    { via: '1.1 proxy' },
  ];
  for (const headers of forwarded) {
    it(`refuses a loopback request with ${Object.keys(headers)[0]}`, async () => {
      const user = new TestUser(channel, bot, { id: '29:fwd', aadObjectId: 'aad-fwd', name: 'F' });
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(user.activity({ type: 'message', text: 'ny sak' })),
      });
      assert.equal(response.status, 403);
      assert.match(
        ((await response.json()) as { error: string }).error,
        /only answers on loopback, not through a proxy/,
      );
      assert.deepEqual(channel.sent, []);
      assert.deepEqual(await storedRows(bot.app, TURN_TABLES), {
        botState: [],
        conversationRefs: [],
        cases: [],
      });
    });
  }

  it('still answers a direct loopback caller', async () => {
    const user = new TestUser(channel, bot, { id: '29:direct', aadObjectId: 'aad-direct', name: 'D' });
    assert.match(JSON.stringify(await user.say('hjelp')), /ny sak/);
  });
});
