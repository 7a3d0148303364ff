import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { freePort } from './azurite';

/** What a process needs to share one storage with its siblings: Azurite and the tables' prefix. */
export interface SharedStorage {
  connectionString: string;
  tablePrefix: string;
}

const STARTUP_LOG_LIMIT = 20_000;

/**
 * The real server (bot/index.ts) as a child process on a loopback port, the way App Service runs an
 * instance: it can be killed with SIGKILL mid-turn and started again on the same port.
 */
export class BotProcess {
  private child: ChildProcessWithoutNullStreams | undefined;
  /** The start of the process's log (JSON lines), for a failure message. */
  output = '';

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(storage: SharedStorage, env: Record<string, string> = {}): Promise<BotProcess> {
    const instance = new BotProcess(await freePort(), {
      STORAGE_CONNECTION_STRING: storage.connectionString,
      TABLE_PREFIX: storage.tablePrefix,
      JOBS_INTERVAL_SECONDS: '0',
      ...env,
    });
    await instance.restart();
    return instance;
  }

  /** Starts the process (again) and resolves once it listens. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('the process is still running');
    const root = path.join(__dirname, '..', '..');
    const { MicrosoftAppId: _id, MicrosoftAppPassword: _password, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join('bot', 'index.ts')], {
      cwd: root,
      env: { ...inherited, ...this.env, PORT: String(this.port) },
    });
    this.child = child;
    this.output = '';
    const keep = (chunk: Buffer) => {
      if (this.output.length < STARTUP_LOG_LIMIT) this.output += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await new Promise<void>((resolve, reject) => {
      const onData = () => {
        if (this.output.includes('"event":"server.started"')) {
          child.stdout.off('data', onData);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited (${code}) before it started: ${this.output}`)));
    });
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Kills the process (SIGKILL by default: no turn finishes) and resolves once it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** POSTs an activity to this instance's /api/messages (no retry). */
  post(body: unknown): Promise<{ status: number; body: string }> {
    return postActivity(this.url, body);
  }
}

/** POSTs raw JSON to `<base>/api/messages`; a network failure becomes status 0. */
export async function postActivity(base: string, body: unknown): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
}

/**
 * Several instances of the server on one storage, as behind a load balancer, started at once (as
 * App Service starts them: table creation and the plans' seeding tolerate each other).
 */
export function startBotInstances(
  count: number,
  storage: SharedStorage,
  env: Record<string, string> = {},
): Promise<BotProcess[]> {
  return Promise.all(Array.from({ length: count }, () => BotProcess.start(storage, env)));
}
