import { createApp } from '../bot/app';
import { TestChannel, TestUser, RunningBot } from './support/botHarness';
import { testConfig } from './support/globalAzurite';

describe('probe', () => {
  it('probes', async () => {
    const channel = new TestChannel();
    await channel.start();
    const errors: unknown[] = [];
    const log = { info: () => {}, warn: (e: string, f?: unknown) => errors.push(['warn', e, f]), error: (e: string, f?: unknown) => errors.push(['error', e, f]) };
    const app = await createApp(testConfig(), { log });
    const server = await app.listen(0, '127.0.0.1');
    const bot = new RunningBot(app, server);
    const u = new TestUser(channel, bot, { id: '29:p', aadObjectId: 'aad-p', name: 'P' });
    const cases: [string, Record<string, unknown>][] = [
      ['from.name empty ny sak', { type: 'message', text: 'ny sak', from: { id: '29:q', name: '', aadObjectId: 'aad-q' } }],
      ['from.name empty answer', { type: 'message', text: 'Tittel her', from: { id: '29:q', name: '', aadObjectId: 'aad-q' } }],
      ['from.name empty answer2', { type: 'message', text: 'ja', from: { id: '29:q', name: '', aadObjectId: 'aad-q' } }],
      ['join empty', { type: 'conversationUpdate', from: { id: '29:r', name: '' }, membersAdded: [{ id: '28:bot' }, { id: '29:r', name: '' }] }],
      ['mention no at', { type: 'message', text: 'hjelp', entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: 'x' }] }],
      ['mention no text', { type: 'message', entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>x</at>' }] }],
    ];
    for (const [name, extra] of cases) {
      errors.length = 0;
      const before = channel.sent.length;
      const r = await bot.post(u.activity(extra as never));
      console.log(name, r.status, r.body.slice(0, 200), JSON.stringify(errors).slice(0, 400), channel.sent.slice(before).map(s => JSON.stringify(s.activity).slice(0, 100)));
    }
    await bot.stop(); await channel.stop();
  });
});
