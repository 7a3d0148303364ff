import { TurnContext, type Activity } from 'botbuilder';
import { parseCommand, type Command } from '../domain/intake/commands';
import type { CardOrigin, IntakeInput } from '../domain/intake/intakeFlow';
import { messageText } from './teamsMessageText';
import { langFromSwitchWord, type Lang } from '../domain/i18n/language';

/** What a message activity means, whether it was typed or came from a card button. */
export type ActivityInput =
  | { kind: 'language'; lang: Lang }
  | { kind: 'intake'; input: IntakeInput; command?: Command }
  | { kind: 'attachment' }
  | { kind: 'empty' };

const COMMANDS: readonly Command[] = [
  'newCase',
  'help',
  'back',
  'skip',
  'cancel',
  'status',
  'submit',
  'yes',
  'keep',
  'continue',
  'discard',
];

function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** The draft and version an intake card names in its buttons' data, when it names them well-formed. */
function cardOrigin(value: Record<string, unknown>): { origin?: CardOrigin } {
  const { draft, version } = value;
  return typeof draft === 'string' && typeof version === 'number' && Number.isInteger(version)
    ? { origin: { draftId: draft, version } }
    : {};
}

/**
 * Card submits arrive in `activity.value`, typed answers in `activity.text`: both are read here and
 * checked, since card data comes from the client like anything else.
 */
export function readActivityInput(activity: Partial<Activity>): ActivityInput {
  const value = activity.value as Record<string, unknown> | undefined;
  if (value && typeof value === 'object' && typeof value.intake === 'string') {
    if (value.intake === 'command' && isCommand(value.command)) {
      return {
        kind: 'intake',
        input: { kind: 'card', action: 'command', command: value.command, ...cardOrigin(value) },
        command: value.command,
      };
    }
    if (value.intake === 'answer' && typeof value.field === 'string') {
      return {
        kind: 'intake',
        input: {
          kind: 'card',
          action: 'answer',
          field: value.field,
          value: value.value ?? '',
          ...cardOrigin(value),
        },
      };
    }
    if (value.intake === 'edit' && typeof value.field === 'string') {
      return {
        kind: 'intake',
        input: { kind: 'card', action: 'edit', field: value.field, ...cardOrigin(value) },
      };
    }
    return { kind: 'empty' };
  }
  const raw = messageText(typeof activity.text === 'string' ? activity.text : '', activity.attachments);
  // In a team or group chat the bot's @mention is part of the text; it is not part of the answer.
  // (The shapes of entities and attachments were checked at the edge, activitySchema.ts; a message
  // with a mention need not have text, and botbuilder would then read `undefined.replace`.)
  const mentioned =
    typeof activity.text === 'string' &&
    activity.entities?.some((e) => e.type === 'mention') &&
    activity.recipient?.id;
  const text = mentioned ? (TurnContext.removeMentionText(activity, activity.recipient!.id) ?? raw) : raw;
  if (text === '') {
    return activity.attachments?.some((a) => !a.contentType?.startsWith('text/html'))
      ? { kind: 'attachment' }
      : { kind: 'empty' };
  }
  const lang = langFromSwitchWord(text);
  if (lang) return { kind: 'language', lang };
  const command = parseCommand(text);
  return {
    kind: 'intake',
    input: { kind: 'text', text, ...(command ? { command } : {}) },
    ...(command ? { command } : {}),
  };
}
