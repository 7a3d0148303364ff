import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { PERSONAL_TAB_ENTITY_IDS } from '../../bot/cards/tabDeepLink';
import { createZip } from '../../scripts/lib/zip';
import { encodePng, renderColorIcon, renderOutlineIcon, BRAND_COLOR } from '../../scripts/make-icons';
import {
  APP_PACKAGE_DIR,
  AppPackageError,
  UnfilledPlaceholderError,
  buildAppPackage,
  checkIcon,
  checkLocalizationKeys,
  fillPlaceholders,
  findPlaceholders,
  loadEnvironment,
  packageApp,
  parseArgs,
  parseEnvFile,
  readPngInfo,
  schemaPath,
  schemaVersionOf,
  validateLocalization,
  validateManifest,
  type EnvValues,
} from '../../scripts/package-app';
import { decodePng } from './png';
import { readZip } from './unzip';

const SAMPLE: EnvValues = {
  TEAMSFX_ENV: 'test',
  APP_SHORT_NAME: 'Helsefellesskap-test',
  APP_FULL_NAME: 'Helsefellesskap Møre og Romsdal (test)',
  TEAMS_APP_ID: '0b5b6f1e-3c1a-4b8e-9f41-1d2a3b4c5d6e',
  BOT_ID: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  AAD_APP_CLIENT_ID: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  TAB_DOMAIN: 'hfmrabc123-app.azurewebsites.net',
  BOT_DOMAIN: 'hfmrabc123-app.azurewebsites.net',
  TAB_ENDPOINT: 'https://hfmrabc123-app.azurewebsites.net',
};

/** The parts of the manifest these tests read; everything else stays `unknown`. */
interface Manifest {
  [key: string]: unknown;
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  accentColor: string;
  bots: {
    [key: string]: unknown;
    botId?: string;
    scopes: string[];
    supportsFiles?: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[];
  }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  validDomains: string[];
}
type Localization = Record<string, string>;

const readText = (file: string): string => readFileSync(join(APP_PACKAGE_DIR, file), 'utf8');

function filledManifest(values: EnvValues = SAMPLE): Manifest {
  return JSON.parse(fillPlaceholders(readText('manifest.json'), values)) as Manifest;
}

function filledLocalization(file: string, values: EnvValues = SAMPLE): Localization {
  return JSON.parse(fillPlaceholders(readText(file), values)) as Localization;
}

describe('app package', function () {
  describe('placeholders', function () {
    it('lists every placeholder the manifest and the localization files use', function () {
      const used = new Set([
        ...findPlaceholders(readText('manifest.json')),
        ...findPlaceholders(readText('nb.json')),
        ...findPlaceholders(readText('en.json')),
      ]);
      assert.deepEqual([...used].sort(), [
        'AAD_APP_CLIENT_ID',
        'APP_FULL_NAME',
        'APP_SHORT_NAME',
        'BOT_ID',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'TEAMS_APP_ID',
      ]);
    });

    it('fills every placeholder, escaping values for JSON', function () {
      const text = fillPlaceholders('{"a": "${{A}}-${{ B }}"}', { A: 'x"y\\z', B: 'æøå' });
      assert.deepEqual(JSON.parse(text), { a: 'x"y\\z-æøå' });
      assert.ok(!JSON.stringify(filledManifest()).includes('${{'));
    });

    it('names every unfilled placeholder in one error', function () {
      const values = { ...SAMPLE, BOT_ID: undefined, TAB_DOMAIN: '' };
      assert.throws(
        () => fillPlaceholders(readText('manifest.json'), values, 'appPackage/manifest.json'),
        (error: unknown) => {
          assert.ok(error instanceof UnfilledPlaceholderError);
          assert.deepEqual([...error.missing].sort(), ['BOT_ID', 'TAB_DOMAIN']);
          assert.match(error.message, /appPackage\/manifest\.json: no value for .*\$\{\{BOT_ID\}\}/);
          assert.match(error.message, /\$\{\{TAB_DOMAIN\}\}/);
          return true;
        },
      );
    });

    it('treats an empty value as missing, as the Agents Toolkit does', function () {
      assert.throws(
        () => filledManifest({ ...SAMPLE, APP_SHORT_NAME: '' }),
        (error: unknown) =>
          error instanceof UnfilledPlaceholderError && error.missing[0] === 'APP_SHORT_NAME',
      );
    });
  });

  describe('manifest.json', function () {
    it('uses the newest manifest schema that @microsoft/app-manifest ships', function () {
      const manifest = filledManifest();
      assert.equal(schemaVersionOf(manifest), '1.30');
      assert.equal(manifest.manifestVersion, '1.30');
      assert.ok(readFileSync(schemaPath('1.30', 'manifest')).length > 0);
      assert.throws(() => readFileSync(schemaPath('1.31', 'manifest')), /ENOENT/);
    });

    it('is valid against the Teams schema once filled', function () {
      assert.deepEqual(validateManifest(filledManifest()), []);
    });

    it("is also valid for @microsoft/app-manifest's own (draft-04) validator", async function () {
      const manifest = filledManifest();
      const schema: unknown = JSON.parse(readFileSync(schemaPath('1.30', 'manifest'), 'utf8'));
      assert.deepEqual(
        await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema as never),
        [],
      );
    });

    it('fails validation without a bot id', function () {
      const manifest = filledManifest();
      delete manifest.bots[0]!.botId;
      const errors = validateManifest(manifest);
      assert.ok(
        errors.some((e) => e.includes('/bots/0') && e.includes('botId')),
        errors.join('\n'),
      );
    });

    it('fails validation with a bot id that is not a GUID', function () {
      const manifest = filledManifest({ ...SAMPLE, BOT_ID: 'not-a-guid' });
      assert.ok(validateManifest(manifest).some((e) => e.startsWith('/bots/0/botId')));
    });

    it('fails validation with a manifestVersion other than its schema', function () {
      const manifest = filledManifest();
      manifest.manifestVersion = '1.99';
      const errors = validateManifest(manifest);
      assert.ok(
        errors.some((e) => e.startsWith('/manifestVersion')),
        errors.join('\n'),
      );
    });

    it('fails validation with a schema version that does not exist or a misspelt property', function () {
      const badSchema = filledManifest();
      badSchema.$schema =
        'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
      assert.match(validateManifest(badSchema).join('\n'), /No manifest schema for Teams manifest v1\.18/);
      const unknownProperty = filledManifest();
      unknownProperty.bots[0]!.supportsFile = false;
      assert.ok(validateManifest(unknownProperty).some((e) => e.includes('additional properties')));
    });

    it('describes the bot, the tabs, SSO and the domains', function () {
      const m = filledManifest();
      assert.equal(m.id, SAMPLE.TEAMS_APP_ID);
      assert.equal(m.developer.name, 'Helsefellesskap Møre og Romsdal');
      assert.equal(m.developer.privacyUrl, `https://${SAMPLE.TAB_DOMAIN}/privacy.html`);
      assert.equal(m.developer.termsOfUseUrl, `https://${SAMPLE.TAB_DOMAIN}/terms.html`);
      assert.equal(m.accentColor, BRAND_COLOR);

      const [bot] = m.bots;
      assert.equal(bot!.botId, SAMPLE.BOT_ID);
      assert.deepEqual(bot!.scopes, ['personal', 'team']);
      assert.equal(bot!.supportsFiles, false);
      const personal = bot!.commandLists.find((l) => l.scopes.includes('personal'));
      assert.deepEqual(
        personal?.commands.map((c) => c.title),
        ['ny sak', 'status', 'hjelp', 'avbryt', 'nynorsk', 'bokmål', 'English'],
      );

      const tab = (entityId: string) => m.staticTabs.find((t) => t.entityId === entityId)!;
      assert.equal(tab('actionPlans').name, 'Handlingsplanar');
      assert.equal(tab('actionPlans').contentUrl, `${SAMPLE.TAB_ENDPOINT}/tab/index.html#/overview`);
      assert.equal(tab('myCases').name, 'Mine saker');
      assert.equal(tab('myCases').contentUrl, `${SAMPLE.TAB_ENDPOINT}/tab/index.html#/cases`);
      assert.equal(m.staticTabs[0]!.entityId, 'conversations', 'the chat with the bot comes first');

      assert.deepEqual(m.configurableTabs, [
        {
          id: 'actionPlanBoard',
          configurationUrl: `${SAMPLE.TAB_ENDPOINT}/tab/index.html#/config`,
          canUpdateConfiguration: true,
          scopes: ['team'],
          context: ['channelTab'],
        },
      ]);
      assert.deepEqual(m.webApplicationInfo, {
        id: SAMPLE.AAD_APP_CLIENT_ID,
        resource: `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`,
      });
      // The tab and the bot share one host (App Service, or the local tunnel): listed once, as the
      // toolkit's own packaging step does not remove duplicates.
      assert.deepEqual(m.validDomains, [SAMPLE.TAB_DOMAIN]);
      assert.deepEqual(m.localizationInfo, {
        defaultLanguageTag: 'nn',
        additionalLanguages: [
          { languageTag: 'nb', file: 'nb.json' },
          { languageTag: 'en', file: 'en.json' },
        ],
      });
    });

    it("has the personal tabs the deep links open, and a channel tab set up by the tab's own config page", function () {
      const m = filledManifest();
      const tab = `${SAMPLE.TAB_ENDPOINT}/tab/index.html`;
      for (const [entityId, route] of [
        [PERSONAL_TAB_ENTITY_IDS.cases, '#/cases'],
        [PERSONAL_TAB_ENTITY_IDS.plans, '#/overview'],
      ]) {
        const staticTab = m.staticTabs.find((t) => t.entityId === entityId);
        assert.equal(staticTab?.contentUrl, `${tab}${route}`, entityId);
        assert.deepEqual(staticTab?.scopes, ['personal'], entityId);
      }
      // The channel tab's content URL is saved by the config page (pages.config.setConfig) on the
      // tab's own host, which must be a valid domain for Teams to load it.
      const [channelTab] = m.configurableTabs as { configurationUrl: string }[];
      assert.equal(channelTab!.configurationUrl, `${tab}#/config`);
      assert.ok(m.validDomains.includes(new URL(channelTab!.configurationUrl).host));
    });

    it('relies on no draft-04-only schema keyword that ajv 8 would read differently', function () {
      const offending: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}/${i}`));
        if (typeof node !== 'object' || node === null) return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
            offending.push(`${path}/${key}`);
          }
          if (key === 'id' && typeof value === 'string') offending.push(`${path}/id`);
          walk(value, `${path}/${key}`);
        }
      };
      for (const kind of ['manifest', 'localization'] as const) {
        walk(JSON.parse(readFileSync(schemaPath('1.30', kind), 'utf8')), kind);
      }
      assert.deepEqual(offending, []);
    });
  });

  describe('localization files', function () {
    const localizable = (manifest: Manifest): string[] => {
      const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
      manifest.staticTabs.forEach((t, i) => t.name && keys.push(`staticTabs[${i}].name`));
      manifest.bots[0]!.commandLists.forEach((list, l) =>
        list.commands.forEach((_c, c) => {
          keys.push(`bots[0].commandLists[${l}].commands[${c}].title`);
          keys.push(`bots[0].commandLists[${l}].commands[${c}].description`);
        }),
      );
      return keys.sort();
    };

    for (const file of ['nb.json', 'en.json']) {
      it(`${file} is valid against the Teams localization schema and translates every string`, function () {
        const loc = filledLocalization(file);
        const manifest = filledManifest();
        assert.deepEqual(validateLocalization(loc, '1.30'), []);
        assert.deepEqual(checkLocalizationKeys(manifest, loc), []);
        assert.deepEqual(
          Object.keys(loc)
            .filter((k) => k !== '$schema')
            .sort(),
          localizable(manifest),
        );
        assert.ok(loc.$schema?.endsWith('/v1.30/MicrosoftTeams.Localization.schema.json'));
      });
    }

    it('has the command titles users type in each language', function () {
      const titles = (loc: Localization): (string | undefined)[] =>
        [0, 1, 2, 3, 4, 5, 6].map((i) => loc[`bots[0].commandLists[0].commands[${i}].title`]);
      assert.deepEqual(titles(filledLocalization('en.json')), [
        'new case',
        'status',
        'help',
        'cancel',
        'nynorsk',
        'bokmål',
        'English',
      ]);
      assert.deepEqual(titles(filledLocalization('nb.json')), [
        'ny sak',
        'status',
        'hjelp',
        'avbryt',
        'nynorsk',
        'bokmål',
        'English',
      ]);
      assert.equal(
        filledLocalization('nb.json')['bots[0].commandLists[0].commands[0].description'],
        'Start en ny sak til helsefellesskapet',
      );
      assert.equal(
        filledManifest().bots[0]!.commandLists[0]!.commands[0]!.description,
        'Start ei ny sak til helsefellesskapet',
      );
    });

    it('fails validation when a required string is missing or too long', function () {
      const missing = filledLocalization('en.json');
      delete missing['description.short'];
      assert.ok(validateLocalization(missing, '1.30').some((e) => e.includes('description.short')));
      const tooLong = filledLocalization('en.json');
      tooLong['name.short'] = 'x'.repeat(31);
      assert.ok(validateLocalization(tooLong, '1.30').some((e) => e.startsWith('/name.short')));
    });

    it('reports keys that point at nothing in the manifest', function () {
      const loc = { ...filledLocalization('en.json'), 'staticTabs[9].name': 'Nowhere' };
      assert.deepEqual(checkLocalizationKeys(filledManifest(), loc), [
        '"staticTabs[9].name" does not name a string in the manifest',
      ]);
    });
  });

  describe('icons', function () {
    const colorPng = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
    const outlinePng = readFileSync(join(APP_PACKAGE_DIR, 'outline.png'));

    it('are 192x192 (colour) and 32x32 (outline) PNGs', function () {
      assert.deepEqual(readPngInfo(colorPng), { width: 192, height: 192, bitDepth: 8, colorType: 6 });
      assert.deepEqual(readPngInfo(outlinePng), { width: 32, height: 32, bitDepth: 8, colorType: 6 });
      assert.deepEqual(checkIcon('color', colorPng), []);
      assert.deepEqual(checkIcon('outline', outlinePng), []);
    });

    it('rejects an icon of the wrong size or format', function () {
      const small = encodePng({ width: 16, height: 16, pixels: Buffer.alloc(16 * 16 * 4) });
      assert.deepEqual(checkIcon('outline', small), ['outline icon must be 32x32 pixels, it is 16x16']);
      assert.deepEqual(checkIcon('color', Buffer.from('GIF89a')), ['color icon: Not a PNG file']);
    });

    it('outline.png has only white pixels on a fully transparent background', function () {
      const { pixels } = decodePng(outlinePng);
      let opaque = 0;
      let transparent = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
        if (a === 0) {
          transparent++;
          continue;
        }
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
        opaque++;
      }
      assert.ok(opaque > 50 && transparent > 500, `${opaque} white and ${transparent} transparent pixels`);
      assert.equal(pixels[3], 0, 'the corner is transparent');
    });

    it('color.png is opaque, brand-coloured with white letters', function () {
      const { pixels } = decodePng(colorPng);
      for (let i = 3; i < pixels.length; i += 4) assert.equal(pixels[i], 255);
      assert.deepEqual([...pixels.subarray(0, 3)], [0x0f, 0x6e, 0x73]);
      const white = Array.from({ length: pixels.length / 4 }, (_, i) => i).filter(
        (i) => pixels[i * 4] === 255 && pixels[i * 4 + 1] === 255 && pixels[i * 4 + 2] === 255,
      ).length;
      assert.ok(white > 1000, `${white} white pixels`);
    });

    it('are exactly what scripts/make-icons.ts draws (reproducible)', function () {
      assert.ok(decodePng(colorPng).pixels.equals(renderColorIcon().pixels), 'color.png is out of date');
      assert.ok(
        decodePng(outlinePng).pixels.equals(renderOutlineIcon().pixels),
        'outline.png is out of date',
      );
    });
  });

  describe('the zip', function () {
    it('contains exactly manifest.json, the icons and the localization files, filled', function () {
      const appPackage = buildAppPackage(SAMPLE);
      const entries = readZip(createZip(appPackage.files));
      assert.deepEqual(
        entries.map((e) => e.name),
        ['manifest.json', 'color.png', 'outline.png', 'nb.json', 'en.json'],
      );
      const byName = new Map(entries.map((e) => [e.name, e.data]));

      const manifest = JSON.parse(byName.get('manifest.json')!.toString('utf8')) as Manifest;
      assert.deepEqual(validateManifest(manifest), []);
      assert.deepEqual(manifest.validDomains, [SAMPLE.TAB_DOMAIN], 'the shared domain is listed once');
      assert.deepEqual(
        { ...manifest, validDomains: undefined },
        { ...filledManifest(), validDomains: undefined },
      );

      assert.ok(byName.get('color.png')!.equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png'))));
      assert.ok(byName.get('outline.png')!.equals(readFileSync(join(APP_PACKAGE_DIR, 'outline.png'))));
      for (const file of ['nb.json', 'en.json']) {
        const text = byName.get(file)!.toString('utf8');
        assert.ok(!text.includes('${{'));
        assert.deepEqual(JSON.parse(text), filledLocalization(file));
      }
      for (const entry of entries) assert.ok(entry.flags & 0x800, `${entry.name} is flagged UTF-8`);
    });

    it('refuses to build when a placeholder has no value or the manifest is invalid', function () {
      assert.throws(
        () => buildAppPackage({ ...SAMPLE, AAD_APP_CLIENT_ID: undefined }),
        UnfilledPlaceholderError,
      );
      assert.throws(
        () => buildAppPackage({ ...SAMPLE, TEAMS_APP_ID: 'not-a-guid' }),
        (error: unknown) => error instanceof AppPackageError && /manifest\.json \/id/.test(error.message),
      );
    });

    it('writes the same bytes for the same inputs, stores what does not compress, and round-trips UTF-8 names', function () {
      const files = [
        { name: 'empty.txt', data: Buffer.alloc(0) },
        { name: 'bokmål/å.txt', data: Buffer.from('Helsefellesskap Møre og Romsdal\n'.repeat(20)) },
        { name: 'random.bin', data: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 7919) % 251)) },
      ];
      const zip = createZip(files);
      assert.ok(zip.equals(createZip(structuredClone(files))));
      const entries = readZip(zip);
      assert.deepEqual(
        entries.map((e) => [e.name, e.method]),
        [
          ['empty.txt', 0],
          ['bokmål/å.txt', 8],
          ['random.bin', 0],
        ],
      );
      entries.forEach((e, i) => assert.ok(e.data.equals(files[i]!.data)));
    });

    it('rejects duplicate and unsafe entry names', function () {
      const data = Buffer.from('x');
      assert.throws(
        () =>
          createZip([
            { name: 'a', data },
            { name: 'a', data },
          ]),
        /Duplicate/,
      );
      for (const name of ['../a', '/a', 'a\\b', '']) assert.throws(() => createZip([{ name, data }]));
    });
  });

  describe('the packaging script', function () {
    let dir: string;
    beforeEach(function () {
      dir = mkdtempSync(join(tmpdir(), 'hf-package-'));
    });
    afterEach(function () {
      rmSync(dir, { recursive: true, force: true });
    });

    it('reads env/.env.<env>, lets process.env override it, and writes appPackage.<env>.zip', function () {
      const lines = Object.entries(SAMPLE)
        .filter(([key]) => key !== 'TEAMSFX_ENV')
        .map(([key, value]) => (key === 'TAB_ENDPOINT' ? `${key}="${value}" # quoted` : `${key}=${value}`));
      writeFileSync(join(dir, '.env.ci'), ['# comment', '', ...lines, 'BOT_ID=wrong'].join('\n'));
      const { zipPath, appPackage } = packageApp('ci', {
        envDir: dir,
        outDir: dir,
        processEnv: { BOT_ID: SAMPLE.BOT_ID },
      });
      assert.equal(zipPath, join(dir, 'appPackage.ci.zip'));
      const manifest = JSON.parse(readZip(readFileSync(zipPath))[0]!.data.toString('utf8')) as Manifest;
      assert.equal(manifest.bots[0]!.botId, SAMPLE.BOT_ID);
      assert.equal(manifest.name.short, 'Helsefellesskap-test');
      assert.deepEqual(appPackage.manifest, manifest);
    });

    it('explains a missing env file and names the environment', function () {
      assert.throws(
        () => loadEnvironment('nope', { envDir: dir, processEnv: {} }),
        /\.env\.nope does not exist/,
      );
      writeFileSync(join(dir, '.env.x'), 'A=1\n');
      writeFileSync(join(dir, '.env.x.user'), 'A=2\nSECRET_B=3\n');
      assert.deepEqual(loadEnvironment('x', { envDir: dir, processEnv: {} }), {
        TEAMSFX_ENV: 'x',
        A: '2',
        SECRET_B: '3',
      });
    });

    it('parses env files and arguments', function () {
      assert.deepEqual(parseEnvFile('A=1\r\nexport B = two words # note\nC="x # y"\nD=\n'), {
        A: '1',
        B: 'two words',
        C: 'x # y',
        D: '',
      });
      assert.deepEqual(parseEnvFile("E='it''s'\nF=#\nG='q' # c\n"), { E: "it''s", F: '', G: 'q' });
      assert.throws(() => parseEnvFile('not a pair'), /Line 1/);
      assert.deepEqual(parseArgs(['--env', 'dev']), { env: 'dev' });
      assert.deepEqual(parseArgs(['--env=local']), { env: 'local' });
      assert.deepEqual(parseArgs(['dev']), { env: 'dev' });
      assert.throws(() => parseArgs([]), /Usage/);
    });
  });
});
