import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { azuriteConnectionString, type StorageConfig } from '../../bot/config';

/** A free TCP port on loopback (asked of the OS, then released for Azurite to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningAzurite {
  port: number;
  storage: StorageConfig;
  stop(): Promise<void>;
}

/** Starts Azurite's table service in memory on a free loopback port, with telemetry off. */
export async function startAzurite(): Promise<RunningAzurite> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const bin = path.join(
      path.dirname(require.resolve('azurite/package.json')),
      'dist',
      'src',
      'table',
      'main.js',
    );
    const child = spawn(
      process.execPath,
      [
        bin,
        '--inMemoryPersistence',
        '--disableTelemetry',
        '--silent',
        '--skipApiVersionCheck',
        '--tableHost',
        '127.0.0.1',
        '--tablePort',
        String(port),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await waitForListening(child);
      return {
        port,
        storage: { kind: 'connectionString', connectionString: azuriteConnectionString('127.0.0.1', port) },
        stop: () => stopChild(child),
      };
    } catch (error) {
      await stopChild(child);
      if (attempt >= 3) throw error; // the port was taken between asking and starting
    }
  }
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully (listening|started)/i.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Azurite exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`Azurite did not start: ${output}`)), 20_000).unref();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
