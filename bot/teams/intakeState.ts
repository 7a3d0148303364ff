import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Person } from '../domain/person';
import type { IntakeDraft } from '../domain/intake/intakeFlow';

/** The intake open in a conversation: the draft and the person filling it in. */
export interface IntakeState {
  draft: IntakeDraft;
  submitter: Person;
}

/**
 * How the open intake was kept before it had its own property: as the one dialog on a
 * botbuilder-dialogs stack (`dialogState.dialogStack[0]`, id 'intake', its state the IntakeState).
 */
interface LegacyDialogState {
  dialogStack?: { id?: unknown; state?: unknown }[];
}

function isIntakeState(value: unknown): value is IntakeState {
  if (typeof value !== 'object' || value === null) return false;
  const { draft, submitter } = value as Record<string, unknown>;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof submitter === 'object' &&
    submitter !== null &&
    typeof (submitter as Record<string, unknown>).id === 'string'
  );
}

/** The intake a conversation stored in the legacy dialog stack, if one was open there. */
export function intakeFromDialogState(legacy: LegacyDialogState | undefined): IntakeState | undefined {
  const top = legacy?.dialogStack?.[0];
  return top?.id === 'intake' && isIntakeState(top.state) ? top.state : undefined;
}

/**
 * The open intake in conversation state (Table Storage), so any server instance can take the next
 * turn, after a restart or days later. The object read is the one stored: changes made to it are
 * saved with the turn. A draft still in the legacy dialog stack is moved here when first read.
 */
export class IntakeStore {
  private readonly current: StatePropertyAccessor<IntakeState | undefined>;
  private readonly legacy: StatePropertyAccessor<LegacyDialogState | undefined>;

  constructor(conversationState: ConversationState) {
    this.current = conversationState.createProperty<IntakeState | undefined>('intake');
    this.legacy = conversationState.createProperty<LegacyDialogState | undefined>('dialogState');
  }

  async get(context: TurnContext): Promise<IntakeState | undefined> {
    const legacy = await this.legacy.get(context);
    if (legacy !== undefined) {
      await this.legacy.delete(context);
      const moved = intakeFromDialogState(legacy);
      if (moved && !(await this.current.get(context))) await this.current.set(context, moved);
    }
    return this.current.get(context);
  }

  /** Keeps `state` as the open intake; undefined: no intake is open any more. */
  async set(context: TurnContext, state: IntakeState | undefined): Promise<void> {
    if (state) await this.current.set(context, state);
    else await this.current.delete(context);
  }
}
