import assert from 'node:assert/strict';
import type { AppConfig } from '../../bot/config';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { casesIn } from '../support/storedCases';
import { WebFormClient, referenceWith } from './webFormClient';

/**
 * Abuse limits of the public intake page: counted in Table Storage, so two app instances on the same
 * tables share them; a refused submission keeps its draft; the honeypot and the body limit.
 */
describe('Public intake page: limits', function () {
  this.timeout(120_000);
  let config: AppConfig;
  let one: RunningBot;
  let two: RunningBot;

  before(async () => {
    config = testConfig({
      publicForm: {
        trustProxy: 'loopback',
        limits: { submitsPerAddressPerHour: 2, submitsPerHour: 4, draftsPerAddressPerHour: 4 },
        draftDays: 7,
      },
    });
    config.routing = { ...config.routing, jobsIntervalSeconds: 0 };
    // Two instances of the app on the same tables, as behind a load balancer.
    one = await RunningBot.start(config);
    two = await RunningBot.start(config);
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
  });

  const cases = async () => (await casesIn(one.app.services.cases, 'submitted')).length;

  it('refuses submissions past the limit per address and overall, keeping the draft', async () => {
    const a = [1, 2, 3].map((i) => new WebFormClient(i % 2 ? one.url : two.url, '198.51.100.1'));
    for (const [i, client] of a.entries())
      await client.fillAll(referenceWith({ title: `Frå A nr. ${i + 1}` }));
    assert.equal((await a[0]!.send()).status, 200);
    assert.equal((await a[1]!.send()).status, 200);

    const refused = await a[2]!.send();
    assert.equal(refused.status, 429);
    assert.match(refused.html, /<html lang="nn">/);
    assert.match(refused.html, /For mange innsendingar/);
    assert.match(refused.html, /svara dine er tekne vare på/);
    // Nothing is lost: the draft is still there with every answer, and can be sent later.
    const kept = await a[2]!.get('/skjema/sjekk');
    assert.equal(kept.status, 200);
    assert.match(kept.html, /Frå A nr\. 3/);
    assert.equal(await cases(), 2);

    // A burst from many addresses at once, on both instances: only the overall limit (4) gets through.
    const burst = Array.from(
      { length: 8 },
      (_, i) => new WebFormClient(i % 2 ? one.url : two.url, `192.0.2.${i + 1}`),
    );
    for (const [i, client] of burst.entries()) await client.fillAll(referenceWith({ title: `Straum ${i}` }));
    const results = await Promise.all(burst.map((client) => client.send()));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 429, 429, 429, 429, 429, 429]);
    assert.equal(await cases(), 4);
    for (const [i, client] of burst.entries()) {
      if (results[i]!.status !== 429) continue;
      assert.match((await client.get('/skjema/sjekk')).html, new RegExp(`Straum ${i}`));
    }
  });

  it('limits new drafts per address, in the language of the page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const client = new WebFormClient(one.url, '198.51.100.77');
      const response = await client.post('/skjema/start?lang=en', [['lang', 'en']]);
      statuses.push(response.status);
      if (response.status === 429) assert.match(response.html, /<html lang="en">[\s\S]*Too many forms/);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
  });

  it('refuses a filled honeypot and an oversized body without touching the draft', async () => {
    const client = new WebFormClient(one.url, '198.51.100.99');
    await client.fillAll(referenceWith({ title: 'Honningkrukke' }));
    const before = await cases();
    await client.get('/skjema/sjekk');
    const bot = await client.post('/skjema/send', [
      ['csrf', client.csrf()],
      ['website', 'https://spam.example'],
    ]);
    assert.equal(bot.status, 400);
    assert.equal(await cases(), before);

    await client.get('/skjema/side/4');
    const huge = await client.post('/skjema/side/4', [
      ['csrf', client.csrf()],
      ['background', 'x'.repeat(200_000)],
      ['urgency', 'high'],
    ]);
    assert.equal(huge.status, 413);
    assert.match(huge.html, /Teksten er for lang/);
    assert.doesNotMatch(huge.html, /PayloadTooLarge|node_modules|stack/i);
    const kept = await client.get('/skjema/side/4');
    assert.match(kept.html, /I møte for Faglig samarbeidsutvalg for rehabilitering/);
  });
});
