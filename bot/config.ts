import type { RoleBootstrap } from './domain/roles/bootstrapRoles';

/**
 * Configuration from environment variables. This is the only module that reads process.env
 * for the app's settings, and the only place that knows the local Azurite connection string.
 */

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const AZURITE_ACCOUNT =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
  'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;';

export function azuriteConnectionString(host = '127.0.0.1', port = 10002): string {
  return `${AZURITE_ACCOUNT}TableEndpoint=http://${host}:${port}/devstoreaccount1;`;
}

export type StorageConfig =
  { kind: 'connectionString'; connectionString: string } | { kind: 'accountUrl'; accountUrl: string };

export interface BotIdentityConfig {
  MicrosoftAppType: string;
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppTenantId: string;
}

export interface AppConfig {
  port: number;
  storage: StorageConfig;
  botIdentity: BotIdentityConfig;
  /** Prefix for every table name, so several deployments or test runs can share one account. */
  tablePrefix: string;
  /** A draft untouched for longer than this is offered as "continue or discard" on the next message. */
  draftResumeAfterMinutes: number;
  /** Roles granted on start (Azure AD object ids); see bootstrapRoles. */
  bootstrapRoles: RoleBootstrap;
  /** Teams SSO for the tab's API (SSO_*); undefined when not configured: then only local identity signs in. */
  sso?: SsoConfig;
  /** LOCAL_IDENTITY=on: loopback requests may name their person in a header. Never with Azure storage. */
  localIdentity?: boolean;
  /** TEAMS_APP_ID: the app's id in Teams, for deep links into the tab; absent: cards carry no such link. */
  teamsAppId?: string;
  /** Routing cards, notifications and reminders; see routingConfigFrom. */
  routing: RoutingConfig;
  /** The public intake page at /skjema (WEB_*); see publicFormConfigFrom. Absent: the defaults. */
  publicForm?: PublicFormConfig;
}

export interface PublicFormConfig {
  /** WEB_TRUST_PROXY: Express's `trust proxy` for the page, which decides the client address (req.ip). */
  trustProxy: boolean | number | string;
  /** WEB_SUBMITS_PER_ADDRESS_HOUR, WEB_SUBMITS_PER_HOUR, WEB_DRAFTS_PER_ADDRESS_HOUR. */
  limits: { submitsPerAddressPerHour: number; submitsPerHour: number; draftsPerAddressPerHour: number };
  /** WEB_DRAFT_DAYS: an unfinished draft is deleted this many days after it was started. */
  draftDays: number;
  /** WEB_PUBLIC_URL: the app's public address, for the status link in e-mails (never taken from a request). */
  publicUrl?: string;
  /** ACS_EMAIL_ENDPOINT + ACS_EMAIL_SENDER: e-mail to web submitters; absent: the status link is the channel. */
  email?: { endpoint: string; sender: string };
}

export function publicFormConfigFrom(env: Env): PublicFormConfig {
  const raw = env.WEB_TRUST_PROXY?.trim() ?? '';
  const trustProxy =
    raw === '' || raw === 'false' ? false : raw === 'true' ? true : /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof trustProxy === 'string' && !/^[\w.:/,\s]+$/.test(trustProxy)) {
    throw new ConfigError(
      'WEB_TRUST_PROXY must be false, true, a number of hops or a list of addresses/subnets.',
    );
  }
  const publicUrl = env.WEB_PUBLIC_URL?.trim() ?? '';
  if (publicUrl && !LOOPBACK_OR_HTTPS.test(publicUrl))
    throw new ConfigError('WEB_PUBLIC_URL must be an https:// URL (http only on loopback).');
  const email = acsEmailFrom(env);
  return {
    trustProxy,
    limits: {
      submitsPerAddressPerHour: intFrom(env, 'WEB_SUBMITS_PER_ADDRESS_HOUR', 5, 0, 10_000),
      submitsPerHour: intFrom(env, 'WEB_SUBMITS_PER_HOUR', 200, 0, 100_000),
      draftsPerAddressPerHour: intFrom(env, 'WEB_DRAFTS_PER_ADDRESS_HOUR', 30, 0, 100_000),
    },
    draftDays: intFrom(env, 'WEB_DRAFT_DAYS', 7, 1, 90),
    ...(publicUrl ? { publicUrl } : {}),
    ...(email ? { email } : {}),
  };
}

const LOOPBACK_OR_HTTPS = /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/;

function acsEmailFrom(env: Env): { endpoint: string; sender: string } | undefined {
  const endpoint = env.ACS_EMAIL_ENDPOINT?.trim() ?? '';
  const sender = env.ACS_EMAIL_SENDER?.trim() ?? '';
  if (!endpoint && !sender) return undefined;
  if (!endpoint || !sender)
    throw new ConfigError('Set both ACS_EMAIL_ENDPOINT and ACS_EMAIL_SENDER, or neither.');
  if (!LOOPBACK_OR_HTTPS.test(endpoint))
    throw new ConfigError('ACS_EMAIL_ENDPOINT must be an https:// URL (http only on loopback, for tests).');
  if (!/^[^\s@]+@[^\s@]+$/.test(sender)) throw new ConfigError('ACS_EMAIL_SENDER must be an e-mail address.');
  return { endpoint, sender };
}

export interface RoutingConfig {
  /**
   * ROUTING_APPROVALS_REQUIRED: distinct SSU leaders/deputies who must approve a proposal (1 or 2;
   * default 2, the leader and deputy both, as the guideline says; where only one holds the role, that one decides).
   */
  approvalsRequired: number;
  /** REMINDER_WORKING_DAYS: a case untouched this many working days is brought up again (default 3). */
  reminderWorkingDays: number;
  /** JOBS_INTERVAL_SECONDS: how often notifications are retried and reminders checked; 0 = never (default 300). */
  jobsIntervalSeconds: number;
  /** SECRETARIAT_CHANNEL_ID (+ _SERVICE_URL, _LANG): the team channel that also gets each new case. */
  secretariatChannel?: { conversationId: string; serviceUrl: string; lang: 'nn' | 'nb' | 'en' };
  /** NOTIFY_*: retrying proactive messages. */
  retry: { immediateAttempts: number; baseDelayMs: number; maxAttempts: number; retryAfterMs: number };
  /** NOTIFY_SEND_TIMEOUT_SECONDS: a proactive send or card update with no answer by then counts as failed (default 15). */
  sendTimeoutMs: number;
  /**
   * NOTIFY_LEASE_SECONDS: how long a notification taken for sending stays the taking instance's
   * (beyond the time its attempts may take), and how old a step's "to notify" mark gets, before any
   * instance takes it as left behind by a crash and does it (default 120).
   */
  leaseMs: number;
}

function routingConfigFrom(env: Env): RoutingConfig {
  const channelId = optionalText(env, 'SECRETARIAT_CHANNEL_ID');
  const serviceUrl = env.SECRETARIAT_CHANNEL_SERVICE_URL?.trim() || 'https://smba.trafficmanager.net/teams/';
  if (channelId && !/^https?:\/\//.test(serviceUrl)) {
    throw new ConfigError('SECRETARIAT_CHANNEL_SERVICE_URL must be an http(s) URL.');
  }
  const lang = (env.SECRETARIAT_CHANNEL_LANG?.trim() || 'nn') as 'nn' | 'nb' | 'en';
  if (!['nn', 'nb', 'en'].includes(lang))
    throw new ConfigError('SECRETARIAT_CHANNEL_LANG must be nn, nb or en.');
  return {
    approvalsRequired: intFrom(env, 'ROUTING_APPROVALS_REQUIRED', 2, 1, 2),
    reminderWorkingDays: intFrom(env, 'REMINDER_WORKING_DAYS', 3, 1, 60),
    jobsIntervalSeconds: intFrom(env, 'JOBS_INTERVAL_SECONDS', 300, 0, 86_400),
    ...(channelId ? { secretariatChannel: { conversationId: channelId, serviceUrl, lang } } : {}),
    retry: {
      immediateAttempts: intFrom(env, 'NOTIFY_IMMEDIATE_ATTEMPTS', 3, 1, 10),
      baseDelayMs: intFrom(env, 'NOTIFY_RETRY_BASE_MS', 500, 0, 60_000),
      maxAttempts: intFrom(env, 'NOTIFY_MAX_ATTEMPTS', 12, 1, 100),
      retryAfterMs: intFrom(env, 'NOTIFY_RETRY_AFTER_SECONDS', 60, 1, 86_400) * 1000,
    },
    sendTimeoutMs: intFrom(env, 'NOTIFY_SEND_TIMEOUT_SECONDS', 15, 1, 120) * 1000,
    leaseMs: intFrom(env, 'NOTIFY_LEASE_SECONDS', 120, 1, 3600) * 1000,
  };
}

export interface SsoConfig {
  /** The tab's Azure AD app registration (client) id: an accepted audience. */
  clientId: string;
  /** The only tenant whose tokens are accepted (its GUID). */
  tenantId: string;
  /** The app id URI (api://<host>/<client id>): also an accepted audience (v1 tokens carry it). */
  appIdUri?: string;
  /** Where the signing keys are; defaults to Azure AD's keys for the tenant. Tests point it at loopback. */
  jwksUri: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** SSO_CLIENT_ID and SSO_TENANT_ID together switch SSO on; SSO_APP_ID_URI and SSO_JWKS_URI are optional. */
function ssoConfigFrom(env: Env): SsoConfig | undefined {
  const clientId = env.SSO_CLIENT_ID?.trim() ?? '';
  const tenantId = env.SSO_TENANT_ID?.trim() ?? '';
  const appIdUri = env.SSO_APP_ID_URI?.trim() ?? '';
  const jwksUri = env.SSO_JWKS_URI?.trim() ?? '';
  if (!clientId && !tenantId) {
    if (appIdUri || jwksUri)
      throw new ConfigError('SSO_APP_ID_URI/SSO_JWKS_URI need SSO_CLIENT_ID and SSO_TENANT_ID.');
    return undefined;
  }
  if (!clientId || !tenantId) throw new ConfigError('Set both SSO_CLIENT_ID and SSO_TENANT_ID, or neither.');
  if (!GUID.test(tenantId)) throw new ConfigError('SSO_TENANT_ID must be the tenant id (a GUID).');
  if (jwksUri && !LOOPBACK_OR_HTTPS.test(jwksUri)) {
    throw new ConfigError('SSO_JWKS_URI must be an https:// URL (http only on loopback, for tests).');
  }
  return {
    clientId,
    tenantId,
    ...(appIdUri ? { appIdUri } : {}),
    jwksUri: jwksUri || `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
  };
}

/** LOCAL_IDENTITY: "on" or "off" (default). Refused with Azure storage, so it can never reach production. */
function localIdentityFrom(env: Env): boolean {
  const raw = (env.LOCAL_IDENTITY ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'off') return false;
  if (raw !== 'on')
    throw new ConfigError(`LOCAL_IDENTITY must be "on" or "off", got "${env.LOCAL_IDENTITY}".`);
  if (env.STORAGE_ACCOUNT_URL?.trim()) {
    throw new ConfigError(
      'LOCAL_IDENTITY=on is for local development only and is refused with STORAGE_ACCOUNT_URL.',
    );
  }
  return true;
}

/** TEAMS_APP_ID: a GUID (the manifest's id, or the organisation catalogue's id once published there). */
function teamsAppIdFrom(env: Env): string | undefined {
  const id = optionalText(env, 'TEAMS_APP_ID');
  if (!id) return undefined;
  if (!GUID.test(id)) throw new ConfigError('TEAMS_APP_ID must be the Teams app id (a GUID).');
  return id;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

/**
 * Written for a setting that is deliberately left unset. The Agents Toolkit refuses to provision with an
 * empty value in its templates, so the Azure environment files say `none` where they mean "not set".
 */
export const UNSET = 'none';

/** A trimmed setting, with {@link UNSET} read as empty. */
function optionalText(env: Env, name: string): string {
  const value = env[name]?.trim() ?? '';
  return value.toLowerCase() === UNSET ? '' : value;
}

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}".`);
  }
  return value;
}

function storageConfigFrom(env: Env): StorageConfig {
  const connectionString = env.STORAGE_CONNECTION_STRING?.trim();
  const accountUrl = env.STORAGE_ACCOUNT_URL?.trim();
  if (connectionString && accountUrl) {
    throw new ConfigError('Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.');
  }
  if (accountUrl) {
    if (!/^https:\/\//.test(accountUrl))
      throw new ConfigError('STORAGE_ACCOUNT_URL must be an https:// URL.');
    return { kind: 'accountUrl', accountUrl };
  }
  return { kind: 'connectionString', connectionString: connectionString || azuriteConnectionString() };
}

/** A comma-separated list of Azure AD object ids. */
function idList(env: Env, name: string): string[] {
  const ids = optionalText(env, name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !/^[0-9a-fA-F-]{8,64}$/.test(id));
  if (bad) throw new ConfigError(`${name}: "${bad}" is not an Azure AD object id.`);
  return ids;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const tablePrefix = env.TABLE_PREFIX?.trim() ?? '';
  if (tablePrefix && !/^[A-Za-z][A-Za-z0-9]{0,20}$/.test(tablePrefix)) {
    throw new ConfigError('TABLE_PREFIX must start with a letter and hold at most 21 letters or digits.');
  }
  const teamsAppId = teamsAppIdFrom(env);
  return {
    port: intFrom(env, 'PORT', 3978, 0, 65535),
    storage: storageConfigFrom(env),
    botIdentity: {
      MicrosoftAppType: env.MicrosoftAppType ?? '',
      MicrosoftAppId: env.MicrosoftAppId ?? '',
      MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
      MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? '',
    },
    tablePrefix,
    draftResumeAfterMinutes: intFrom(env, 'DRAFT_RESUME_AFTER_MINUTES', 60, 1, 60 * 24 * 365),
    bootstrapRoles: {
      admins: idList(env, 'BOOTSTRAP_ADMINS'),
      secretariatLeaders: idList(env, 'BOOTSTRAP_SECRETARIAT_LEADER'),
      secretariatMembers: idList(env, 'BOOTSTRAP_SECRETARIAT_MEMBERS'),
      ssuLeaders: idList(env, 'BOOTSTRAP_SSU_LEADER'),
      ssuDeputies: idList(env, 'BOOTSTRAP_SSU_DEPUTY'),
    },
    sso: ssoConfigFrom(env),
    localIdentity: localIdentityFrom(env),
    ...(teamsAppId ? { teamsAppId } : {}),
    routing: routingConfigFrom(env),
    publicForm: publicFormConfigFrom(env),
  };
}
