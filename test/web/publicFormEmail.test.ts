import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from '../../bot/app';
import { silentLogger } from '../../bot/logger';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { WebFormClient, referenceWith, statusTokenOf } from './webFormClient';

const SECRETARIAT = { id: '00000000-0000-4000-8000-00000000b201', name: 'Bodil Våge' };

interface Received {
  path: string;
  query: Record<string, unknown>;
  authorization?: string;
  body: {
    senderAddress: string;
    recipients: { to: { address: string }[] };
    content: { subject: string; plainText: string };
  };
}

/** A stand-in for the Azure Communication Services Email endpoint on loopback: it keeps what it gets. */
async function startAcsStandIn(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const app = express();
  app.post('/emails:send', express.json(), (req, res) => {
    received.push({
      path: req.path,
      query: req.query,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body: req.body as Received['body'],
    });
    res.status(202).json({ id: `op-${received.length}`, status: 'Running' });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe('Public intake page: e-mail through Azure Communication Services', function () {
  this.timeout(60_000);
  let acs: Awaited<ReturnType<typeof startAcsStandIn>>;
  let bot: RunningBot;

  before(async () => {
    acs = await startAcsStandIn();
    const base = testConfig();
    const app = await createApp(
      {
        ...base,
        bootstrapRoles: { ...base.bootstrapRoles, secretariatLeaders: [SECRETARIAT.id] },
        routing: { ...base.routing, jobsIntervalSeconds: 0 },
        publicForm: {
          trustProxy: false,
          limits: { submitsPerAddressPerHour: 5, submitsPerHour: 200, draftsPerAddressPerHour: 30 },
          draftDays: 7,
          publicUrl: 'https://skjema.helsefellesskap.example',
          email: { endpoint: acs.url, sender: 'DoNotReply@helsefellesskap.example' },
        },
      },
      {
        log: silentLogger,
        emailCredential: {
          getToken: () => Promise.resolve({ token: 'test-token', expiresOnTimestamp: Date.now() + 3.6e6 }),
        },
      },
    );
    bot = new RunningBot(app, await app.listen(0, '127.0.0.1'));
  });
  after(async () => {
    await bot?.stop();
    acs?.server.close();
  });

  it('sends the receipt with the status link, then each step the submitter hears of', async () => {
    const web = new WebFormClient(bot.url);
    await web.fillAll(referenceWith({ title: 'Med e-post <b>&</b>' }));
    const sent = await web.send();
    const token = statusTokenOf(sent.location);
    const number = /<strong>(\d{4}-\d{3})<\/strong>/.exec(sent.html)![1]!;

    assert.equal(acs.received.length, 1);
    const receipt = acs.received[0]!;
    assert.equal(receipt.query['api-version'], '2023-03-31');
    assert.equal(receipt.authorization, 'Bearer test-token');
    assert.equal(receipt.body.senderAddress, 'DoNotReply@helsefellesskap.example');
    assert.deepEqual(receipt.body.recipients.to, [{ address: REFERENCE_STORED.email }]);
    assert.match(receipt.body.content.subject, new RegExp(`Sak ${number} .*motteken`));
    assert.ok(
      receipt.body.content.plainText.includes(
        `https://skjema.helsefellesskap.example/skjema/status/${token}`,
      ),
    );
    assert.ok(receipt.body.content.plainText.includes('«Med e-post <b>&</b>»'), 'plain text, verbatim');

    const caseService = bot.app.services.routing.caseService;
    await caseService.decide({
      caseNumber: number,
      cardVersion: (await bot.app.services.cases.get(number))!.historyCount,
      actor: SECRETARIAT,
      verb: 'requestInfo',
      input: { question: 'Kva kommunar gjeld det?' },
    });
    assert.equal(acs.received.length, 2);
    assert.match(acs.received[1]!.body.content.subject, /spørsmål til deg/);
    assert.match(acs.received[1]!.body.content.plainText, /Kva kommunar gjeld det\?/);
    assert.doesNotMatch(acs.received[1]!.body.content.plainText, new RegExp(token), 'the link is not kept');

    await caseService.decide({
      caseNumber: number,
      cardVersion: (await bot.app.services.cases.get(number))!.historyCount,
      actor: SECRETARIAT,
      verb: 'return',
      input: { justification: 'Saka høyrer ikkje til i helsefellesskapet.' },
    });
    assert.equal(acs.received.length, 3);
    assert.match(acs.received[2]!.body.content.subject, /returnert/);
    assert.match(acs.received[2]!.body.content.plainText, /Saka høyrer ikkje til i helsefellesskapet\./);
  });
});
