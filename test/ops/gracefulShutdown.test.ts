import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { TestChannel, TestUser, type RunningBot } from '../support/botHarness';
import { freePort } from '../support/azurite';
import { testStorage, uniquePrefix } from '../support/globalAzurite';

/** Resolves when the child's output has a line with this event. */
function waitForLog(child: ChildProcessWithoutNullStreams, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(`"event":"${event}"`)) resolve();
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${event}: ${seen}`)));
  });
}

describe('the server process (bot/index.ts) on SIGTERM', () => {
  let channel: TestChannel;
  let child: ChildProcessWithoutNullStreams | undefined;

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await channel.stop();
  });

  it('stops taking requests, finishes the turn in flight, and exits 0', async () => {
    const port = await freePort();
    const storage = testStorage();
    if (storage.kind !== 'connectionString') throw new Error('tests run on Azurite');
    child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join('bot', 'index.ts')], {
      env: {
        ...process.env,
        PORT: String(port),
        STORAGE_CONNECTION_STRING: storage.connectionString,
        TABLE_PREFIX: uniquePrefix(),
        JOBS_INTERVAL_SECONDS: '0',
      },
    });
    await waitForLog(child, 'server.started');
    const url = `http://127.0.0.1:${port}`;
    const bot = {
      post: (body: unknown) =>
        fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
    };
    const user = new TestUser(channel, bot as unknown as RunningBot, {
      id: '29:s',
      aadObjectId: 'aad-s',
      name: 'S',
    });

    // A turn in flight: the bot's reply is held by the channel until we let it go.
    let release!: () => void;
    channel.hold = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (channel.onArrival = resolve));
    const inFlight = bot.post(user.activity({ type: 'message', text: 'hjelp' }));
    await arrived;

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const stopping = waitForLog(child, 'server.stopping');
    child.kill('SIGTERM');
    await stopping;
    await assert.rejects(fetch(`${url}/healthz`), 'a new connection is refused while stopping');
    // Give a process that would quit too early the chance to do so (a bound, not a measurement).
    const early = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
    ]);
    assert.equal(early, false, 'the process waits for the turn in flight');

    release();
    const response = await inFlight;
    assert.equal(response.status, 200, 'the turn in flight finished');
    assert.match(JSON.stringify(channel.sent.map((s) => s.activity)), /«ny sak»/, 'its reply was delivered');
    assert.equal(await exited, 0);
  });
});
