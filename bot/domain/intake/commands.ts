import { normalizeWord } from '../i18n/language';

/** Words a person can type at any time, in nynorsk, bokmål and English. */
export type Command =
  | 'newCase'
  | 'help'
  | 'back'
  | 'skip'
  | 'cancel'
  | 'status'
  | 'submit'
  | 'yes'
  | 'keep'
  | 'continue'
  | 'discard';

const WORDS: Record<Command, string[]> = {
  newCase: [
    'ny sak',
    'new case',
    'start',
    'start ei ny sak',
    'start en ny sak',
    'start a new case',
    'meld inn sak',
    'ny innmelding',
  ],
  help: ['hjelp', 'help'],
  back: ['tilbake', 'back', 'forrige', 'forre', 'ga tilbake', 'go back'],
  skip: ['hopp over', 'skip', 'hopp'],
  cancel: ['avbryt', 'cancel', 'avslutt'],
  status: ['status', 'mine saker', 'sakene mine', 'my cases'],
  submit: ['send inn', 'submit', 'send inn saka', 'send inn saken', 'submit the case'],
  yes: ['ja', 'yes', 'ok', 'jepp', 'stemmer', 'ja, bruk dette', 'yes, use this'],
  keep: ['behald', 'behold', 'keep', 'behald svaret', 'behold svaret', 'keep the answer'],
  continue: ['hald fram', 'fortsett', 'continue', 'halde fram'],
  discard: ['forkast', 'forkast utkastet', 'discard', 'discard the draft'],
};

const LOOKUP = new Map<string, Command>(
  Object.entries(WORDS).flatMap(([command, words]) =>
    words.map((w) => [normalizeWord(w), command as Command]),
  ),
);

/** A command only when the whole message is the command word, so answers that mention one are answers. */
export function parseCommand(text: string): Command | undefined {
  // normalizeWord drops trailing punctuation, so a lone "?" is checked before it.
  if (text.trim() === '?') return 'help';
  const word = normalizeWord(text);
  return word ? LOOKUP.get(word) : undefined;
}

/** Commands that mean the same wherever the person is; the rest only mean something inside the form. */
export const GLOBAL_COMMANDS: readonly Command[] = ['newCase', 'help', 'status'];
