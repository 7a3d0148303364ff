import {
  ActivityTypes,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { helpCard, messageCard, myCasesCard, welcomeCard, commandAction } from '../cards/intakeCards';
import { casesTabDeepLink } from '../cards/tabDeepLink';
import { cardOriginCheck, type IntakeInput } from '../domain/intake/intakeFlow';
import type { Command } from '../domain/intake/commands';
import { personLang, type Lang } from '../domain/i18n/language';
import { messages } from '../domain/i18n/messages';
import type { Person } from '../domain/person';
import { readActivityInput, type ActivityInput } from './activityInput';
import type { BotServices } from './botServices';
import { cardReply } from './cardReply';
import { IntakeDialog } from './intakeDialog';
import { IntakeStore, type IntakeState } from './intakeState';
import { ProfileStore } from './profileStore';
import { setTurnLang } from './turnLanguage';
import { handleCaseCardAction } from './caseCardActions';
import { CARD_ACTION, notServed } from './invokeAnswers';
import { handleRoutingCommand } from './routingCommands';
import { holdReplies, rememberHandled, trackedActivityId } from './turnBookkeeping';
import { StateConflictError } from '../domain/stateConflict';

/** What a message's handler is given: the turn, the person's language and their open intake, if any. */
interface MessageTurn {
  context: TurnContext;
  lang: Lang;
  intake: IntakeState | undefined;
}

/** After a handler: 'reprompt' has an open intake ask its question again, so the person sees where they are. */
type After = 'reprompt' | 'done';
type Handler = (turn: MessageTurn) => Promise<After>;

/** Messages that are not form input: a language word, an attachment, nothing to read. */
type OtherInput = Exclude<ActivityInput, { kind: 'intake' }>;
type OtherInputHandlers = {
  [K in OtherInput['kind']]: (turn: MessageTurn, input: Extract<OtherInput, { kind: K }>) => Promise<After>;
};

const PREFILL_TIMEOUT_MS = 4000;
/** Attempts of a turn that keeps losing the state write to other turns of its conversation. */
const MAX_TURN_ATTEMPTS = 3;
/** How many of a person's cases `status` lists (the newest); the tab lists them all. */
const MY_CASES_SHOWN = 10;

/** The person behind the activity: the Azure AD object id Teams vouches for, else the channel id. */
export function personOf(context: TurnContext): Person {
  const from = context.activity.from;
  return { id: from.aadObjectId || `channel:${from.id}`, name: from.name || '' };
}

/** The person's 1:1 chat with the bot (not a group chat or a channel). */
function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation.conversationType === 'personal';
}

/**
 * The bot's turn handler: reads what the person said or clicked, handles the commands that work
 * everywhere (language, help, status, new case) and hands the rest to the intake dialog.
 */
export class PartnershipBot extends TeamsActivityHandler {
  private readonly profiles: ProfileStore;
  /** Ids of the last activities applied to the conversation (see run). */
  private readonly handled: StatePropertyAccessor<string[]>;
  private readonly intakes: IntakeStore;
  private readonly intake: IntakeDialog;

  private readonly otherInput: OtherInputHandlers = {
    language: (turn, input) => this.changeLanguage(turn, input.lang),
    attachment: async ({ context, lang }) => {
      await context.sendActivity(messages(lang).unsupportedAttachment);
      return 'reprompt';
    },
    empty: async (turn) => {
      if (turn.intake) return 'reprompt';
      await this.sendWelcome(turn.context, turn.lang);
      return 'done';
    },
  };

  /** The commands that work everywhere: answered before the intake sees the message. */
  private readonly everywhere: Partial<Record<Command, Handler>> = {
    help: async ({ context, lang }) => {
      await context.sendActivity(cardReply(helpCard(lang)));
      return 'reprompt';
    },
    status: async ({ context, lang }) => {
      await this.sendMyCases(context, lang);
      return 'reprompt';
    },
  };

  /** Commands with no intake open (within a draft the intake flow answers them). */
  private readonly withoutDraft: Partial<Record<Command, Handler>> = {
    newCase: ({ context }) => this.startIntake(context),
    cancel: ({ context, lang }) => this.nothingToCancel(context, lang),
    discard: ({ context, lang }) => this.nothingToCancel(context, lang),
  };

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.profiles = new ProfileStore(conversationState, userState);
    this.handled = conversationState.createProperty<string[]>('handledActivities');
    this.intake = new IntakeDialog(services);
    this.intakes = new IntakeStore(conversationState);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient.id,
      );
      if (botAdded && isPersonal(context)) {
        await this.prepare(context);
        const profile = await this.profiles.get(context);
        if (!profile.welcomed) {
          await context.sendActivity(cardReply(welcomeCard(await this.lang(context))));
          profile.welcomed = true;
        }
      }
      await next();
    });
  }

  /**
   * One turn, applied at most once per conversation. The activity's id is recorded in conversation
   * state in the same conditional (ETag) write as the changes the turn made, and the replies go out
   * only after that write: an activity sent again (Teams or a load balancer repeating a request that
   * got no 200) is recognised and changes nothing, and a crash leaves both or neither. A turn that
   * lost the write to another turn of the conversation runs again on the state that won.
   */
  override async run(context: TurnContext): Promise<void> {
    const id = trackedActivityId(context.activity);
    const replies = holdReplies(context);
    try {
      let failure: { error: unknown } | undefined;
      for (let attempt = 1; ; attempt++) {
        if (id && (await this.wasHandled(context, id, attempt > 1))) {
          // At once: a repeat. After a lost write: a copy of this activity won, and it answers.
          if (attempt === 1) await this.answerRepeat(context);
          break;
        }
        try {
          // An invoke's effects are not in conversation state (case decisions are conditioned on
          // the case's own version), so after a lost write only the record is written again.
          const runHandlers = attempt === 1 || context.activity.type !== 'invoke';
          failure = await this.applyTurn(context, id, runHandlers);
          break;
        } catch (error) {
          if (!(error instanceof StateConflictError) || attempt >= MAX_TURN_ATTEMPTS) throw error;
          replies.discard();
        }
      }
      await replies.release();
      if (failure) throw failure.error;
    } finally {
      replies.stopHolding();
    }
  }

  /**
   * Runs the handlers and stores their changes together with the record that the activity was
   * handled. State is stored also when a handler threw after changing it (the draft is the person's
   * work); the handler's error is returned, to be raised once the replies are out.
   */
  private async applyTurn(
    context: TurnContext,
    id: string | undefined,
    runHandlers: boolean,
  ): Promise<{ error: unknown } | undefined> {
    let failure: { error: unknown } | undefined;
    if (runHandlers) {
      try {
        await super.run(context);
      } catch (error) {
        failure = { error };
      }
    }
    if (id) await this.handled.set(context, rememberHandled(await this.handled.get(context, []), id));
    // User state first: what it holds (language, welcome, reference) is the same when written twice.
    await this.userState.saveChanges(context, false);
    await this.conversationState.saveChanges(context, false);
    return failure;
  }

  /** Whether the conversation has handled this activity; `reload` reads both states afresh. */
  private async wasHandled(context: TurnContext, id: string, reload: boolean): Promise<boolean> {
    if (reload) {
      await this.conversationState.load(context, true);
      // In a 1:1 chat the profile is in conversation state (profileStore.ts).
      if (!isPersonal(context)) await this.userState.load(context, true);
    }
    return (await this.handled.get(context, [])).includes(id);
  }

  /**
   * The answer to an activity handled before, changing nothing: the intake's current question (the
   * first reply may never have arrived), a card action's card as it is now, otherwise nothing.
   */
  private async answerRepeat(context: TurnContext): Promise<void> {
    const lang = await this.lang(context);
    setTurnLang(context, lang);
    if (context.activity.type === 'invoke') {
      const body = await handleCaseCardAction(context, this.services, personOf(context), lang, {
        repeat: true,
      });
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      return;
    }
    if (context.activity.type !== 'message') return;
    const intake = await this.intakes.get(context);
    if (intake) await this.intake.reprompt(context, intake);
  }

  /**
   * Card actions go to botbuilder's Universal Actions dispatch (its value's envelope was checked in
   * activitySchema.ts); every other invoke gets the answer invokeAnswers.ts decides per name.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    if (name === CARD_ACTION) return super.onInvokeActivity(context);
    return notServed(name);
  }

  /** Universal Actions on the case cards (the routing steps): see caseCardActions.ts. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const lang = await this.prepare(context);
    return handleCaseCardAction(context, this.services, personOf(context), lang);
  }

  private async lang(context: TurnContext): Promise<Lang> {
    const profile = await this.profiles.get(context);
    // Outside the 1:1 chat, the language last saved with the person's conversation reference is the
    // current one: a change made in the chat is kept in the chat's state, not in user state.
    const remembered = isPersonal(context)
      ? undefined
      : (await this.services.conversationRefs.lookup(personOf(context).id))?.lang;
    profile.lang = remembered ?? personLang(profile.lang, context.activity.locale);
    return profile.lang;
  }

  private async prepare(context: TurnContext): Promise<Lang> {
    const lang = await this.lang(context);
    setTurnLang(context, lang);
    await this.saveReference(context, lang);
    return lang;
  }

  /** Where to reach the person, and in which language: written when it changes, not on every message. */
  private async saveReference(context: TurnContext, lang: Lang): Promise<void> {
    if (!isPersonal(context)) return;
    const profile = await this.profiles.get(context);
    const { conversation, serviceUrl } = context.activity;
    const savedFor = `${conversation.id}|${serviceUrl}|${lang}`;
    if (profile.referenceSavedFor === savedFor) return;
    const reference = TurnContext.getConversationReference(context.activity);
    await this.services.conversationRefs.save(personOf(context).id, reference, lang);
    profile.referenceSavedFor = savedFor;
    // Reachable now (the app installed for them, or their first chat): cases that reached nobody
    // leading their forum are sent to them.
    await this.services.routing.notifier.toWaitingForums(personOf(context).id);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const lang = await this.prepare(context);
    if (!isPersonal(context)) {
      await context.sendActivity(messages(lang).personalChatOnly);
      return;
    }
    const turn: MessageTurn = { context, lang, intake: await this.intakes.get(context) };
    const input = readActivityInput(context.activity);
    const after =
      input.kind === 'intake' ? await this.onIntakeInput(turn, input) : await this.onOtherInput(turn, input);
    if (after === 'reprompt' && turn.intake) await this.intake.reprompt(context, turn.intake);
  }

  private onOtherInput<K extends OtherInput['kind']>(
    turn: MessageTurn,
    input: Extract<OtherInput, { kind: K }>,
  ): Promise<After> {
    return this.otherInput[input.kind](turn, input);
  }

  /** Typed text or a card's button: a command that works everywhere, the intake's, or one without a draft. */
  private async onIntakeInput(
    turn: MessageTurn,
    { input, command }: Extract<ActivityInput, { kind: 'intake' }>,
  ): Promise<After> {
    const { context, lang } = turn;
    const everywhere = command && this.everywhere[command];
    if (everywhere) return everywhere(turn);
    if (turn.intake) {
      await this.continueIntake(context, turn.intake, input);
      return 'done';
    }
    // A button of a draft that is no longer open (submitted, discarded): say so, do nothing with it.
    const origin = cardOriginCheck(undefined, input);
    if (origin !== 'ok') {
      await this.intake.refuseCard(context, undefined, input, origin);
      return 'done';
    }
    if (
      input.kind === 'text' &&
      (await handleRoutingCommand(context, this.services, personOf(context), lang, input.text))
    ) {
      return 'done';
    }
    const withoutDraft = command && this.withoutDraft[command];
    if (withoutDraft) return withoutDraft(turn);
    await this.sendWelcome(context, lang);
    return 'done';
  }

  private async changeLanguage(turn: MessageTurn, lang: Lang): Promise<After> {
    const { context } = turn;
    const profile = await this.profiles.get(context);
    profile.lang = lang;
    setTurnLang(context, lang);
    // Notifications to this person use the new language from now on.
    await this.saveReference(context, lang);
    await context.sendActivity(messages(lang).languageChanged);
    return 'reprompt';
  }

  private async startIntake(context: TurnContext): Promise<After> {
    const state = this.intake.start({ submitter: personOf(context), prefill: await this.prefill(context) });
    await this.intakes.set(context, state);
    await this.intake.reprompt(context, state);
    return 'done';
  }

  private async continueIntake(context: TurnContext, state: IntakeState, input: IntakeInput): Promise<void> {
    const { next, submitted } = await this.intake.continueWith(context, state, input);
    await this.intakes.set(context, next);
    // The case is stored: the secretariat gets its card, the submitter the live copy (routing).
    if (submitted) await this.services.routing.caseService.submitted(submitted);
  }

  private async nothingToCancel(context: TurnContext, lang: Lang): Promise<After> {
    await context.sendActivity(messages(lang).nothingToCancel);
    return 'done';
  }

  private async sendWelcome(context: TurnContext, lang: Lang): Promise<void> {
    const profile = await this.profiles.get(context);
    if (!profile.welcomed) {
      profile.welcomed = true;
      await context.sendActivity(cardReply(welcomeCard(lang)));
      return;
    }
    const m = messages(lang);
    await context.sendActivity(
      cardReply(
        messageCard({
          paragraphs: [m.notUnderstood],
          actions: [
            commandAction(m.startButton, 'newCase', 'positive'),
            commandAction(m.myCasesButton, 'status'),
            commandAction(m.helpButton, 'help'),
          ],
        }),
      ),
    );
  }

  /**
   * The person's newest cases, read from their own list rows (one query, however many cases they
   * have); older ones are in the "Mine saker" tab, which the reply points to.
   */
  private async sendMyCases(context: TurnContext, lang: Lang): Promise<void> {
    const { entries, more } = await this.services.caseQueries.submittedBy(
      personOf(context).id,
      MY_CASES_SHOWN,
    );
    if (entries.length === 0) {
      await context.sendActivity(messages(lang).noCases);
      return;
    }
    const { teamsAppId } = this.services.config;
    const older = more ? (teamsAppId ? { tabUrl: casesTabDeepLink(teamsAppId) } : {}) : undefined;
    await context.sendActivity(cardReply(myCasesCard(entries, lang, older)));
  }

  /** Name and e-mail from Teams, offered for confirmation; the form goes on without them if Teams is slow. */
  private async prefill(context: TurnContext): Promise<{ name?: string; email?: string }> {
    const fallback = context.activity.from.name ? { name: context.activity.from.name } : {};
    try {
      const member = await Promise.race([
        TeamsInfo.getMember(context, context.activity.from.id),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PREFILL_TIMEOUT_MS).unref()),
      ]);
      if (!member) return fallback;
      const email = member.email || member.userPrincipalName;
      return {
        ...(member.name ? { name: member.name } : fallback),
        ...(email && email.includes('@') ? { email } : {}),
      };
    } catch {
      return fallback;
    }
  }
}
