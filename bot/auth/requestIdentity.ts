import type { SsoConfig } from '../config';
import type { Logger } from '../logger';
import type { RoleRepository } from '../domain/roles/roleRepository';
import { InvalidToken, KeysUnavailable, SsoVerifier, type Identity } from './ssoVerifier';

/**
 * The tab's sign-in seam on the server: turns a request's headers into the person behind it.
 *
 * - `Authorization: Bearer <Teams SSO token>` when SSO is configured (SSO_CLIENT_ID, SSO_TENANT_ID).
 * - Local identity mode (LOCAL_IDENTITY=on, off unless configured, refused with Azure storage): a
 *   request from loopback, through no proxy (isLocalCaller), may name its person with `X-Local-Identity: <object id>` (and
 *   `X-Local-Name`, URI-encoded). It announces itself in the log at start and in /api/me.
 *
 * Roles are never taken from the request: they come from storage, as for the cards.
 */
export interface AuthRequest {
  authorization?: string;
  localIdentity?: string;
  localName?: string;
  /** The request came straight from this machine (isLocalCaller): loopback and through no proxy. */
  localCaller: boolean;
}

export type AuthResult =
  { ok: true; identity: Identity } | { ok: false; status: 401 | 403 | 503; code: string; error: string };

const LOCAL_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function decodeName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const name = decodeURIComponent(raw).trim();
    return name ? name.slice(0, 200) : undefined;
  } catch {
    return raw.trim().slice(0, 200) || undefined;
  }
}

/** The answer to a local-identity request that did not come straight from this machine. */
export const LOCAL_ONLY_REFUSAL = {
  status: 403,
  code: 'local_identity_loopback_only',
  error: 'Local identity mode only answers on loopback, not through a proxy.',
} as const;

export class Authenticator {
  private readonly verifier: SsoVerifier | undefined;

  constructor(private readonly opts: { sso?: SsoConfig; localIdentity: boolean; roles: RoleRepository }) {
    this.verifier = opts.sso ? new SsoVerifier(opts.sso) : undefined;
  }

  get localIdentity(): boolean {
    return this.opts.localIdentity;
  }

  /** Says at start how people sign in; local identity mode with a loud warning. */
  announce(log: Logger): void {
    if (this.opts.localIdentity) {
      log.warn('auth.local_identity_mode', {
        warning:
          'LOCAL_IDENTITY=on: the tab API trusts the X-Local-Identity header from loopback callers. For local development only.',
      });
    }
    if (this.opts.sso)
      log.info('auth.sso', { tenant: this.opts.sso.tenantId, clientId: this.opts.sso.clientId });
    if (!this.opts.sso && !this.opts.localIdentity) {
      log.warn('auth.none', {
        warning: 'Neither SSO_* nor LOCAL_IDENTITY is configured: the tab API refuses everyone.',
      });
    }
  }

  async authenticate(req: AuthRequest): Promise<AuthResult> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.authorization ?? '')?.[1];
    if (bearer && this.verifier) {
      try {
        return { ok: true, identity: await this.verifier.verify(bearer) };
      } catch (error) {
        if (error instanceof InvalidToken)
          return { ok: false, status: 401, code: error.code, error: error.message };
        if (error instanceof KeysUnavailable) {
          return {
            ok: false,
            status: 503,
            code: 'keys_unavailable',
            error: 'Sign-in keys could not be fetched; try again.',
          };
        }
        throw error;
      }
    }
    if (this.opts.localIdentity && req.localIdentity !== undefined) {
      if (!req.localCaller) {
        return { ok: false, ...LOCAL_ONLY_REFUSAL };
      }
      const personId = req.localIdentity.trim();
      if (!LOCAL_ID.test(personId)) {
        return {
          ok: false,
          status: 401,
          code: 'local_identity_invalid',
          error: 'X-Local-Identity is not a valid id.',
        };
      }
      const name =
        decodeName(req.localName) ??
        (await this.opts.roles.rolesOf(personId)).find((r) => r.personName)?.personName ??
        personId;
      return { ok: true, identity: { personId, name, via: 'local' } };
    }
    if (bearer) {
      return {
        ok: false,
        status: 401,
        code: 'sso_not_configured',
        error: 'This server does not accept SSO tokens.',
      };
    }
    return {
      ok: false,
      status: 401,
      code: 'unauthenticated',
      error: 'Sign in: send the Teams SSO token as a Bearer token.',
    };
  }
}
