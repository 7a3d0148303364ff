/**
 * Builds the Teams app package (the zip that is uploaded to Teams or the Teams admin center) offline:
 *
 *   npx tsx scripts/package-app.ts --env dev        (or: npm run package -- --env dev)
 *
 * 1. Reads env/.env.<env> (and env/.env.<env>.user if present) as KEY=VALUE lines; variables in
 *    process.env override the files.
 * 2. Fills every ${{NAME}} placeholder in appPackage/manifest.json and in the localization files the
 *    manifest lists, and fails with a message naming every placeholder that has no value.
 * 3. Validates the filled manifest and localization files against the Teams JSON schemas shipped in
 *    @microsoft/app-manifest (the version named by the manifest's $schema), with ajv, offline.
 * 4. Checks the icons (PNG, 192x192 colour and 32x32 outline, read from the IHDR chunk).
 * 5. Writes appPackage/build/appPackage.<env>.zip with manifest.json, the icons and the localization
 *    files at the root of the zip.
 *
 * The Agents Toolkit's teamsApp/zipAppPackage action does the same job during `atk provision`; this
 * script exists so the package can be built and checked without the toolkit (and in tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { createZip } from './lib/zip';

export const REPO_ROOT = resolve(__dirname, '..');
export const APP_PACKAGE_DIR = join(REPO_ROOT, 'appPackage');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type EnvValues = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------------
// Environment files
// ---------------------------------------------------------------------------------------------------

/**
 * Parses dotenv-style KEY=VALUE lines: blank lines and lines starting with # are skipped, an optional
 * `export ` prefix is allowed, values may be wrapped in single or double quotes, and a ` #` starts a
 * comment after an unquoted value.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) throw new Error(`Line ${index + 1} is not KEY=VALUE: ${trimmed}`);
    const key = match[1]!;
    const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(match[2]!);
    if (quoted) {
      const inner = quoted[2]!;
      values[key] = quoted[1] === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
    } else {
      values[key] = match[2]!.replace(/(^|\s+)#.*$/, '').trim();
    }
  });
  return values;
}

/**
 * The values for an environment: env/.env.<name>, then env/.env.<name>.user, then process.env (each
 * overriding the one before). TEAMSFX_ENV defaults to the environment's name, as in the toolkit.
 */
export function loadEnvironment(
  envName: string,
  options: { envDir?: string; processEnv?: NodeJS.ProcessEnv } = {},
): EnvValues {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new Error(`Invalid environment name: ${envName}`);
  const envDir = options.envDir ?? join(REPO_ROOT, 'env');
  const processEnv = options.processEnv ?? process.env;
  const envFile = join(envDir, `.env.${envName}`);
  if (!existsSync(envFile)) {
    throw new Error(
      `${envFile} does not exist. Create it from env/.env.dev.sample (or env/.env.local.sample) and ` +
        `run \`atk provision --env ${envName}\`, which fills in the ids the package needs.`,
    );
  }
  const values: EnvValues = { TEAMSFX_ENV: envName, ...parseEnvFile(readFileSync(envFile, 'utf8')) };
  const userFile = `${envFile}.user`;
  if (existsSync(userFile)) Object.assign(values, parseEnvFile(readFileSync(userFile, 'utf8')));
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) values[key] = value;
  }
  return values;
}

// ---------------------------------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------------------------------

/** The distinct placeholder names used in a text, in order of first use. */
export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export class UnfilledPlaceholderError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly source: string,
  ) {
    super(
      `${source}: no value for ${missing.map((name) => '${{' + name + '}}').join(', ')}. ` +
        'Set them in env/.env.<env> or as environment variables.',
    );
    this.name = 'UnfilledPlaceholderError';
  }
}

/**
 * Replaces every ${{NAME}} in a JSON text with the value of NAME, escaped for use inside a JSON string.
 * A placeholder is unfilled when its value is missing or empty, as in the Agents Toolkit; all
 * unfilled names are reported together in one {@link UnfilledPlaceholderError}.
 */
export function fillPlaceholders(jsonText: string, values: EnvValues, source = 'template'): string {
  const missing = findPlaceholders(jsonText).filter((name) => {
    const value = values[name];
    return value === undefined || value === '';
  });
  if (missing.length > 0) throw new UnfilledPlaceholderError(missing, source);
  return jsonText.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(values[name]).slice(1, -1));
}

// ---------------------------------------------------------------------------------------------------
// Schema validation
// ---------------------------------------------------------------------------------------------------

/** The Teams JSON schemas that ship in @microsoft/app-manifest, one folder per version (v1.30, ...). */
export const TEAMS_SCHEMA_DIR = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

/** The manifest schema version ("1.30") named by a manifest's $schema URL. */
export function schemaVersionOf(manifest: { $schema?: unknown }): string {
  const url = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  const match = /\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(url);
  if (!match)
    throw new Error(`The manifest's $schema is not a Teams manifest schema URL: ${url || '(none)'}`);
  return match[1]!;
}

export type SchemaKind = 'manifest' | 'localization';

export function schemaPath(version: string, kind: SchemaKind): string {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return join(TEAMS_SCHEMA_DIR, `v${version}`, file);
}

const validators = new Map<string, (data: unknown) => string[]>();

/**
 * A validator for a Teams schema from @microsoft/app-manifest. Those schemas declare draft-04, which
 * ajv 8 does not load as a meta-schema; they use no draft-04-only keywords (no boolean
 * exclusiveMinimum/Maximum, no `id`), so they are compiled as default-draft schemas without $schema
 * (the test suite checks this assumption still holds).
 */
export function getValidator(version: string, kind: SchemaKind): (data: unknown) => string[] {
  const path = schemaPath(version, kind);
  const cached = validators.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new Error(`No ${kind} schema for Teams manifest v${version} in @microsoft/app-manifest (${path})`);
  }
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  // unicodeRegExp: false because some patterns in these schemas (e.g. `\b]` in the localization
  // schema) are valid JavaScript regular expressions only without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const validator = (data: unknown): string[] =>
    validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => formatError(e));
  validators.set(path, validator);
  return validator;
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  const params = Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : '';
  return `${where} ${e.message ?? 'is invalid'}${params}`;
}

/** Schema errors of a filled manifest (empty when valid); checks manifestVersion matches $schema. */
export function validateManifest(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return ['(root) must be an object'];
  const m = manifest as { $schema?: unknown; manifestVersion?: unknown };
  let version: string;
  try {
    version = schemaVersionOf(m);
  } catch (error) {
    return [(error as Error).message];
  }
  let errors: string[];
  try {
    errors = getValidator(version, 'manifest')(manifest);
  } catch (error) {
    return [(error as Error).message];
  }
  if (m.manifestVersion !== version) {
    errors.push(`/manifestVersion is ${JSON.stringify(m.manifestVersion)} but $schema is v${version}`);
  }
  return errors;
}

/** Schema errors of a filled localization file, against the schema of the manifest's version. */
export function validateLocalization(localization: unknown, version: string): string[] {
  return getValidator(version, 'localization')(localization);
}

/**
 * Localization keys such as `bots[0].commandLists[0].commands[2].title` must point at a string the
 * manifest has; Teams rejects a package whose localization file names something that is not there.
 */
export function checkLocalizationKeys(manifest: unknown, localization: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    const path = key.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node: unknown = manifest;
    for (const part of path) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (typeof node !== 'string') errors.push(`"${key}" does not name a string in the manifest`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Width, height, bit depth and colour type from a PNG's IHDR chunk (the first chunk of any PNG). */
export function readPngInfo(data: Buffer): PngInfo {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('Not a PNG file');
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG does not start with an IHDR chunk');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colorType: data.readUInt8(25),
  };
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

export function checkIcon(kind: keyof typeof ICON_SIZES, data: Buffer): string[] {
  let info: PngInfo;
  try {
    info = readPngInfo(data);
  } catch (error) {
    return [`${kind} icon: ${(error as Error).message}`];
  }
  const size = ICON_SIZES[kind];
  if (info.width !== size || info.height !== size) {
    return [`${kind} icon must be ${size}x${size} pixels, it is ${info.width}x${info.height}`];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------------------------------

export interface AppPackage {
  /** The filled manifest. */
  manifest: Record<string, unknown>;
  /** Zip entries in order: manifest.json, icons, localization files. Paths are relative to the zip root. */
  files: { name: string; data: Buffer }[];
}

export class AppPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AppPackageError';
  }
}

function packagePath(file: unknown, what: string): string {
  if (typeof file !== 'string' || file === '') throw new AppPackageError([`${what}: no file name`]);
  const normalized = posix.normalize(file.replace(/\\/g, '/'));
  if (normalized.startsWith('../') || normalized.startsWith('/')) {
    throw new AppPackageError([`${what}: ${file} is outside appPackage/`]);
  }
  return normalized;
}

/**
 * Fills, validates and collects everything that goes into the app package. Throws
 * {@link UnfilledPlaceholderError} for missing values and {@link AppPackageError} listing every
 * validation problem found.
 */
export function buildAppPackage(values: EnvValues, appPackageDir = APP_PACKAGE_DIR): AppPackage {
  const manifestText = fillPlaceholders(
    readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'),
    values,
    'appPackage/manifest.json',
  );
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  dedupeValidDomains(manifest);

  const problems = validateManifest(manifest).map((e) => `manifest.json ${e}`);
  if (problems.length > 0) throw new AppPackageError(problems);
  const version = schemaVersionOf(manifest);

  const files: AppPackage['files'] = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
  ];

  const icons = manifest.icons as Record<string, unknown>;
  for (const kind of ['color', 'outline'] as const) {
    const name = packagePath(icons[kind], `icons.${kind}`);
    const data = readFileSync(join(appPackageDir, name));
    problems.push(...checkIcon(kind, data));
    files.push({ name, data });
  }

  const localization = (manifest.localizationInfo ?? {}) as {
    additionalLanguages?: { languageTag: string; file: string }[];
    defaultLanguageFile?: string;
  };
  const locFiles = [
    ...(localization.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
    ...(localization.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const file of locFiles) {
    const name = packagePath(file, 'localization file');
    const text = fillPlaceholders(
      readFileSync(join(appPackageDir, name), 'utf8'),
      values,
      `appPackage/${name}`,
    );
    const loc = JSON.parse(text) as Record<string, unknown>;
    problems.push(...validateLocalization(loc, version).map((e) => `${name} ${e}`));
    problems.push(...checkLocalizationKeys(manifest, loc).map((e) => `${name} ${e}`));
    files.push({ name, data: Buffer.from(JSON.stringify(loc, null, 2) + '\n', 'utf8') });
  }

  if (problems.length > 0) throw new AppPackageError(problems);
  return { manifest, files };
}

/**
 * In Azure the tab and the bot share one App Service, so TAB_DOMAIN and BOT_DOMAIN are equal; the
 * package lists each domain once.
 */
function dedupeValidDomains(manifest: Record<string, unknown>): void {
  if (Array.isArray(manifest.validDomains)) manifest.validDomains = [...new Set(manifest.validDomains)];
}

/** Builds and writes the zip for an environment; returns its path and contents. */
export function packageApp(
  envName: string,
  options: { envDir?: string; processEnv?: NodeJS.ProcessEnv; outDir?: string } = {},
): { zipPath: string; appPackage: AppPackage } {
  const values = loadEnvironment(envName, options);
  const appPackage = buildAppPackage(values);
  const zipPath = join(options.outDir ?? join(APP_PACKAGE_DIR, 'build'), `appPackage.${envName}.zip`);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, createZip(appPackage.files));
  return { zipPath, appPackage };
}

export function parseArgs(argv: readonly string[]): { env: string } {
  let env: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env' || arg === '-e') env = argv[++i];
    else if (arg.startsWith('--env=')) env = arg.slice('--env='.length);
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (!arg.startsWith('-') && env === undefined) env = arg;
    else throw new Error(`Unknown argument: ${arg}\n${USAGE}`);
  }
  if (!env) throw new Error(USAGE);
  return { env };
}

const USAGE = 'Usage: npx tsx scripts/package-app.ts --env <local|dev|...>   (reads env/.env.<env>)';

if (require.main === module) {
  try {
    const { env } = parseArgs(process.argv.slice(2));
    const { zipPath, appPackage } = packageApp(env);
    console.log(
      `App package for "${env}" is valid (Teams manifest v${schemaVersionOf(appPackage.manifest)}).`,
    );
    for (const file of appPackage.files) console.log(`  ${file.name} (${file.data.length} bytes)`);
    console.log(`Wrote ${zipPath}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
