import assert from 'node:assert/strict';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import type { PlanResponse } from '../../bot/http/api/apiTypes';
import { call } from '../api/apiSupport';
import { IDS, RoutingWorld, lastCard } from '../routing/routingWorld';
import { textOf } from '../support/botHarness';
import { TableNotificationRepository } from '../../bot/storage/tableNotificationRepository';
import { WebFormClient, referenceWith, statusTokenOf } from './webFormClient';

/**
 * The public intake page over HTTP against the real app and Azurite: a citizen's case enters the
 * same life cycle as a bot case, the secretariat's card says where it came from, and the submitter
 * follows it, answers a question and sees the outcome through the private status link.
 */
describe('Public intake page: the case life cycle', function () {
  this.timeout(60_000);
  let world: RoutingWorld;

  before(async () => {
    world = await RoutingWorld.start({
      // The committee leader uses the tab's API (local identity mode) to make a measure from a case.
      localIdentity: true,
      publicForm: {
        trustProxy: 'loopback',
        limits: { submitsPerAddressPerHour: 5, submitsPerHour: 200, draftsPerAddressPerHour: 30 },
        draftDays: 7,
      },
    });
    await world.joinAll();
  });
  after(async () => world?.stop());

  it('stores a web case like a bot case, with the web marker, and tells the secretariat', async () => {
    const web = new WebFormClient(world.bot.url, '203.0.113.10');
    const check = await web.fillAll();
    assert.match(check, /Sjå over svara før du sender/);
    const sent = await web.send();
    assert.equal(sent.status, 200);
    assert.match(sent.html, /Saka er send inn/);
    const number = /<strong>(\d{4}-\d{3})<\/strong>/.exec(sent.html)?.[1];
    assert.ok(number, 'the confirmation shows the case number');
    await world.routing.outbox.drain();

    const record = await world.caseOf(number);
    assert.equal(record.state, 'submitted');
    assert.match(record.submitter.id, /^web:[0-9a-f]{32}$/);
    assert.equal(record.submitter.name, REFERENCE_STORED.submitterName);
    assert.deepEqual(record.answers, REFERENCE_STORED);

    // The secretariat's card says it came through the web form.
    const card = JSON.stringify(lastCard(world.posted('secretariat')));
    assert.match(card, new RegExp(number));
    assert.match(card, /Innsendt via nettskjemaet/);

    // The draft cookie is gone; the draft with it.
    assert.equal(web.cookie, '');
    const again = await web.get('/skjema/sjekk');
    assert.equal(again.status, 303);
  });

  it('the status link: a question from the secretariat answered on the page, then the outcome', async () => {
    const web = new WebFormClient(world.bot.url, '203.0.113.11');
    await web.fillAll(referenceWith({ title: 'Statuslenkje-saka' }));
    const sent = await web.send();
    const token = statusTokenOf(sent.location);
    const number = /<strong>(\d{4}-\d{3})<\/strong>/.exec(sent.html)![1]!;
    await world.routing.outbox.drain();

    // The secretariat asks for more information through the real bot entry point (its card).
    const question = 'Kva kommunar gjeld det? <b>fet</b> {{x}}';
    await world.act('secretariat', 'requestInfo', { caseNumber: number, v: 1, question });
    let status = await web.get(`/skjema/status/${token}`);
    assert.match(status.html, /Sekretariatet ber om meir informasjon/);
    assert.ok(status.html.includes('Kva kommunar gjeld det? &lt;b&gt;fet&lt;/b&gt; {{x}}'));

    // An empty reply is refused in place, with the error tied to the field.
    const empty = await web.post(`/skjema/status/${token}/svar`, [
      ['reply', '  '],
      ['version', '2'],
    ]);
    assert.equal(empty.status, 400);
    assert.match(empty.html, /href="#f-reply"/);
    assert.match(empty.html, /aria-describedby="reply-error"/);

    const reply = 'Ålesund og Volda.\n<script>alert(1)</script> ${x}';
    const answered = await web.post(`/skjema/status/${token}/svar`, [
      ['reply', reply],
      ['version', '2'],
    ]);
    assert.equal(answered.status, 200);
    assert.match(answered.html, /svaret ditt er sendt/);
    assert.ok(answered.html.includes('&lt;script&gt;alert(1)&lt;/script&gt; ${x}'));
    assert.ok(!answered.html.includes('<script>'));
    await world.routing.outbox.drain();
    assert.equal(routingReply(await world.caseOf(number)), reply);
    // The one who asked hears of the reply in Teams, as with a bot case.
    assert.match(textOf(world.posted('secretariat')), /Ålesund og Volda/);

    // Routing and outcome, exactly as for a bot case.
    await world.act('secretariat', 'propose', {
      caseNumber: number,
      v: 3,
      proposeForum: 'fsu-rehabilitering',
      proposeComment: 'Høyrer til FSU rehabilitering.',
    });
    await world.act('ssuLeader', 'approve', { caseNumber: number, v: 4, approveComment: 'Einig.' });
    status = await web.get(`/skjema/status/${token}`);
    assert.match(status.html, /Fordelt til utval/);
    assert.match(status.html, /Rehabilitering/);
    assert.doesNotMatch(status.html, /Trekk saka/, 'a routed case can no longer be withdrawn');
    assert.doesNotMatch(status.html, /Høyrer til FSU rehabilitering/, 'internal notes are not shown');

    await world.act('secretariat', 'outcome', {
      caseNumber: number,
      v: 5,
      decision: 'Teke inn i handlingsplanen.',
      meetingDate: '2026-12-01',
      forumCaseNumber: 'Sak 39/22',
      minutesUrl: 'https://helse-mr.no/referat/fsu-2026-12-01.pdf',
    });
    status = await web.get(`/skjema/status/${token}`);
    assert.match(status.html, /Avgjort/);
    assert.match(status.html, /Teke inn i handlingsplanen\./);
    assert.match(status.html, /Sak 39\/22/);
    assert.match(status.html, /href="https:\/\/helse-mr\.no\/referat\/fsu-2026-12-01\.pdf"/);
    assert.equal(status.response.headers.get('referrer-policy'), 'no-referrer');

    // The committee's leader makes a measure from the case: the page shows its text, as typed, and
    // the committee; not the plan's ids.
    const plan = await call<PlanResponse>(world.bot, 'GET', '/api/committees/fsu-rehabilitering/plan', {
      local: IDS.rehabLeader,
    });
    const subGoalId = plan.body.plan.mainGoals[0]!.subGoals[0]!.id;
    const made = await call<{ item: { id: string } }>(
      world.bot,
      'POST',
      `/api/cases/${number}/measures`,
      { local: IDS.rehabLeader },
      { committeeId: 'fsu-rehabilitering', subGoalId, text: 'Felles <i>opplæring</i> {{x}}' },
    );
    assert.equal(made.status, 201, made.text);
    status = await web.get(`/skjema/status/${token}`);
    assert.match(status.html, /Tiltak i handlingsplanen som saka førte til/);
    assert.ok(status.html.includes('Felles &lt;i&gt;opplæring&lt;/i&gt; {{x}}'));
    assert.ok(status.html.includes(plan.body.committee.name));
    assert.ok(!status.html.includes(made.body.item.id), 'no measure id');

    // Nothing was queued for the web submitter's (non-existent) Teams chat, so nothing is undelivered.
    const notifications = await new TableNotificationRepository(
      world.bot.app.storage.table('notifications'),
    ).listByCase(number);
    const submitterId = (await world.caseOf(number)).submitter.id;
    assert.deepEqual(
      notifications.filter((n) => n.recipient.includes(submitterId)),
      [],
    );
    assert.deepEqual(
      notifications.filter((n) => n.status !== 'sent').map((n) => `${n.recipient} ${n.status}`),
      [],
    );
  });

  it('withdrawal through the status link, as the submitter; an unknown link shows nothing', async () => {
    const web = new WebFormClient(world.bot.url, '203.0.113.12');
    await web.fillAll(referenceWith({ title: 'Trekkjast' }));
    const token = statusTokenOf((await web.send()).location);
    const confirm = await web.get(`/skjema/status/${token}/trekk`);
    assert.match(confirm.html, /Ja, trekk saka/);
    const done = await web.post(`/skjema/status/${token}/trekk`, [
      ['comment', 'Løyst lokalt.'],
      ['version', '1'],
    ]);
    assert.match(done.html, /Saka er trekt tilbake/);
    assert.match(done.html, /Trekt tilbake/);

    const unknown = await web.get(`/skjema/status/${'A'.repeat(43)}`);
    assert.equal(unknown.status, 404);
    assert.doesNotMatch(unknown.html, /\d{4}-\d{3}/);
  });

  it('keeps what was typed on an error page, refuses identity numbers, and checks the CSRF token', async () => {
    const web = new WebFormClient(world.bot.url, '203.0.113.13');
    await web.start();
    await web.get('/skjema/side/2');
    const csrf = web.csrf();
    const bad = await web.post('/skjema/side/2', [
      ['csrf', csrf],
      ['submitterName', 'Kari <i>Nordmann</i>'],
      ['organisation', 'Pårørande, fnr 01019010046'],
      ['email', 'ikkje-epost'],
    ]);
    assert.equal(bad.status, 400);
    assert.match(bad.html, /<title>Feil: /);
    assert.match(bad.html, /href="#f-email"/);
    assert.match(bad.html, /href="#f-organisation"/);
    assert.match(bad.html, /aria-describedby="email-hint email-error"/);
    assert.ok(
      bad.html.includes('value="Kari &lt;i&gt;Nordmann&lt;/i&gt;"'),
      'the name typed is kept, escaped',
    );
    assert.ok(bad.html.includes('value="ikkje-epost"'));

    const forged = await web.post('/skjema/side/1', [['title', 'Forfalska']]);
    assert.equal(forged.status, 400);
    await web.get('/skjema/sjekk');
    assert.doesNotMatch(web.lastHtml, /Forfalska/);

    // Coming back later: the start page offers the draft where it was left (page 2: nothing on it yet).
    await web.answerPage(1, { title: 'Attende seinare' });
    const back = await web.get('/skjema');
    assert.match(back.html, /href="\/skjema\/side\/2\?lang=nn">Hald fram med utkastet ditt/);

    // In bokmål and English on request, with the right lang attribute.
    assert.match((await web.get('/skjema/side/2?lang=nb')).html, /<html lang="nb">[\s\S]*Hva heter du\?/);
    assert.match(
      (await web.get('/skjema/side/2?lang=en')).html,
      /<html lang="en">[\s\S]*What is your name\?/,
    );
  });
});

function routingReply(record: { routing?: { infoRequests: { reply?: string }[] } }): string | undefined {
  return record.routing?.infoRequests.at(-1)?.reply;
}
