/**
 * Consistency checks between the Agents Toolkit project files, the environment samples, the Bicep
 * template and its parameters. None of these can be run here (no Azure, no Bicep compiler), so the
 * tests check what can be checked offline: every ${{PLACEHOLDER}} has a key in the sample, every
 * template output the toolkit writes back is listed, and the parameters match the template.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNSET } from '../../bot/config';
import { findPlaceholders, parseEnvFile, REPO_ROOT } from '../../scripts/package-app';
import { readActions } from './toolkitLifecycle';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const placeholdersIn = (...paths: string[]): string[] =>
  [...new Set(paths.flatMap((path) => findPlaceholders(read(path))))].sort();

const APP_PACKAGE_FILES = ['appPackage/manifest.json', 'appPackage/nb.json', 'appPackage/en.json'];
const bicep = read('infra/main.bicep');
/** Sample values that are not empty: names, the instance count, and `none` ("not set"). */
const PREFILLED = ['TEAMSFX_ENV', 'APP_SHORT_NAME', 'APP_FULL_NAME', 'APP_SERVICE_INSTANCES'];

/** The environment variables bot/config.ts reads (the only module that reads the app's settings). */
function settingsTheServerReads(): string[] {
  const config = read('bot/config.ts');
  const names = [
    ...[...config.matchAll(/\benv\.([A-Za-z_]\w*)/g)].map((m) => m[1]!),
    ...[...config.matchAll(/\(env, '([A-Za-z_]\w*)'/g)].map((m) => m[1]!),
  ];
  return [...new Set(names)].sort();
}

/** Read by the server but deliberately not set in Azure, and why. */
const NOT_FOR_AZURE: Record<string, string> = {
  PORT: 'App Service gives the port',
  STORAGE_CONNECTION_STRING: 'Azure uses STORAGE_ACCOUNT_URL with the managed identity',
  MicrosoftAppPassword: 'the bot signs in with the managed identity',
  SSO_JWKS_URI: "for tests; the default is Entra ID's keys for the tenant",
  LOCAL_IDENTITY: 'local development only',
};

/** The app settings block of infra/main.bicep: setting name -> Bicep expression. */
function appSettingsInBicep(): Map<string, string> {
  const block = /name: 'appsettings'\n {2}properties: \{\n([\s\S]*?)\n {2}\}/.exec(bicep);
  assert.ok(block, 'infra/main.bicep has an appsettings block');
  const pairs = [...block[1]!.matchAll(/^ {4}(\w+): (.+)$/gm)].map((m) => [m[1]!, m[2]!] as const);
  return new Map(pairs);
}

/** README "Configuration": the rows of the table, `variable` -> default as written. */
function readmeConfigurationTable(): { rows: Map<string, string>; lines: string[] } {
  const readme = read('README.md');
  const section = /\n## Configuration\n([\s\S]*?)\n## /.exec(readme)![1]!;
  const lines = section.split('\n');
  const first = lines.findIndex((line) => line.startsWith('| variable'));
  let last = first;
  while (lines[last + 1]?.startsWith('|')) last++;
  const table = lines.slice(first, last + 1);
  const rows = new Map(
    table
      .map((line) => /^\| `([^`]+)` +\| (.*?) +\|/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!] as const),
  );
  return { rows, lines: section.split('\n').filter((line) => /^\| `/.test(line)) };
}

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
        if (!PREFILLED.includes(key))
          assert.ok(value === '' || value === UNSET, `${key} is filled in: ${value}`);
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
      'STORAGE_ACCOUNT_URL: storage.properties.primaryEndpoints.table',
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
      "linuxFxVersion: 'NODE|22-lts'",
      'DisableLocalAuth: true',
      "APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'",
      "monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'",
      'capacity: int(appServiceInstances)',
      // App Service starts the server with the same command as `npm run serve` (node options included).
      `appCommandLine: '${(JSON.parse(read('package.json')) as { scripts: { serve: string } }).scripts.serve}'`,
      "healthCheckPath: '/healthz'",
      "msaAppType: 'UserAssignedMSI'",
      "channelName: 'MsTeamsChannel'",
      "storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'",
      'allowSharedKeyAccess: false',
    ]) {
      assert.ok(bicep.includes(setting), `infra/main.bicep lacks ${setting}`);
    }
    assert.doesNotMatch(bicep, /^\s*MicrosoftAppPassword\s*:/m);

    // A provision rewrites all app settings: whatever the server reads must be set here, or a value
    // set by hand in the portal is lost on the next provision.
    const settings = appSettingsInBicep();
    const expected = settingsTheServerReads().filter((name) => !(name in NOT_FOR_AZURE));
    assert.deepEqual(
      expected.filter((name) => !settings.has(name)),
      [],
      'settings the server reads that infra/main.bicep does not set',
    );
  });

  it("infra/main.bicep's defaults for the app settings are the README's defaults", function () {
    const { rows } = readmeConfigurationTable();
    // Parameters whose default is a literal (not an expression such as tenant().tenantId).
    const params = new Map(
      [...bicep.matchAll(/^param (\w+) \w+ = ('[^']*'|\d+)$/gm)].map((m) => [m[1]!, m[2]!.replace(/'/g, '')]),
    );
    let compared = 0;
    for (const [name, expression] of appSettingsInBicep()) {
      const param = /^(?:string\()?(\w+)\)?$/.exec(expression)?.[1];
      const bicepDefault = param === undefined ? undefined : params.get(param);
      const readmeDefault = rows.get(name);
      if (bicepDefault === undefined || readmeDefault === undefined) continue;
      const documented = readmeDefault === '–' ? '' : readmeDefault.replace(/^`(.*)`$/, '$1');
      assert.equal(bicepDefault, documented, `${name}: Bicep default vs README`);
      compared++;
    }
    assert.ok(compared >= 17, `compared ${compared} defaults`);
  });

  it("the README's configuration table is one table and lists every setting the server reads", function () {
    const { rows, lines } = readmeConfigurationTable();
    assert.equal(rows.size, lines.length, 'a blank line or text splits the table');
    assert.deepEqual(
      settingsTheServerReads().filter((name) => !rows.has(name)),
      [],
    );
  });

  it('the local bot is single tenant, with its tenant id passed to the server', function () {
    const local = read('m365agents.local.yml');
    assert.doesNotMatch(local, /AzureADMultipleOrgs|MultiTenant/);
    assert.match(local, /^\s+signInAudience: AzureADMyOrg\n(?:.*\n)*?\s+tenantId: BOT_TENANT_ID$/m);
    assert.match(local, /^\s+MicrosoftAppType: SingleTenant$/m);
    assert.match(local, /^\s+MicrosoftAppTenantId: \$\{\{BOT_TENANT_ID\}\}$/m);
  });

  it("package.json's engines allow Node 20 and the Node the App Service runs", function () {
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } };
    const appServiceMajor = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(bicep)![1];
    const majors = [...engines.node.matchAll(/\^(\d+)\./g)].map((m) => m[1]);
    assert.deepEqual(majors, ['20', appServiceMajor]);
  });

  it("docs/deployment.md names the provision and deploy steps in the project file's order", function () {
    const actions = readActions(read('m365agents.yml'));
    const names = new Set(actions.map((a) => a.uses));
    const guide = read('docs/deployment.md');
    for (const [lifecycle, heading] of [
      ['provision', '## 4. Provision'],
      ['deploy', '## 5. Deploy the code'],
    ]) {
      const start = guide.indexOf(`\n${heading}\n`);
      assert.ok(start >= 0, `docs/deployment.md has "${heading}"`);
      const section = guide
        .slice(start + 1, guide.indexOf('\n## ', start + 1))
        .replace(/```[\s\S]*?```/g, '');
      const named = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((t) => names.has(t));
      assert.deepEqual(
        named,
        actions.filter((a) => a.lifecycle === lifecycle).map((a) => a.uses),
        `${heading} in docs/deployment.md`,
      );
    }
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
