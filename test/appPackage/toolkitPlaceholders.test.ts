/**
 * `atk provision` stops at the first step with a ${{NAME}} it cannot fill, and an empty value does not
 * fill one. These tests run every step of the project files against the sample environment files, the
 * way the toolkit fills them (see toolkitLifecycle.ts), so a first provision cannot fail on a value the
 * samples leave empty.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvFile, REPO_ROOT } from '../../scripts/package-app';
import { readActions, unfilledSteps } from './toolkitLifecycle';

const sample = (env: string): Record<string, string> =>
  parseEnvFile(readFileSync(join(REPO_ROOT, `env/.env.${env}.sample`), 'utf8'));

/** The values only the person who deploys can give (the samples leave them empty and say "You set"). */
const ONLY_YOU_CAN_SET = {
  dev: { RESOURCE_SUFFIX: 'a1b2c3' },
  local: {
    BOT_ENDPOINT: 'https://abcd1234-3978.euw.devtunnels.ms',
    BOT_DOMAIN: 'abcd1234-3978.euw.devtunnels.ms',
  },
};

describe('Agents Toolkit placeholders (an empty value counts as missing, as in the toolkit)', function () {
  for (const [env, projectFile] of [
    ['dev', 'm365agents.yml'],
    ['local', 'm365agents.local.yml'],
  ] as const) {
    it(`${projectFile}: every step finds a value in env/.env.${env}.sample as shipped`, function () {
      const shipped = sample(env);
      const yours = ONLY_YOU_CAN_SET[env];
      for (const name of Object.keys(yours)) assert.equal(shipped[name], '', `${name} is a "you set" value`);
      assert.deepEqual(unfilledSteps(projectFile, { ...shipped, ...yours }), []);
    });
  }

  it('production: the dev sample with the changes docs/deployment.md makes for prod', function () {
    const prod = {
      ...sample('dev'),
      ...ONLY_YOU_CAN_SET.dev,
      TEAMSFX_ENV: 'prod',
      APP_SHORT_NAME: 'Helsefellesskap',
      APP_FULL_NAME: 'Helsefellesskap Møre og Romsdal',
      APP_SERVICE_INSTANCES: '2',
    };
    assert.deepEqual(unfilledSteps('m365agents.yml', prod), []);
  });

  it('names the step and the value when one is left empty', function () {
    const env = { ...sample('dev'), ...ONLY_YOU_CAN_SET.dev, BOOTSTRAP_SSU_DEPUTY: '', APP_SHORT_NAME: '' };
    assert.deepEqual(unfilledSteps('m365agents.yml', env), [
      { step: 'provision #1 aadApp/create', missing: ['APP_SHORT_NAME'] },
      { step: 'provision #2 teamsApp/create', missing: ['APP_SHORT_NAME'] },
      { step: 'provision #3 arm/deploy', missing: ['APP_SHORT_NAME', 'BOOTSTRAP_SSU_DEPUTY'] },
      { step: 'provision #4 aadApp/update', missing: ['APP_SHORT_NAME'] },
      { step: 'provision #5 teamsApp/validateManifest', missing: ['APP_SHORT_NAME'] },
      { step: 'provision #6 teamsApp/zipAppPackage', missing: ['APP_SHORT_NAME'] },
      { step: 'publish #1 teamsApp/validateManifest', missing: ['APP_SHORT_NAME'] },
      { step: 'publish #2 teamsApp/zipAppPackage', missing: ['APP_SHORT_NAME'] },
    ]);
  });

  it('reads every action of the project files (the reader understands their layout)', function () {
    const uses = (file: string): string[] =>
      readActions(readFileSync(join(REPO_ROOT, file), 'utf8')).map((a) => `${a.lifecycle} ${a.uses}`);
    assert.deepEqual(uses('m365agents.yml'), [
      'provision aadApp/create',
      'provision teamsApp/create',
      'provision arm/deploy',
      'provision aadApp/update',
      'provision teamsApp/validateManifest',
      'provision teamsApp/zipAppPackage',
      'provision teamsApp/validateAppPackage',
      'provision teamsApp/update',
      'deploy cli/runNpmCommand',
      'deploy cli/runNpmCommand',
      'deploy script',
      'deploy azureAppService/zipDeploy',
      'publish teamsApp/validateManifest',
      'publish teamsApp/zipAppPackage',
      'publish teamsApp/validateAppPackage',
      'publish teamsApp/update',
      'publish teamsApp/publishAppPackage',
    ]);
    assert.deepEqual(uses('m365agents.local.yml'), [
      'provision script',
      'provision teamsApp/create',
      'provision aadApp/create',
      'provision botFramework/create',
      'provision aadApp/create',
      'provision aadApp/update',
      'provision teamsApp/validateManifest',
      'provision teamsApp/zipAppPackage',
      'provision teamsApp/validateAppPackage',
      'provision teamsApp/update',
      'provision file/createOrUpdateEnvironmentFile',
    ]);
  });
});
