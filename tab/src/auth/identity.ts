import { app, authentication } from '@microsoft/teams-js';

/**
 * The tab's sign-in seam: the only module that knows how the tab proves who the person is.
 *
 * - Inside Teams: `app.initialize()`, then `authentication.getAuthToken()` (Teams SSO); the API gets
 *   `Authorization: Bearer <token>` and validates it itself.
 * - In a plain browser (local development and browser tests): the server may run in local identity
 *   mode; the tab then sends `X-Local-Identity: <objectId>` (and `X-Local-Name`) for the person picked
 *   in the banner, remembered in localStorage, or given as `?as=<objectId>` in the URL.
 *
 * Moving from teams-js to another SDK (or MSAL / nested app auth) changes this file only.
 */

export interface HostInfo {
  inTeams: boolean;
  /** Teams' locale (app.locale), e.g. "nb-no". */
  locale?: string;
  /** Teams' theme: "default", "dark", "contrast". */
  theme?: string;
  /** The sub-entity id of the deep link that opened the tab (page.subPageId), e.g. "case:2026-001". */
  subPageId?: string;
}

export interface LocalIdentity {
  personId: string;
  name?: string;
}

const TEAMS_TIMEOUT_MS = 1500;
const STORAGE_KEY = 'hf.localIdentity';

let hostPromise: Promise<HostInfo> | undefined;
let inTeams = false;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A top-level window with no opener and no native bridge cannot be hosted by Teams. */
function couldBeInTeams(): boolean {
  const w = window as Window & { nativeInterface?: unknown };
  return window.parent !== window || !!window.opener || !!w.nativeInterface;
}

async function detectHost(): Promise<HostInfo> {
  if (!couldBeInTeams()) return { inTeams: false };
  try {
    await withTimeout(app.initialize(), TEAMS_TIMEOUT_MS);
  } catch {
    return { inTeams: false };
  }
  inTeams = true;
  // Harmless without showLoadingIndicator in the manifest; ends Teams' spinner where it is set.
  app.notifySuccess().catch(() => undefined);
  try {
    const context = await withTimeout(app.getContext(), TEAMS_TIMEOUT_MS);
    const subPageId = context.page.subPageId;
    return {
      inTeams: true,
      locale: context.app.locale,
      theme: context.app.theme,
      ...(subPageId ? { subPageId } : {}),
    };
  } catch {
    return { inTeams: true };
  }
}

/** Connects to Teams once (or finds that there is no Teams host). */
export function connectHost(): Promise<HostInfo> {
  hostPromise ??= detectHost();
  return hostPromise;
}

export function isInTeams(): boolean {
  return inTeams;
}

// ---- Local identity (plain browser only) ----

function queryParam(name: string): string | undefined {
  return new URLSearchParams(window.location.search).get(name)?.trim() || undefined;
}

export function localIdentity(): LocalIdentity | undefined {
  const fromUrl = queryParam('as');
  if (fromUrl) return { personId: fromUrl };
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<LocalIdentity>;
    return typeof parsed.personId === 'string' && parsed.personId
      ? { personId: parsed.personId, ...(parsed.name ? { name: parsed.name } : {}) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when `?as=` fixes the identity for this page (the picker then cannot change it). */
export function identityFixedByUrl(): boolean {
  return !!queryParam('as');
}

export function setLocalIdentity(identity: LocalIdentity | undefined): void {
  try {
    if (identity) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked (private mode, iframe policies): the choice then lasts this page only.
  }
}

// ---- Headers for the API ----

let cachedToken: { token: string; expiresAt: number } | undefined;

function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof json.exp === 'number' ? json.exp * 1000 : Date.now() + 5 * 60_000;
  } catch {
    return Date.now() + 5 * 60_000;
  }
}

async function teamsToken(): Promise<string> {
  if (cachedToken && cachedToken.expiresAt - 60_000 > Date.now()) return cachedToken.token;
  const token = await authentication.getAuthToken();
  cachedToken = { token, expiresAt: tokenExpiry(token) };
  return token;
}

/** Drops the cached Teams token (after a 401, e.g. expired), so the next call asks Teams again. */
export function forgetToken(): void {
  cachedToken = undefined;
}

/** The headers that tell the API who is calling. */
export async function authHeaders(): Promise<Record<string, string>> {
  const host = await connectHost();
  if (host.inTeams) return { Authorization: `Bearer ${await teamsToken()}` };
  const local = localIdentity();
  if (!local) return {};
  return {
    'X-Local-Identity': local.personId,
    // Header values must be Latin-1: the name travels URI-encoded (the server decodes it).
    ...(local.name ? { 'X-Local-Name': encodeURIComponent(local.name) } : {}),
  };
}
