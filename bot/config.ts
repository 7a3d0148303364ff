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
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}".`);
  }
  return value;
}

export function storageConfigFrom(env: Env): StorageConfig {
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
  const ids = (env[name] ?? '')
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
      ssuLeaders: idList(env, 'BOOTSTRAP_SSU_LEADER'),
      ssuDeputies: idList(env, 'BOOTSTRAP_SSU_DEPUTY'),
    },
  };
}
