/**
 * Consistency checks between the Agents Toolkit project files, the environment samples, the Bicep
 * template and its parameters. None of these can be run here (no Azure, no Bicep compiler), so the
 * tests check what can be checked offline: every ${{PLACEHOLDER}} has a key in the sample, every
 * template output the toolkit writes back is listed, and the parameters match the template.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlaceholders, parseEnvFile, REPO_ROOT } from '../../scripts/package-app';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const placeholdersIn = (...paths: string[]): string[] =>
  [...new Set(paths.flatMap((path) => findPlaceholders(read(path))))].sort();

const APP_PACKAGE_FILES = ['appPackage/manifest.json', 'appPackage/nb.json', 'appPackage/en.json'];
const bicep = read('infra/main.bicep');

describe('Agents Toolkit project files', function () {
  for (const [env, files] of [
    ['dev', ['m365agents.yml', 'infra/main.parameters.json', 'aad.manifest.json', ...APP_PACKAGE_FILES]],
    ['local', ['m365agents.local.yml', 'aad.manifest.json', ...APP_PACKAGE_FILES]],
  ] as const) {
    it(`env/.env.${env}.sample has a key for every placeholder ${env} uses, and no secrets`, function () {
      const sample = parseEnvFile(read(`env/.env.${env}.sample`));
      // SECRET_* values are written by the toolkit to env/.env.<env>.user, never to the sample.
      const missing = placeholdersIn(...files).filter(
        (name) => !(name in sample) && !name.startsWith('SECRET_'),
      );
      assert.deepEqual(missing, []);
      assert.equal(sample.TEAMSFX_ENV, env);
      for (const [key, value] of Object.entries(sample)) {
        assert.ok(!/^SECRET_|PASSWORD|_KEY$/.test(key), `${key} looks like a secret`);
        if (!['TEAMSFX_ENV', 'APP_NAME_SUFFIX'].includes(key)) assert.equal(value, '', `${key} is filled in`);
      }
    });
  }

  it('env/.env.dev.sample lists every output of infra/main.bicep (the toolkit writes them back)', function () {
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
    assert.deepEqual(outputs.sort(), [
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'BOT_DOMAIN',
      'BOT_ID',
      'IDENTITY_CLIENT_ID',
      'STORAGE_ACCOUNT_URL',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
    ]);
    const sample = parseEnvFile(read('env/.env.dev.sample'));
    assert.deepEqual(
      outputs.filter((name) => !(name in sample)),
      [],
    );
  });

  it('infra/main.parameters.json sets every required parameter of infra/main.bicep and no unknown one', function () {
    const params = [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((m) => ({
      name: m[1]!,
      required: m[2] === undefined,
    }));
    const file = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const given = Object.keys(file.parameters);
    assert.deepEqual(
      given.filter((name) => !params.some((p) => p.name === name)),
      [],
    );
    assert.deepEqual(
      params.filter((p) => p.required && !given.includes(p.name)).map((p) => p.name),
      [],
    );
  });

  it('the web app gets the environment variables the server reads, and no bot password', function () {
    for (const setting of [
      "MicrosoftAppType: 'UserAssignedMSI'",
      'MicrosoftAppId: identity.properties.clientId',
      'MicrosoftAppTenantId:',
      "STORAGE_ACCOUNT_URL: 'https://${storage.name}.table.",
      'AZURE_CLIENT_ID: identity.properties.clientId',
      'SSO_CLIENT_ID: ssoClientId',
      'SSO_TENANT_ID: ssoTenantId',
      "SSO_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${ssoClientId}'",
      'APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString',
      'BOOTSTRAP_ADMINS: bootstrapAdmins',
      'BOOTSTRAP_SECRETARIAT_LEADER: bootstrapSecretariatLeader',
      'BOOTSTRAP_SSU_LEADER: bootstrapSsuLeader',
      'BOOTSTRAP_SSU_DEPUTY: bootstrapSsuDeputy',
      "WEBSITE_RUN_FROM_PACKAGE: '1'",
      "SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'",
      "linuxFxVersion: 'NODE|20-lts'",
      "appCommandLine: 'node dist/bot/index.js'",
      "healthCheckPath: '/healthz'",
      "msaAppType: 'UserAssignedMSI'",
      "channelName: 'MsTeamsChannel'",
      "storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'",
      'allowSharedKeyAccess: false',
    ]) {
      assert.ok(bicep.includes(setting), `infra/main.bicep lacks ${setting}`);
    }
    assert.doesNotMatch(bicep, /^\s*MicrosoftAppPassword\s*:/m);
  });

  it('the SSO app registration matches the manifest and pre-authorises the Teams clients', function () {
    const aad = JSON.parse(read('aad.manifest.json')) as {
      identifierUris: string[];
      signInAudience: string;
      api: {
        requestedAccessTokenVersion: number;
        oauth2PermissionScopes: { value: string; id: string }[];
        preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
      };
    };
    const manifest = JSON.parse(read('appPackage/manifest.json')) as {
      webApplicationInfo: { resource: string };
    };
    assert.deepEqual(aad.identifierUris, [manifest.webApplicationInfo.resource]);
    assert.equal(aad.signInAudience, 'AzureADMyOrg');
    assert.equal(aad.api.requestedAccessTokenVersion, 2);
    const [scope] = aad.api.oauth2PermissionScopes;
    assert.equal(scope?.value, 'access_as_user');
    const clients = aad.api.preAuthorizedApplications.map((p) => p.appId);
    assert.ok(clients.includes('1fec8e78-bce4-4aaf-ab1b-5451cc387264'), 'Teams desktop and mobile');
    assert.ok(clients.includes('5e3ce6c0-2b1f-4285-8d4b-75ee78787346'), 'Teams web');
    for (const p of aad.api.preAuthorizedApplications)
      assert.deepEqual(p.delegatedPermissionIds, [scope?.id]);
  });
});
