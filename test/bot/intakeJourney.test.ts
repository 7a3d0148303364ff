import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import { REFERENCE_CASE } from '../fixtures/referenceCase';
import { RunningBot, TestChannel, TestUser, cardOf, command, textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { casesOf } from '../support/storedCases';

/** Answers every question with the reference case's answers; the replies to the last (the summary). */
async function answerAll(user: TestUser, title = REFERENCE_CASE.title): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const field of FORM_FIELDS)
    replies = await user.say(field.id === 'title' ? title : REFERENCE_CASE[field.id]);
  return replies;
}

/** The texts of the card's TextBlocks and TextRuns, each as a separate entry. */
function blocks(activities: Partial<Activity>[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(cardOf(activities));
  return out;
}

describe('a first-time user walks a case through the bot (/api/messages)', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };
  const cases = () => casesOf(bot.app.services.cases, 'aad-runa');

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  it("an old summary card's Send button never submits another draft", async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    const firstSummary = await answerAll(user, 'Første sak');
    const receipt = await user.press(firstSummary, command('submit'));
    const number = /(\d{4}-001)/.exec(textOf(receipt))![1]!;

    // No draft open: the first card's button says the case is in, and sends nothing.
    let replies = await user.press(firstSummary, command('submit'));
    assert.match(textOf(replies), new RegExp(`Denne saka er alt send inn \\(${number}\\)`));
    assert.doesNotMatch(textOf(replies), /forstod ikkje/);

    // A second draft open at its summary: the first card's button still submits nothing.
    await user.say('ny sak');
    const secondSummary = await answerAll(user, 'Andre sak');
    replies = await user.press(firstSummary, command('submit'));
    assert.match(textOf(replies), new RegExp(`Denne saka er alt send inn \\(${number}\\)`));
    assert.match(textOf(replies), /Sjå over svara dine/, 'and shows where the open draft is');
    assert.deepEqual(
      (await cases()).map((c) => c.title),
      ['Første sak'],
    );

    // An older card of the open draft (before an answer was changed) is not taken either.
    replies = await user.press(secondSummary, (d) => d.intake === 'edit' && d.field === 'economy');
    replies = await user.say('Ingen kostnader');
    replies = await user.press(secondSummary, command('submit'));
    assert.match(textOf(replies), /Dette kortet er eldre enn svara dine no/);
    assert.equal((await cases()).length, 1);

    // The draft's own, current card submits it.
    const current = await user.say('send inn');
    assert.match(textOf(current), /saksnummer \d{4}-002/);
    assert.deepEqual((await cases()).map((c) => c.title).sort(), ['Andre sak', 'Første sak']);
    assert.equal((await cases()).find((c) => c.title === 'Andre sak')?.answers.economy, 'Ingen kostnader');
  });

  it('a card of a discarded draft is answered as such, and a card of another draft does nothing', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    const titleAsked = await user.say('Tittel');
    let replies = await user.say('avbryt');
    await user.press(replies, command('discard'));
    replies = await user.press(titleAsked, command('back'));
    assert.match(textOf(replies), /høyrer til eit utkast som ikkje er ope lenger/);

    await user.say('ny sak');
    replies = await user.press(titleAsked, command('back'));
    assert.match(textOf(replies), /Dette kortet høyrer til eit anna utkast/);
    assert.match(textOf(replies), /Spørsmål 1 av 12/, 'the open draft is where it was');
  });

  it('keeps the language of the greeting when a later message carries another locale', async () => {
    const user = new TestUser(channel, bot, { ...runa, locale: 'en-US' });
    // The Agents Playground greets without a locale.
    let replies = await user.send({
      type: 'conversationUpdate',
      locale: undefined,
      membersAdded: [
        { id: '28:bot', name: 'Helsefellesskap' },
        { id: '29:runa', name: 'Runa Bakke' },
      ],
    });
    assert.match(textOf(replies), /innmeldingsboten/);
    const welcome = textOf(replies);
    replies = await user.say('ny sak');
    assert.match(textOf(replies), /Kva vil du kalle saka/, 'still nynorsk, although this message said en-US');
    assert.match(welcome, /Write "English" for English/, 'the welcome says how to switch');
    replies = await user.say('English');
    assert.match(textOf(replies), /What would you call the case/);
    replies = await user.send({ type: 'message', text: 'hjelp', locale: 'nb-NO' });
    assert.match(textOf(replies), /You can type these at any time/, 'the choice holds whatever the locale');
  });

  it('"tilbake" and "Endre" show the current answer and keep it with one press', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    await user.say('Min tittel');
    await user.say('Runa Bakke');
    let replies = await user.say('tilbake');
    assert.match(textOf(replies), /Kva heiter du/);
    assert.match(textOf(replies), /Svaret ditt no:[\s\S]*Runa Bakke/);
    replies = await user.press(replies, command('keep'));
    assert.match(textOf(replies), /Kva organisasjon/, 'kept, and on to the next question');

    const summary = await (async () => {
      let r: Partial<Activity>[] = [];
      for (const field of FORM_FIELDS.slice(2)) r = await user.say(REFERENCE_CASE[field.id]);
      return r;
    })();
    replies = await user.press(summary, (d) => d.intake === 'edit' && d.field === 'title');
    assert.match(textOf(replies), /Svaret ditt no:[\s\S]*Min tittel/);
    replies = await user.say('behald');
    assert.match(textOf(replies), /Sjå over svara dine/);
    assert.ok(textOf(replies).includes('Min tittel'));
  });

  it('"avbryt" asks first; "ny sak" then "Forkast utkastet" starts the new case', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.say('ny sak');
    const typed = FORM_FIELDS.slice(0, 7).map((f) => REFERENCE_CASE[f.id]);
    for (const answer of typed) await user.say(answer);
    let replies = await user.say('avbryt');
    const answered = typed.filter((a) => a !== 'hopp over').length;
    assert.match(textOf(replies), new RegExp(`Vil du forkaste utkastet med ${answered} svar\\?`));
    replies = await user.press(replies, command('continue'));
    assert.match(textOf(replies), /Kor mykje hastar saka/, 'nothing lost: the question where it was');

    replies = await user.say('ny sak');
    assert.match(textOf(replies), /uferdig utkast/);
    replies = await user.press(replies, command('discard'));
    assert.match(textOf(replies), /Utkastet er forkasta/);
    assert.match(textOf(replies), /Spørsmål 1 av 12/, 'the new case asked for has started');
    replies = await user.say('Ny tittel');
    replies = await user.say('tilbake');
    assert.doesNotMatch(textOf(replies), /Svaret ditt no:[\s\S]*Felles satsing/, 'a fresh draft');
    assert.deepEqual(await cases(), []);
  });

  it('help comes as a card with one block per line', async () => {
    const user = new TestUser(channel, bot, runa);
    const replies = await user.say('hjelp');
    const texts = blocks(replies);
    assert.ok(texts.includes('• «ny sak» – start ei ny innmelding'), texts.join(' | '));
    assert.ok(texts.includes('• «tilbake» – gå til førre spørsmål'));
    assert.ok(
      texts.every((t) => !t.includes('\n')),
      'no line breaks left for Teams to collapse',
    );
  });
});
