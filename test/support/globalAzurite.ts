import { randomBytes } from 'node:crypto';
import type { AppConfig, StorageConfig } from '../../bot/config';
import { loadConfig } from '../../bot/config';
import { startAzurite, type RunningAzurite } from './azurite';

/**
 * One Azurite for the whole test run (mocha loads this file first, so these are root hooks).
 * Each test gets its own tables through a unique table prefix, so tests never see each other's data.
 */
let azurite: RunningAzurite | undefined;

before(async function () {
  this.timeout(60_000);
  azurite = await startAzurite();
});

after(async () => {
  await azurite?.stop();
});

export function testStorage(): StorageConfig {
  if (!azurite) throw new Error('Azurite is not running (is test/support/globalAzurite.ts loaded by mocha?)');
  return azurite.storage;
}

export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** An app configuration on the test Azurite with fresh tables, as the real app reads it. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), storage: testStorage(), tablePrefix: uniquePrefix(), port: 0, ...overrides };
}
