/**
 * How the Microsoft 365 Agents Toolkit fills ${{NAME}} placeholders when it runs m365agents.yml (or
 * m365agents.local.yml), rebuilt offline so a test can tell whether `atk provision` would get past
 * every step with a given environment file. What it copies from the toolkit (fx-core):
 *
 * - Each action's `with:` is filled just before the action runs, from the environment file plus what
 *   earlier actions wrote. Only a non-empty value fills a placeholder; any placeholder left stops the
 *   action (configManager/lifecycle.ts: `if (!envVal) unresolved.push(...)`).
 * - The files an action reads are filled the same way and refused with
 *   MissingEnvironmentVariablesError when a placeholder is left: arm/deploy's parameters file,
 *   aadApp/update's Entra manifest, and the Teams manifest with its localization files.
 * - aadApp/update makes up AAD_APP_ACCESS_AS_USER_PERMISSION_ID when it is empty; before provision
 *   the toolkit asks for AZURE_SUBSCRIPTION_ID and AZURE_RESOURCE_GROUP_NAME if an arm/deploy needs
 *   them.
 * - What an action writes becomes a value for the actions after it: `writeToEnvironmentFile`, the
 *   outputs of arm/deploy's Bicep template, and `::set-teamsfx-env NAME=...` printed by a script.
 *
 * The project files are read line by line (no YAML library is a dependency); they keep to the simple
 * block style this reader understands: `- uses:` items under `provision:`, `deploy:` and `publish:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlaceholders, REPO_ROOT } from '../../scripts/package-app';

export interface ToolkitAction {
  lifecycle: string;
  uses: string;
  /** The action's lines after `- uses:`, comments and blank lines removed. */
  lines: string[];
}

export interface UnfilledStep {
  step: string;
  missing: string[];
}

const LIFECYCLES = ['provision', 'deploy', 'publish'];
const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

export function readActions(yml: string): ToolkitAction[] {
  const actions: ToolkitAction[] = [];
  let lifecycle = '';
  for (const line of yml.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const topLevel = /^(\w+):/.exec(line);
    if (topLevel) {
      lifecycle = topLevel[1]!;
      continue;
    }
    const start = /^\s*- uses: (\S+)/.exec(line);
    if (start && LIFECYCLES.includes(lifecycle)) actions.push({ lifecycle, uses: start[1]!, lines: [] });
    else actions.at(-1)?.lines.push(line);
  }
  return actions;
}

/** `key: value` of the lines under `section:`, one level deeper than it. */
function sectionValues(lines: string[], section: string): string[] {
  const at = lines.findIndex((line) => line.trim() === `${section}:`);
  if (at < 0) return [];
  const indent = lines[at]!.search(/\S/);
  const values: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.search(/\S/) <= indent) break;
    const pair = /^\s*[\w-]+:\s*(\S.*)$/.exec(line);
    if (pair) values.push(pair[1]!.trim());
  }
  return values;
}

function fieldValues(lines: string[], field: string): string[] {
  const pattern = new RegExp(`^\\s*-?\\s*${field}:\\s*(\\S+)\\s*$`);
  return lines.flatMap((line) => pattern.exec(line)?.[1] ?? []);
}

/** The texts the action reads from files, each filled like its `with:`. */
function filesRead(action: ToolkitAction): string[] {
  switch (action.uses) {
    case 'arm/deploy':
      return fieldValues(action.lines, 'parameters').map(read);
    case 'aadApp/update':
      return fieldValues(action.lines, 'manifestPath').map(read);
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return fieldValues(action.lines, 'manifestPath').flatMap((path) => {
        const manifest = read(path);
        const info = (JSON.parse(manifest) as { localizationInfo?: LocalizationInfo }).localizationInfo;
        const dir = path.replace(/[^/]*$/, '');
        const languageFiles = [
          ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
          ...(info?.additionalLanguages ?? []).map((language) => language.file),
        ];
        return [manifest, ...languageFiles.map((file) => read(dir + file))];
      });
    default:
      return [];
  }
}

interface LocalizationInfo {
  defaultLanguageFile?: string;
  additionalLanguages?: { file: string }[];
}

/** The names an action writes for the actions after it. */
function namesWritten(action: ToolkitAction): string[] {
  const written = sectionValues(action.lines, 'writeToEnvironmentFile');
  if (action.uses === 'arm/deploy') {
    for (const template of fieldValues(action.lines, 'path')) {
      written.push(...[...read(template).matchAll(/^output (\w+) /gm)].map((m) => m[1]!));
    }
  }
  if (action.uses === 'script') {
    const run = action.lines.join('\n');
    written.push(...[...run.matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!));
  }
  return written;
}

/**
 * Runs the placeholders of every action of a project file against an environment, in order, and
 * returns each step that would stop with the names it found no value for (empty counts as none).
 */
export function unfilledSteps(projectFile: string, environment: Record<string, string>): UnfilledStep[] {
  const actions = readActions(read(projectFile));
  const values: Record<string, string> = { ...environment };
  const has = (name: string): boolean => (values[name] ?? '') !== '';
  if (actions.some((action) => action.uses === 'arm/deploy')) {
    for (const asked of ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']) {
      if (!has(asked)) values[asked] = `(${asked} chosen when asked)`;
    }
  }
  const unfilled: UnfilledStep[] = [];
  const stepsIn: Record<string, number> = {};
  for (const action of actions) {
    const step = `${action.lifecycle} #${(stepsIn[action.lifecycle] = (stepsIn[action.lifecycle] ?? 0) + 1)} ${action.uses}`;
    if (action.uses === 'aadApp/update' && !has('AAD_APP_ACCESS_AS_USER_PERMISSION_ID'))
      values.AAD_APP_ACCESS_AS_USER_PERMISSION_ID = '(generated)';
    const texts = [action.lines.join('\n'), ...filesRead(action)];
    const missing = [...new Set(texts.flatMap((text) => findPlaceholders(text)))].filter((n) => !has(n));
    if (missing.length > 0) {
      unfilled.push({ step, missing: missing.sort() });
    }
    for (const name of namesWritten(action)) values[name] = `(written by ${action.uses})`;
  }
  return unfilled;
}
