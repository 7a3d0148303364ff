import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import { parseCommand, type Command } from '../domain/intake/commands';
import type { IntakeInput } from '../domain/intake/intakeFlow';
import { messageText } from './teamsMessageText';
import { langFromSwitchWord, type Lang } from '../domain/i18n/language';

/** What a message activity means, whether it was typed or came from a card button. */
export type ActivityInput =
  | { kind: 'language'; lang: Lang }
  | { kind: 'intake'; input: IntakeInput; command?: Command }
  | { kind: 'attachment' }
  | { kind: 'empty' };

const COMMANDS = [
  'newCase',
  'help',
  'back',
  'skip',
  'cancel',
  'status',
  'submit',
  'yes',
  'continue',
  'discard',
] as const satisfies readonly Command[];

/** What the intake cards' buttons submit (bot/cards/intakeCards.ts); anything else is no intake submit. */
const intakeSubmit = z.discriminatedUnion('intake', [
  z.object({ intake: z.literal('command'), command: z.enum(COMMANDS) }),
  z.object({ intake: z.literal('answer'), field: z.string(), value: z.unknown().optional() }),
  z.object({ intake: z.literal('edit'), field: z.string() }),
]);

/**
 * Card submits arrive in `activity.value`, typed answers in `activity.text`: both are read here. The
 * activity's shape was checked at the edge (activitySchema.ts); the card data is checked here, since
 * it comes from the client like anything else.
 */
export function readActivityInput(activity: Partial<Activity>): ActivityInput {
  const value = activity.value as { intake?: unknown } | undefined;
  if (value && typeof value === 'object' && typeof value.intake === 'string') {
    const submit = intakeSubmit.safeParse(value);
    if (!submit.success) return { kind: 'empty' };
    const card = submit.data;
    if (card.intake === 'command') {
      return {
        kind: 'intake',
        input: { kind: 'card', action: 'command', command: card.command },
        command: card.command,
      };
    }
    if (card.intake === 'answer') {
      return {
        kind: 'intake',
        input: { kind: 'card', action: 'answer', field: card.field, value: card.value ?? '' },
      };
    }
    return { kind: 'intake', input: { kind: 'card', action: 'edit', field: card.field } };
  }
  const typed = typeof activity.text === 'string' ? activity.text : '';
  const raw = messageText(typed, activity.attachments);
  // In a team or group chat the bot's @mention is part of the text; it is not part of the answer.
  const botId = activity.recipient?.id;
  const mentioned = typed !== '' && !!botId && (activity.entities ?? []).some((e) => e.type === 'mention');
  const text = mentioned ? (TurnContext.removeMentionText(activity, botId) ?? raw) : raw;
  if (text === '') {
    return activity.attachments?.some((a) => !a.contentType.startsWith('text/html'))
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
