import assert from 'node:assert/strict';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import { parseCommand } from '../../bot/domain/intake/commands';
import {
  cardOriginCheck,
  isStale,
  versionOf,
  startDraft,
  step,
  type IntakeDraft,
  type IntakeEffect,
  type IntakeInput,
} from '../../bot/domain/intake/intakeFlow';
import { langFromLocale, langFromSwitchWord } from '../../bot/domain/i18n/language';

const now = new Date('2026-11-23T10:00:00Z');
const typed = (text: string): IntakeInput => {
  const command = parseCommand(text);
  return { kind: 'text', text, ...(command ? { command } : {}) };
};

function run(draft: IntakeDraft, inputs: IntakeInput[]): { draft: IntakeDraft; effect: IntakeEffect } {
  let effect: IntakeEffect = { type: 'review' };
  for (const input of inputs) ({ draft, effect } = step(draft, input, now));
  return { draft, effect };
}

describe('intake flow (pure state machine)', () => {
  const fresh = () => startDraft('d1', now, { name: 'Runa Bakke', email: 'runa@orsta.kommune.no' });

  it('asks the fields in the form order', () => {
    let draft = fresh();
    const asked: string[] = [draft.cursor];
    for (let i = 0; i < 3; i++) {
      const { draft: next, effect } = step(draft, typed(i === 2 ? 'runa@orsta.kommune.no' : 'svar'), now);
      draft = next;
      if (effect.type === 'ask') asked.push(effect.field.id);
    }
    assert.deepEqual(
      asked,
      FORM_FIELDS.slice(0, 4).map((f) => f.id),
    );
  });

  it('"ja" takes the Teams prefill for name and e-mail', () => {
    const { draft } = run(fresh(), [typed('Tittel'), typed('ja'), typed('Ørsta kommune'), typed('ja')]);
    assert.equal(draft.answers.submitterName, 'Runa Bakke');
    assert.equal(draft.answers.email, 'runa@orsta.kommune.no');
  });

  it('"back" returns to the previous question and keeps the answers', () => {
    const { draft, effect } = run(fresh(), [typed('Tittel'), typed('Namn'), typed('tilbake')]);
    assert.equal(effect.type === 'ask' && effect.field.id, 'submitterName');
    assert.equal(draft.answers.title, 'Tittel');
    assert.equal(draft.answers.submitterName, 'Namn');
  });

  it('"skip" skips optional questions and refuses required ones', () => {
    const required = step(fresh(), typed('hopp over'), now);
    assert.equal(required.effect.type === 'ask' && required.effect.notice, 'cannotSkip');
    const { effect } = run(fresh(), [
      typed('T'),
      typed('N'),
      typed('O'),
      typed('e@x.no'),
      typed('hopp over'),
    ]);
    assert.equal(effect.type === 'ask' && effect.field.id, 'internalRef');
  });

  it('a refused answer re-asks the same question with the reason and keeps earlier answers', () => {
    const { draft, effect } = run(fresh(), [typed('T'), typed('N'), typed('O'), typed('ikkje ein adresse')]);
    assert.equal(effect.type === 'ask' && effect.field.id, 'email');
    assert.equal(effect.type === 'ask' && effect.error?.code, 'email');
    assert.deepEqual(draft.answers, { title: 'T', submitterName: 'N', organisation: 'O' });
  });

  it('a click on an old question card does not answer the current question', () => {
    const { draft, effect } = run(fresh(), [
      typed('T'),
      { kind: 'card', action: 'answer', field: 'urgency', value: 'high' },
    ]);
    assert.equal(effect.type === 'ask' && effect.field.id, 'submitterName');
    assert.equal(draft.answers.urgency, undefined);
  });

  it('editing from the summary returns to the summary', () => {
    let draft = fresh();
    draft = { ...draft, cursor: 'review', answers: { title: 'Gammal' } };
    const edited = run(draft, [{ kind: 'card', action: 'edit', field: 'title' }, typed('Ny tittel')]);
    assert.equal(edited.effect.type, 'review');
    assert.equal(edited.draft.answers.title, 'Ny tittel');
  });

  it('submit from the summary asks for a missing required answer first', () => {
    const draft = { ...fresh(), cursor: 'review' as const, answers: { title: 'T' } };
    const { effect } = step(draft, typed('send inn'), now);
    assert.equal(effect.type === 'ask' && effect.field.id, 'submitterName');
  });

  it('"ny sak" with a draft offers to continue or discard', () => {
    const offered = run(fresh(), [typed('T'), typed('ny sak')]);
    assert.equal(offered.effect.type, 'resumeOffer');
    assert.equal(step(offered.draft, typed('hald fram'), now).effect.type, 'continuing');
    assert.equal(step(offered.draft, typed('forkast'), now).effect.type, 'cancel');
    assert.equal(step(offered.draft, typed('noko anna'), now).effect.type, 'resumeOffer');
  });

  it('"avbryt" asks before discarding answers; discarding after "ny sak" starts the new case', () => {
    const asked = run(fresh(), [typed('T'), typed('Namn'), typed('avbryt')]);
    assert.equal(asked.effect.type, 'confirmCancel');
    assert.equal(asked.draft.answers.submitterName, 'Namn', 'nothing lost while asking');
    assert.equal(step(asked.draft, typed('noko anna'), now).effect.type, 'confirmCancel');
    assert.equal(step(asked.draft, typed('hald fram'), now).effect.type, 'continuing');
    assert.deepEqual(step(asked.draft, typed('forkast'), now).effect, { type: 'cancel', startNew: false });
    assert.deepEqual(step(fresh(), typed('avbryt'), now).effect, { type: 'cancel' }, 'nothing to lose');
    const offered = run(fresh(), [typed('T'), typed('ny sak')]);
    assert.deepEqual(step(offered.draft, typed('forkast'), now).effect, { type: 'cancel', startNew: true });
  });

  it('"behald" keeps the current answer of a question asked again', () => {
    const { draft, effect } = run(fresh(), [typed('T'), typed('Namn'), typed('tilbake'), typed('behald')]);
    assert.equal(effect.type === 'ask' && effect.field.id, 'organisation');
    assert.equal(draft.answers.submitterName, 'Namn');
  });

  it("takes a card's button only from the draft and version the card was drawn for", () => {
    const draft = run(fresh(), [typed('T')]).draft;
    const click = (origin?: { draftId: string; version: number }): IntakeInput => ({
      kind: 'card',
      action: 'command',
      command: 'back',
      ...(origin ? { origin } : {}),
    });
    assert.equal(cardOriginCheck(draft, click({ draftId: 'd1', version: versionOf(draft) })), 'ok');
    assert.equal(cardOriginCheck(draft, click({ draftId: 'd1', version: versionOf(draft) - 1 })), 'outdated');
    assert.equal(
      cardOriginCheck(draft, click({ draftId: 'other', version: versionOf(draft) })),
      'otherDraft',
    );
    assert.equal(cardOriginCheck(draft, click()), 'otherDraft');
    assert.equal(cardOriginCheck(undefined, click({ draftId: 'd1', version: 1 })), 'otherDraft');
    assert.equal(cardOriginCheck(undefined, { kind: 'card', action: 'command', command: 'newCase' }), 'ok');
    assert.equal(cardOriginCheck(draft, typed('tilbake')), 'ok');
  });

  it('a draft is stale after the configured silence', () => {
    const draft = fresh();
    assert.equal(isStale(draft, new Date(now.getTime() + 59 * 60_000), 60), false);
    assert.equal(isStale(draft, new Date(now.getTime() + 61 * 60_000), 60), true);
  });
});

describe('commands and languages', () => {
  const commands: [string, string | undefined][] = [
    ['ny sak', 'newCase'],
    ['Ny sak!', 'newCase'],
    ['HJELP', 'help'],
    ['hopp over', 'skip'],
    ['Avbryt.', 'cancel'],
    ['mine saker', 'status'],
    ['send inn', 'submit'],
    ['Eg vil avbryte behandlinga', undefined],
    ['?', 'help'],
    ['   ', undefined],
  ];
  for (const [text, command] of commands)
    it(`"${text}" → ${command}`, () => assert.equal(parseCommand(text), command));

  const locales: [string | undefined, string][] = [
    ['nb-NO', 'nb'],
    ['nn-NO', 'nn'],
    ['no', 'nn'],
    ['en-US', 'en'],
    ['de-DE', 'nn'],
    [undefined, 'nn'],
  ];
  for (const [locale, lang] of locales)
    it(`locale ${locale} → ${lang}`, () => assert.equal(langFromLocale(locale), lang));

  it('switch words', () => {
    assert.equal(langFromSwitchWord('Bokmål'), 'nb');
    assert.equal(langFromSwitchWord('english'), 'en');
    assert.equal(langFromSwitchWord('nynorsk'), 'nn');
    assert.equal(langFromSwitchWord('norsk'), undefined);
  });
});
