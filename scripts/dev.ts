/**
 * `npm start`: everything a person needs to try the app locally, with no Azure account and no Teams
 * tenant: Azurite (table service, data in .azurite/), the tab built, the server on PORT (3978), and
 * the Microsoft 365 Agents Playground to chat with the bot in a browser. Ctrl+C stops it all.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 3978);
const azuritePort = 10002;
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) =>
    stream.write(
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => prefix + line + '\n')
        .join(''),
    );
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}stopped (${signal ?? code}); stopping everything.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function portOpen(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(p, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${seconds} s`);
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * The Agents Playground chats as one mock user (Alex Wilber). Unless BOOTSTRAP_* says otherwise,
 * that user gets the administrator, secretariat leader and SSU leader roles locally, so one person
 * can walk a case through intake, routing and outcome, and the tab's local picker has someone in it.
 */
const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';
function demoRoles(): NodeJS.ProcessEnv {
  const names = [
    'BOOTSTRAP_ADMINS',
    'BOOTSTRAP_SECRETARIAT_LEADER',
    'BOOTSTRAP_SECRETARIAT_MEMBERS',
    'BOOTSTRAP_SSU_LEADER',
    'BOOTSTRAP_SSU_DEPUTY',
  ];
  if (names.some((name) => process.env[name])) return {};
  console.log(
    'Local demo roles: the Playground user (Alex Wilber) is administrator, secretariat leader and SSU leader.',
  );
  return {
    BOOTSTRAP_ADMINS: PLAYGROUND_USER,
    BOOTSTRAP_SECRETARIAT_LEADER: PLAYGROUND_USER,
    BOOTSTRAP_SSU_LEADER: PLAYGROUND_USER,
  };
}

async function main(): Promise<void> {
  if (await portOpen(azuritePort)) {
    console.log(`Azurite already answers on ${azuritePort}; using it.`);
  } else {
    mkdirSync(path.join(root, '.azurite'), { recursive: true });
    start('azurite', bin('azurite-table'), [
      '--location',
      path.join(root, '.azurite'),
      '--disableTelemetry',
      '--silent',
      '--skipApiVersionCheck',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(azuritePort),
    ]);
    await waitFor('Azurite', () => portOpen(azuritePort));
  }

  if (existsSync(path.join(root, 'tab', 'vite.config.mts'))) {
    console.log('Building the tab …');
    const build = spawnSync(bin('vite'), ['build', '--config', 'tab/vite.config.mts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    // The bot is still worth running while someone mends the tab; the failure above says why.
    if (build.status !== 0)
      console.error('\n*** The tab did not build (see above); starting the bot without it. ***\n');
  }

  start('server', bin('tsx'), [path.join('bot', 'index.ts')], {
    PORT: String(port),
    // Local development only: the tab in a plain browser picks who it is (answers on loopback only).
    LOCAL_IDENTITY: process.env.LOCAL_IDENTITY ?? 'on',
    ...demoRoles(),
  });
  await waitFor('The server', async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  });

  start(
    'playground',
    bin('agentsplayground'),
    [
      '-e',
      `http://127.0.0.1:${port}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(playgroundPort),
      '--disable-telemetry',
    ],
    { TEAMSAPPTESTER_BROWSER: 'none', BROWSER: 'none' },
  );
  await waitFor('The Agents Playground', () => portOpen(playgroundPort));

  console.log(`
  Helsefellesskap Teams app is running locally:
    Chat with the bot (Agents Playground):  http://localhost:${playgroundPort}
    Action-plan tab in a browser:           http://localhost:${port}/tab/index.html#/overview
    Health:                                 http://localhost:${port}/healthz
    Storage:                                Azurite on 127.0.0.1:${azuritePort}, data in .azurite/
  Press Ctrl+C to stop.
`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  stop(1);
});
