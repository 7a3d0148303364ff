// Stages what the App Service runs into one folder, for azureAppService/zipDeploy in m365agents.yml:
//
//   node infra/stage-webapp.mjs [target] [--no-install]
//
// (default target: dist/webapp; run after `npm run build`; --no-install skips `npm ci`, for checks)
//
// It copies the built server (dist/), the built tab (tab/dist/), the Adaptive Card templates
// (adaptive-cards/), the action-plan seed data (bot/domain/plans/seed/), package.json and
// package-lock.json, then installs the production dependencies only (`npm ci --omit=dev`) inside the
// target, so the zip carries a production node_modules while the developer's own node_modules (with
// the dev tools) is left alone. The App Service runs the zip as it is (WEBSITE_RUN_FROM_PACKAGE=1,
// no build on the server), starting the server with `npm run serve`'s command.
//
// .webappignore is then applied by zipDeploy to this folder, as a last filter.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** [path, required]: what the server needs at run time, relative to the repository root. */
const INCLUDE = [
  ['dist', true],
  ['tab/dist', true],
  ['adaptive-cards', true],
  ['bot/domain/plans/seed', false],
  ['package.json', true],
  ['package-lock.json', true],
  ['.npmrc', false],
];

/** True when `inner` is `outer` itself or lies inside it. */
function contains(outer, inner) {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const install = !args.includes('--no-install');
const target = resolve(root, args.find((arg) => !arg.startsWith('--')) ?? join('dist', 'webapp'));

if (target === root || !contains(root, target)) {
  throw new Error(`The staging folder must be a folder inside the repository: ${target}`);
}
const entryPoint = join(root, 'dist', 'bot', 'index.js');
if (!existsSync(entryPoint)) {
  throw new Error(`${relative(root, entryPoint)} is missing: run \`npm run build\` first.`);
}

/**
 * Copies a file or folder. When the staging folder lies inside it (dist/webapp inside dist/), copies
 * its children one by one and leaves the staging folder out. Deployment zips are never copied.
 */
function copy(source, destination) {
  if (contains(source, target)) {
    mkdirSync(destination, { recursive: true });
    for (const child of readdirSync(source)) {
      const childPath = join(source, child);
      if (childPath !== target) copy(childPath, join(destination, child));
    }
    return;
  }
  cpSync(source, destination, { recursive: true, filter: (file) => !file.endsWith('.zip') });
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [path, required] of INCLUDE) {
  const source = join(root, path);
  if (!existsSync(source)) {
    if (required) throw new Error(`${path} is missing: run \`npm run build\` first.`);
    console.log(`skip ${path} (not present)`);
    continue;
  }
  copy(source, join(target, path));
  console.log(`copied ${path}`);
}

if (install) {
  const npm = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: target,
    stdio: 'inherit',
    shell: process.platform === 'win32', // npm is npm.cmd on Windows
  });
  if (npm.status !== 0) {
    throw new Error(`npm ci --omit=dev failed in ${target} (exit code ${npm.status ?? npm.signal})`);
  }
}
console.log(`Staged the web app in ${relative(root, target)}${install ? '' : ' (without node_modules)'}`);
