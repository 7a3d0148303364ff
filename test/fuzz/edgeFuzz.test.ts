import assert from 'node:assert/strict';
import { DECISION_VERBS } from '../../bot/domain/routing/routingModel';
import { textOf } from '../support/botHarness';
import { storedRows } from '../support/storedRows';
import { RoutingWorld } from '../routing/routingWorld';

/**
 * Seeded fuzzing of the two edges: random and malformed activities on /api/messages and random
 * requests to the tab's API, all from people with no role, on loopback. The seed is fixed, so a
 * failure is the same failure on the next run; the count is bounded, so the run takes seconds.
 */
const SEED = 0x5eed_2026;
const REQUESTS = 2000;
const WORKERS = 6;

/** mulberry32: a small, well-mixed 32-bit PRNG; enough for choosing test inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  string(max = 40): string {
    const alphabet = 'abcæøå ÆØÅ019-_.:/\\<>&"\'{}[]%$#@!?\n\t\u0000\u202e\u2060😀';
    return Array.from({ length: this.int(max) }, () => this.pick([...alphabet])).join('');
  }
  /** Values of every JSON type, including the ones that break careless code. */
  value(depth = 0): unknown {
    const kinds = depth > 2 ? 7 : 11;
    switch (this.int(kinds)) {
      case 0:
        return null;
      case 1:
        return this.pick([0, -1, 1.5, 1e308, 2026, Number.MAX_SAFE_INTEGER]);
      case 2:
        return this.chance(0.5);
      case 3:
        return this.string();
      case 4:
        return '';
      case 5:
        return this.pick([
          '2026-001',
          '2026-1',
          '2026-000001',
          '1',
          'refresh',
          'Action.Execute',
          'x'.repeat(5000),
        ]);
      case 6:
        return { toString: 'x', valueOf: 1 };
      case 7:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 8:
        return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
      default: {
        const out: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i--)
          out[this.pick(['type', 'id', 'text', 'value', 'action', 'data', this.string(8)])] = this.value(
            depth + 1,
          );
        return out;
      }
    }
  }
}

/** What no answer may carry: stack frames, error names and texts, file paths. */
const INTERNALS =
  /\n\s*at \S|\bat \S+ \(|\w*Error:|Cannot read|Cannot convert|TypeError|ReferenceError|is not a function|\/work\/|node_modules|\.[jt]s:\d+/;

interface Sent {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function activityRequest(
  r: Random,
  person: { id: string; aad: string },
  serviceUrl: string,
  caseNumber: string,
): Sent {
  const activity: Record<string, unknown> = {
    id: `fuzz-${r.int(1e9)}`,
    channelId: 'msteams',
    serviceUrl,
    locale: r.pick(['nn-NO', 'nb-NO', 'en-US', 'de-DE']),
    from: { id: person.id, name: r.pick(['Fuzz', '', 'Ø']), aadObjectId: person.aad },
    recipient: { id: '28:bot', name: 'Helsefellesskap' },
    conversation: {
      id: `a:fuzz-${person.id}`,
      conversationType: r.chance(0.85) ? 'personal' : r.pick(['groupChat', 'channel']),
    },
    channelData: { tenant: { id: 'tenant-1' } },
  };
  const kind = r.int(20);
  if (kind < 8) {
    activity.type = 'message';
    activity.text = r.chance(0.6)
      ? r.pick([
          'ny sak',
          'hjelp',
          'status',
          'avbryt',
          'tilbake',
          'hopp over',
          'English',
          'nynorsk',
          'send inn',
          'ja',
          'varsel',
          'roller',
          'grunngjeving',
          r.string(200),
        ])
      : r.value();
    if (r.chance(0.3))
      activity.value = r.chance(0.5)
        ? {
            intake: r.pick(['command', 'answer', 'edit', 'x']),
            command: r.value(),
            field: r.value(),
            value: r.value(),
          }
        : r.value();
    if (r.chance(0.2))
      activity.entities = r.chance(0.5)
        ? [{ type: 'mention', mentioned: r.value(), text: r.value() }]
        : r.value();
    if (r.chance(0.2))
      activity.attachments = r.chance(0.5)
        ? [{ contentType: r.pick(['text/html', 'image/png', 7]), content: r.value() }]
        : r.value();
  } else if (kind < 14) {
    activity.type = 'invoke';
    activity.name = r.chance(0.7)
      ? 'adaptiveCard/action'
      : r.pick([
          'application/search',
          'composeExtension/query',
          'task/fetch',
          'signin/verifyState',
          r.string(20),
          r.value(),
        ]);
    const data: Record<string, unknown> = { caseNumber: r.chance(0.7) ? caseNumber : r.value() };
    for (let i = r.int(4); i > 0; i--)
      data[
        r.pick([
          'v',
          'forum',
          'comment',
          'justification',
          'proposeForum',
          'returnStandard',
          'form',
          r.string(6),
        ])
      ] = r.value();
    activity.value = r.chance(0.7)
      ? {
          action: {
            type: r.chance(0.8) ? 'Action.Execute' : r.value(),
            verb: r.chance(0.8) ? r.pick([...DECISION_VERBS, 'refresh', 'useJustification']) : r.value(),
            data: r.chance(0.9) ? data : r.value(),
          },
          trigger: r.pick(['manual', 'automatic', undefined, 7]),
        }
      : r.value();
  } else if (kind < 17) {
    activity.type = 'conversationUpdate';
    activity.membersAdded = r.chance(0.5) ? [{ id: '28:bot' }, { id: person.id, name: 'Fuzz' }] : r.value();
  } else {
    activity.type = r.pick([
      'typing',
      'event',
      'messageReaction',
      'installationUpdate',
      'messageUpdate',
      'endOfConversation',
      r.string(10),
      r.value(),
    ]);
    activity.value = r.value();
  }
  // Now and then the envelope itself is broken (never pointing the bot at anything but loopback).
  if (r.chance(0.15)) {
    const field = r.pick(['conversation', 'from', 'recipient', 'serviceUrl', 'channelId', 'type', 'id']);
    activity[field] =
      field === 'serviceUrl' ? r.pick(['javascript:alert(1)', 'ftp://x', '', 7, {}]) : r.value();
  }
  if (r.chance(0.05)) delete activity[r.pick(Object.keys(activity))];
  const raw = r.int(40);
  const body =
    raw === 0 ? '{"type": "message",' : raw === 1 ? JSON.stringify([activity]) : JSON.stringify(activity);
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': raw === 2 ? 'text/plain' : 'application/json' },
    body,
  };
}

function apiRequest(r: Random, caseNumber: string): Sent {
  const committee = r.pick([
    'fsu-ikt',
    'ssu',
    'no-such',
    '..',
    '%2e%2e',
    r.string(6).replace(/[^a-z0-9-]/g, ''),
  ]);
  const path = r.pick([
    '/api/me',
    '/api/committees',
    `/api/committees/${committee}/plan`,
    `/api/committees/${committee}/measures/fsu-ikt.g1.s1.m1/status`,
    `/api/committees/${committee}/items/fsu-ikt.g1/history`,
    `/api/committees/${committee}/goals`,
    `/api/committees/${committee}/items/fsu-ikt.g1`,
    `/api/committees/${committee}/items/fsu-ikt.g1/retire`,
    '/api/cases',
    `/api/cases/${caseNumber}`,
    `/api/cases/${caseNumber}/links`,
    `/api/cases/${caseNumber}/links/${committee}/fsu-ikt.g1.s1.m1`,
    `/api/cases/${caseNumber}/measures`,
    '/api/annual-report',
    '/api/export/annual-report.csv',
    `/api/cases/${r.pick(['2026-1', '2026-000001', '-1', '%00', 'x'.repeat(300)])}`,
    '/api/stats',
    '/api/export/cases.csv',
    `/api/export/committees/${committee}/plan.csv`,
    '/api/local/people',
    `/api/${r.string(10).replace(/[^a-z0-9]/g, '')}`,
  ]);
  const query = r.chance(0.3)
    ? `?year=${r.pick(['2026', '1999', 'abc', '', '20260'])}&lang=${r.pick(['nn', 'en', 'xx'])}`
    : '';
  const method = r.pick(['GET', 'GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
  const headers: Record<string, string> = {};
  const who = r.int(4);
  if (who === 1) headers['x-local-identity'] = `oid-fuzz-${r.int(5)}`;
  if (who === 2) headers['x-local-identity'] = r.string(30).replace(/[^\x20-\x7e]/g, '') || 'x y';
  if (who === 3)
    headers.authorization = r.pick([
      'Bearer x.y.z',
      'Bearer',
      'Basic abc',
      `Bearer ${r.string(30).replace(/[^\x21-\x7e]/g, '')}`,
    ]);
  if (r.chance(0.2)) headers['x-local-name'] = encodeURIComponent(r.string(20));
  if (r.chance(0.1)) headers[r.pick(['x-forwarded-for', 'forwarded', 'x-real-ip'])] = '203.0.113.9';
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD' && r.chance(0.8)) {
    headers['content-type'] = r.chance(0.9) ? 'application/json' : 'text/plain';
    body = r.chance(0.1)
      ? '{"status": '
      : JSON.stringify(
          r.chance(0.5)
            ? { year: r.value(), status: r.value(), title: r.value(), comment: r.value(), version: r.value() }
            : r.value(),
        );
  }
  return { method, path: path + query, headers, ...(body !== undefined ? { body } : {}) };
}

describe('fuzzing the edges (seeded): random activities and tab API requests', () => {
  let world: RoutingWorld;
  before(async function () {
    this.timeout(120_000);
    world = await RoutingWorld.start({ localIdentity: true });
    await world.joinAll();
  });
  after(async () => {
    await world.stop();
  });

  it(`${REQUESTS} requests from people with no role: no 5xx, no internals, the server alive, no case changed, a fresh intake completes`, async function () {
    this.timeout(180_000);
    const app = world.bot.app;
    const caseNumber = await world.submit();
    const protectedTables = ['cases', 'roles', 'plans', 'justifications'] as const;
    const before = await storedRows(app, protectedTables);
    const sentBefore = world.channel.sent.length;

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let done = 0;
    const worker = async (w: number) => {
      const r = new Random(prng(SEED + w));
      const people = Array.from({ length: 4 }, (_, i) => ({
        id: `29:fuzz-${w}-${i}`,
        aad: `aad-fuzz-${w}-${i}`,
      }));
      for (let i = w; i < REQUESTS; i += WORKERS) {
        const request = r.chance(0.55)
          ? activityRequest(r, r.pick(people), world.channel.url, caseNumber)
          : apiRequest(r, caseNumber);
        const response = await fetch(`${world.bot.url}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500 || INTERNALS.test(text)) {
          failures.push(
            `${request.method} ${request.path} → ${response.status} ${text.slice(0, 300)}\n  sent: ${(request.body ?? '').slice(0, 300)}`,
          );
        }
        if (++done % 500 === 0) {
          const health = await fetch(`${world.bot.url}/healthz`);
          if (health.status !== 200)
            failures.push(`/healthz answered ${health.status} after ${done} requests`);
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} bad answers`);
    assert.equal(done, REQUESTS);
    assert.equal((await fetch(`${world.bot.url}/healthz`)).status, 200, 'the server is alive');
    // Both edges were exercised: turns ran, refusals were given, the API answered.
    for (const status of [200, 400, 401, 403, 404])
      assert.ok(statuses.get(status), `some ${status}: ${JSON.stringify([...statuses])}`);

    await world.routing.outbox.drain();
    assert.deepEqual(
      await storedRows(app, protectedTables),
      before,
      'no case, role, plan or justification changed',
    );
    const replies = world.channel.sent.slice(sentBefore).map((s) => s.activity);
    assert.doesNotMatch(
      textOf(replies),
      /Noko gjekk gale|Something went wrong|Noe gikk galt/,
      'no turn threw',
    );
    assert.doesNotMatch(JSON.stringify(replies), INTERNALS, 'no internals in anything the bot sent');

    const fresh = await world.submit(world.users.outsider, 'Ei ny sak etter fuzzinga');
    assert.notEqual(fresh, caseNumber);
    assert.equal((await world.caseOf(fresh)).answers.title, 'Ei ny sak etter fuzzinga');
  });
});
