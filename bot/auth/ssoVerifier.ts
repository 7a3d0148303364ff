import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { SsoConfig } from '../config';

/** A signed-in person as the tab's API sees them. */
export interface Identity {
  /** Azure AD object id (`oid`): the id roles are stored under. */
  personId: string;
  /** Display name, for display only. */
  name: string;
  via: 'sso' | 'local';
}

export class InvalidToken extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The signing keys could not be fetched. */
export class KeysUnavailable extends Error {}

/** The delegated scope the tab's Entra app exposes (aad.manifest.json) and Teams asks for. */
const SSO_SCOPE = 'access_as_user';

/** Azure AD issues v2 tokens with the first issuer and v1 tokens (app id URI audience) with the second. */
export function issuersFor(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** Tolerated clock skew between Azure AD and this server. */
const CLOCK_TOLERANCE_SECONDS = 120;

/**
 * Verifies a Teams SSO token (the tab's `authentication.getAuthToken()`): RS256 signature against
 * the tenant's published keys, issuer (v1 or v2 form), audience (client id or app id URI), expiry
 * and not-before, and that `tid` is the configured tenant. App Service authentication is not a
 * substitute: this runs the same locally, in tests and in Azure.
 */
export class SsoVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: SsoConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUri), { timeoutDuration: 5000 });
  }

  async verify(token: string): Promise<Identity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: issuersFor(this.config.tenantId),
        audience: [this.config.clientId, ...(this.config.appIdUri ? [this.config.appIdUri] : [])],
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new InvalidToken('The token has expired.', 'token_expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new InvalidToken(`The token's "${error.claim}" claim is not accepted.`, 'token_invalid');
      }
      // Fetching the key set failed or timed out: a server problem (503), not the caller's.
      if (error instanceof errors.JWKSTimeout || (error as errors.JOSEError).code === 'ERR_JOSE_GENERIC') {
        throw new KeysUnavailable((error as Error).message);
      }
      if (error instanceof errors.JOSEError)
        throw new InvalidToken('The token is not valid.', 'token_invalid');
      throw error; // e.g. the key set could not be fetched: a server problem, not the caller's
    }
    if (payload.tid !== this.config.tenantId) {
      throw new InvalidToken('The token is from another tenant.', 'token_invalid');
    }
    // A delegated token for the tab's scope: an app-only token (no scp) is no person signing in.
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(SSO_SCOPE)) {
      throw new InvalidToken(`The token lacks the "${SSO_SCOPE}" scope.`, 'token_invalid');
    }
    if (typeof payload.oid !== 'string' || payload.oid === '') {
      throw new InvalidToken('The token carries no object id.', 'token_invalid');
    }
    const name =
      typeof payload.name === 'string' && payload.name
        ? payload.name
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : payload.oid;
    return { personId: payload.oid, name, via: 'sso' };
  }
}
