import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type App } from '../../bot/app';
import type { LogFields, Logger } from '../../bot/logger';
import { testConfig } from '../support/globalAzurite';
import { call } from './apiSupport';

interface Line {
  level: string;
  event: string;
  fields: LogFields;
}

/** A logger that keeps what it is given, to read back the request log. */
function capturingLogger(lines: Line[]): Logger {
  const at =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      void lines.push({ level, event, fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('HTTP server: the front page and the request log', () => {
  const lines: Line[] = [];
  let app: App;
  let server: Server;
  let url: string;

  before(async () => {
    app = await createApp(testConfig({ localIdentity: true }), { log: capturingLogger(lines) });
    server = await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await app.services.routing.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GET / says what runs here, in nynorsk first, and links to the tab', async () => {
    const response = await fetch(`${url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.match(html, /<html lang="nn">/);
    assert.match(html, /Her køyrer Teams-appen/);
    assert.match(html, /href="\/tab\/index.html#\/overview"/);
  });

  it('logs each request once, at debug level, with the full path and without the query string', async () => {
    lines.length = 0;
    const bot = { url } as Parameters<typeof call>[0];
    const me = await call(bot, 'GET', '/api/me?search=Runa%20Bakke', { local: 'aad-log', name: 'Lo Gg' });
    assert.equal(me.status, 200);
    const requests = lines.filter((l) => l.event === 'http.request');
    assert.equal(requests.length, 1, JSON.stringify(lines));
    const [line] = requests;
    assert.equal(line!.level, 'debug');
    assert.equal(line!.fields.path, '/api/me');
    assert.equal(line!.fields.status, 200);
    assert.ok(!JSON.stringify(lines).includes('Runa'), 'no query text in the log');
  });
});
