import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import type { AppConfig } from '../../bot/config';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import {
  RunningBot,
  TestChannel,
  TestUser,
  cardOf,
  command,
  submitData,
  textOf,
} from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { casesOf } from '../support/storedCases';
import { TURN_TABLES, storedRows } from '../support/storedRows';

/** A fødselsnummer with valid check digits (synthetic: 01.01.1990, individual number 100). */
const FNR = '01019010046';

/** Answers the form up to (not including) `stopAt`, with the reference case's answers. */
async function answerUntil(user: TestUser, stopAt?: string): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const field of FORM_FIELDS) {
    if (field.id === stopAt) break;
    replies = await user.say(REFERENCE_CASE[field.id]);
  }
  return replies;
}

describe('intake conversation through /api/messages', () => {
  let channel: TestChannel;
  let config: AppConfig;
  let bot: RunningBot;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    config = testConfig();
    bot = await RunningBot.start(config);
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  it('refuses an empty required answer, a bad e-mail, a fødselsnummer and an over-long answer, each time re-asking and keeping earlier answers', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    let replies = await user.send({ type: 'message', text: '   ' });
    assert.match(textOf(replies), /Dette spørsmålet må du svare på/);
    assert.match(textOf(replies), /Spørsmål 1 av 12/);

    await user.say('Tittel');
    await user.say('Runa Bakke');
    await user.say('Ørsta kommune');
    replies = await user.say('runa.bakke(at)orsta');
    assert.match(textOf(replies), /Det ser ikkje ut som ei e-postadresse/);
    assert.match(textOf(replies), /Kva e-postadresse/);

    replies = await user.say(`Pasienten ${FNR} fekk ikkje hjelp`);
    assert.match(textOf(replies), /fødselsnummer eller D-nummer/);
    assert.match(textOf(replies), /Kva e-postadresse/, 'still the e-mail question');
    await user.say('runa@orsta.kommune.no');
    await user.say('hopp over'); // phone
    await user.say('hopp over'); // internal ref
    replies = await user.say(`Gjeld pasient ${FNR.slice(0, 6)} ${FNR.slice(6)}.`);
    assert.match(textOf(replies), /fødselsnummer eller D-nummer/);
    assert.match(textOf(replies), /Spørsmål 4 av 12/);

    assert.match(textOf(replies), /Inntil 4000 teikn/, 'the limit is said with the question');
    replies = await user.say('x'.repeat(4001));
    assert.match(textOf(replies), /for langt: 4001 teikn, og grensa er 4000/);
    replies = await user.say('Bakgrunn\n\nmed avsnitt');
    assert.match(textOf(replies), /Kor mykje hastar saka/);

    // Nothing typed before was lost: the summary after the rest shows all of it.
    replies = await user.say('tilbake');
    replies = await user.say('tilbake');
    assert.match(textOf(replies), /Har saka eit internt saksnummer/);
  });

  it('changes an answer from the summary and returns to the summary, then submits', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    let replies = await answerUntil(user);
    assert.match(textOf(replies), /Sjå over svara dine/);
    const summary = JSON.stringify(cardOf(replies));
    assert.ok(summary.includes('"intake":"edit","field":"whatFails"'), 'each answer has a change button');

    replies = await user.press(replies, (d) => d.intake === 'edit' && d.field === 'whatFails');
    assert.match(textOf(replies), /Kan du sette fingeren/);
    replies = await user.say('Ny forklaring på kva som sviktar');
    assert.match(textOf(replies), /Sjå over svara dine/, 'back to the summary, not to the next question');
    assert.ok(textOf(replies).includes('Ny forklaring på kva som sviktar'));

    await user.press(replies, command('submit'));
    const [stored] = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(stored?.answers.whatFails, 'Ny forklaring på kva som sviktar');
    assert.equal(stored?.answers.background, REFERENCE_CASE.background);
  });

  it('choices work as card buttons and as typed text', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    let replies = await answerUntil(user, 'urgency');
    const card = JSON.stringify(cardOf(replies));
    assert.ok(card.includes('"value":"high"'), 'urgency options are buttons');
    replies = await user.press(replies, (d) => d.value === 'high', { value: 'forged' });
    assert.match(textOf(replies), /kjende ikkje att det valet/);
    replies = await user.press(replies, (d) => d.value === 'high');
    assert.match(textOf(replies), /Kan du sette fingeren/);
    await user.say('Svikt');
    replies = await user.say('Eldre');
    replies = await user.press(replies, (d) => d.field === 'priorityGroups', {
      value: 'frail_elderly,multiple_chronic',
    });
    assert.match(textOf(replies), /tenesteleverandørar/);
    replies = await user.say('tilbake');
    assert.ok(
      JSON.stringify(cardOf(replies)).includes('"value":"frail_elderly,multiple_chronic"'),
      'earlier choice preselected',
    );
  });

  it('cancel discards the draft and stores nothing', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await user.say('Tittel');
    let replies = await user.say('avbryt');
    assert.match(textOf(replies), /Vil du forkaste utkastet med 1 svar/);
    replies = await user.press(replies, command('discard'));
    assert.match(textOf(replies), /Utkastet er forkasta/);
    replies = await user.say('avbryt');
    assert.match(textOf(replies), /ikkje noko utkast/);
    assert.deepEqual(await casesOf(bot.app.services.cases, 'aad-runa'), []);
  });

  it('a restarted server carries on the draft where it was', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await answerUntil(user, 'background');
    await bot.stop();
    bot = await RunningBot.start(config);
    user.bot = bot;
    const replies = await user.say(REFERENCE_CASE.background);
    assert.match(textOf(replies), /Kor mykje hastar saka/);
    for (const field of FORM_FIELDS.slice(FORM_FIELDS.findIndex((f) => f.id === 'urgency'))) {
      await user.say(REFERENCE_CASE[field.id]);
    }
    await user.say('send inn');
    const [stored] = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(stored?.answers.title, REFERENCE_CASE.title);
    assert.equal(stored?.answers.background, REFERENCE_CASE.background);
  });

  it('two server instances on one storage take alternating turns of one conversation', async () => {
    const second = await RunningBot.start(config);
    try {
      const user = new TestUser(channel, bot, runa);
      await user.say('ny sak');
      const instances = [bot, second];
      let turn = 0;
      for (const field of FORM_FIELDS) {
        user.bot = instances[turn++ % 2]!;
        await user.say(REFERENCE_CASE[field.id]);
      }
      user.bot = instances[turn % 2]!;
      const replies = await user.say('send inn');
      assert.match(textOf(replies), /Saka er motteken/);
      const [stored] = await casesOf(second.app.services.cases, 'aad-runa');
      assert.equal(stored?.answers.references, REFERENCE_CASE.references);
    } finally {
      await second.stop();
    }
  });

  it('after a long silence the bot offers to continue or discard instead of taking the message as an answer', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    await bot.stop();
    bot = await RunningBot.start(config, () => now);
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await user.say('Tittel');
    now = new Date('2026-11-26T09:00:00Z');
    let replies = await user.say('hei');
    assert.match(textOf(replies), /uferdig utkast frå 23\.11\.2026, på spørsmål 2 av 12/);
    replies = await user.press(replies, command('continue'));
    assert.match(textOf(replies), /Kva heiter du/);
    replies = await user.say('Runa Bakke');
    assert.match(textOf(replies), /Kva organisasjon/);
  });

  it('concurrent submissions get distinct, gap-free numbers', async () => {
    const people = Array.from(
      { length: 6 },
      (_, i) => new TestUser(channel, bot, { id: `29:p${i}`, aadObjectId: `aad-p${i}`, name: `P ${i}` }),
    );
    const summaries: Partial<Activity>[][] = [];
    for (const person of people) {
      await person.say('ny sak');
      summaries.push(await answerUntil(person));
    }
    await Promise.all(people.map((p, i) => p.press(summaries[i]!, command('submit'))));
    const numbers = (
      await Promise.all(people.map((p) => casesOf(bot.app.services.cases, p.identity.aadObjectId)))
    )
      .flat()
      .map((c) => c.seq)
      .sort((a, b) => a - b);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
  });

  it('a double-clicked submit stores one case', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    const summary = await answerUntil(user);
    const submit = submitData(summary, command('submit'));
    await Promise.all([user.click(submit), user.click(submit)]);
    assert.equal((await casesOf(bot.app.services.cases, 'aad-runa')).length, 1);
  });

  it('speaks bokmål for nb-NO, switches language on a word and remembers it', async () => {
    const user = new TestUser(channel, bot, { ...runa, locale: 'nb-NO' });
    let replies = await user.say('ny sak');
    assert.match(textOf(replies), /Hva vil du kalle saken/);
    replies = await user.say('English');
    assert.match(textOf(replies), /in English from now on/);
    assert.match(textOf(replies), /What would you call the case/, 'the question again, in English');
    replies = await user.say('nynorsk');
    replies = await user.say('status');
    assert.match(textOf(replies), /ikkje meldt inn nokon saker/);
  });

  it('prefills name and e-mail from Teams and lets the person confirm', async () => {
    channel.members.set('29:runa', {
      id: '29:runa',
      name: 'Runa Bakke',
      email: 'runa.bakke@orsta.kommune.no',
    });
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    let replies = await user.say('Tittel');
    assert.match(textOf(replies), /Runa Bakke/);
    replies = await user.press(replies, command('yes'));
    await user.say('Ørsta kommune');
    replies = await user.say('ja');
    assert.match(textOf(replies), /telefonnummer/);
    await answerUntilEnd(user);
    const [stored] = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(stored?.answers.email, 'runa.bakke@orsta.kommune.no');
    assert.equal(stored?.submitter.email, 'runa.bakke@orsta.kommune.no');
  });

  it('keeps the paragraphs and bullets of a multi-line answer as Teams sends it (flattened text + HTML)', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await answerUntil(user, 'background');
    const html =
      '<p>Første avsnitt om koordinering.</p><p>&nbsp;</p><p>Målet er at tenestene:</p>' +
      '<ul><li>er trygge</li><li>er samordna</li></ul><p><a href="https://lovdata.no/x">https://lovdata.no/x</a></p>';
    const replies = await user.send({
      type: 'message',
      text: 'Første avsnitt om koordinering. Målet er at tenestene: er trygge er samordna https://lovdata.no/x',
      attachments: [{ contentType: 'text/html', content: html }],
    });
    assert.match(textOf(replies), /Kor mykje hastar saka/);
    for (const field of FORM_FIELDS.slice(FORM_FIELDS.findIndex((f) => f.id === 'urgency'))) {
      await user.say(REFERENCE_CASE[field.id]);
    }
    await user.say('send inn');
    const [stored] = await casesOf(bot.app.services.cases, 'aad-runa');
    assert.equal(
      stored?.answers.background,
      'Første avsnitt om koordinering.\n\nMålet er at tenestene:\n• er trygge\n• er samordna\nhttps://lovdata.no/x',
    );
  });

  it('greets a new user once and lists their cases on "status"', async () => {
    const user = new TestUser(channel, bot, runa);
    let replies = await user.join();
    assert.match(textOf(replies), /innmeldingsboten/);
    assert.match(textOf(replies), /Start ei ny sak/);
    replies = await user.join();
    assert.equal(replies.length, 0, 'no second welcome');
    await user.say('ny sak');
    await answerUntil(user);
    await user.say('send inn');
    replies = await user.say('mine saker');
    assert.match(textOf(replies), new RegExp(`\\d{4}-001[\\s\\S]*${REFERENCE_CASE.title}[\\s\\S]*Motteken`));
  });
});

async function answerUntilEnd(user: TestUser): Promise<void> {
  for (const field of FORM_FIELDS.slice(FORM_FIELDS.findIndex((f) => f.id === 'phone'))) {
    await user.say(REFERENCE_CASE[field.id]);
  }
  await user.say('send inn');
}

describe('malformed requests to /api/messages', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  before(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  after(async () => {
    await bot.stop();
    await channel.stop();
  });

  const valid = () =>
    new TestUser(channel, bot, { id: '29:x', aadObjectId: 'aad-x', name: 'X' }).activity({
      type: 'message',
      text: 'hjelp',
    });
  /**
   * What each malformed request gets: 400 with this reason; `ignored` (200, nothing sent: it cannot
   * be answered); or `notUnderstood` (200 and the polite answer in the person's language).
   */
  const cases: [string, () => unknown, RegExp | 'ignored' | 'notUnderstood'][] = [
    ['not JSON', () => '{"type": "message",', /^The body is not valid JSON\.$/],
    ['an array', () => [1, 2], /^The body must be a JSON activity object\.$/],
    ['no type', () => ({ ...valid(), type: undefined }), /^activity\.type is required\.$/],
    ['type of the wrong type', () => ({ ...valid(), type: 42 }), /^activity\.type must be a string\.$/],
    ['no conversation', () => ({ ...valid(), conversation: undefined }), 'ignored'],
    ['no serviceUrl', () => ({ ...valid(), serviceUrl: undefined }), 'ignored'],
    ['a serviceUrl that is no URL', () => ({ ...valid(), serviceUrl: 'javascript:alert(1)' }), 'ignored'],
    ['text that is an object', () => ({ ...valid(), text: { evil: true } }), 'notUnderstood'],
    ['no from', () => ({ ...valid(), from: undefined }), 'ignored'],
    ['an invoke without a name', () => ({ ...valid(), type: 'invoke' }), /^activity\.name is required\.$/],
    ['an unknown invoke', () => ({ ...valid(), type: 'invoke', name: 'nobody/knows' }), /^Unknown invoke\.$/],
  ];
  for (const [name, body, expected] of cases) {
    it(`${name} → ${expected instanceof RegExp ? '400 with the reason' : expected}; nothing is stored and the server keeps answering`, async () => {
      const before = channel.sent.length;
      const result = await bot.post(body());
      if (expected instanceof RegExp) {
        assert.equal(result.status, 400, result.body);
        assert.match((JSON.parse(result.body) as { error: string }).error, expected);
      } else {
        assert.equal(result.status, 200, result.body);
      }
      const sent = channel.sent.slice(before).map((s) => s.activity);
      if (expected === 'notUnderstood')
        assert.equal(
          textOf(sent),
          'Eg forstod ikkje heilt. Skriv «ny sak» for å melde inn ei sak, «status» for sakene dine eller «hjelp».',
        );
      else assert.deepEqual(sent, [], 'nothing sent');
      const stored = await storedRows(bot.app, TURN_TABLES);
      assert.deepEqual(stored, { botState: [], conversationRefs: [], cases: [] }, 'nothing stored');
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200);
    });
  }

  it('a well-formed activity still works after all that', async () => {
    const user = new TestUser(channel, bot, { id: '29:y', aadObjectId: 'aad-y', name: 'Y' });
    assert.match(textOf(await user.say('hjelp')), /«ny sak»/);
  });
});
