import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { AppConfig } from '../../bot/config';
import type { ApiErrorBody } from '../../bot/http/api/apiTypes';
import type { RoleName } from '../../bot/domain/roles/roles';
import type { RunningBot } from '../support/botHarness';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://localhost:53000/${CLIENT_ID}`;

/**
 * A stand-in for Azure AD's signing: an RSA key pair made by the test, its public key served as a
 * JWKS on loopback (SSO_JWKS_URI points there), and tokens shaped like Teams SSO tokens.
 */
export class TestIssuer {
  private server: Server | undefined;
  url = '';
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: Record<string, unknown>,
  ) {}

  static readonly kid = 'test-key-1';

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: TestIssuer.kid, alg: 'RS256', use: 'sig' };
    const issuer = new TestIssuer(privateKey, jwk);
    issuer.server = await new Promise<Server>((resolve) => {
      const s = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [issuer.publicJwk] }));
      });
      s.listen(0, '127.0.0.1', () => resolve(s));
    });
    issuer.url = `http://127.0.0.1:${(issuer.server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    return issuer;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  ssoConfig(): NonNullable<AppConfig['sso']> {
    return { clientId: CLIENT_ID, tenantId: TENANT, appIdUri: APP_ID_URI, jwksUri: this.url };
  }

  /** A v2 token for `oid` as Teams SSO issues it; `claims` override or add claims. */
  async token(
    oid: string,
    name: string,
    opts: { claims?: JWTPayload; key?: CryptoKey; expiresIn?: number; issuedAgo?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const iat = now - (opts.issuedAgo ?? 0);
    return new SignJWT({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: CLIENT_ID,
      tid: TENANT,
      oid,
      name,
      scp: 'access_as_user',
      ver: '2.0',
      iat,
      nbf: iat,
      exp: iat + (opts.expiresIn ?? 3600),
      ...opts.claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: TestIssuer.kid, typ: 'JWT' })
      .sign(opts.key ?? this.privateKey);
  }
}

export interface Answer<T> {
  status: number;
  /** The JSON answer (or the text when it is not JSON). */
  body: T;
  /** The same, read as an error answer. */
  err: ApiErrorBody;
  text: string;
  headers: Headers;
}

export type Caller = { token: string } | { local: string; name?: string } | undefined;

/** One request to the running app's API, as the tab makes it. */
export async function call<T = unknown>(
  bot: RunningBot,
  method: string,
  path: string,
  as: Caller,
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
  if (as && 'local' in as) {
    headers['x-local-identity'] = as.local;
    if (as.name) headers['x-local-name'] = encodeURIComponent(as.name);
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${bot.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  // Keep a byte-order mark if there is one (response.text() would strip it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) parsed = JSON.parse(text);
  return {
    status: response.status,
    body: parsed as T,
    err: parsed as ApiErrorBody,
    text,
    headers: response.headers,
  };
}

export async function grant(
  bot: RunningBot,
  personId: string,
  role: RoleName,
  scope: string,
  personName?: string,
) {
  await bot.app.services.roles.grant({
    personId,
    role,
    scope,
    ...(personName ? { personName } : {}),
    grantedBy: 'test',
    grantedAt: new Date().toISOString(),
  });
}
