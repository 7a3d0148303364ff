import {
  ActivityTypes,
  MessageFactory,
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
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { helpCard, messageCard, myCasesCard, welcomeCard, commandAction } from '../cards/intakeCards';
import { cardOriginCheck } from '../domain/intake/intakeFlow';
import { personLang, type Lang } from '../domain/i18n/language';
import { messages } from '../domain/i18n/messages';
import type { Person } from '../domain/person';
import { readActivityInput } from './activityInput';
import type { BotServices } from './botServices';
import { INTAKE_DIALOG, IntakeDialog } from './intakeDialog';
import { setTurnLang } from './turnLanguage';
import { handleCaseCardAction } from './caseCardActions';
import { CARD_ACTION, notServed } from './invokeAnswers';
import { handleRoutingCommand } from './routingCommands';
import { holdReplies, rememberHandled, trackedActivityId } from './turnBookkeeping';
import { StateConflictError } from '../domain/stateConflict';
import type { CaseRecord } from '../domain/cases/caseModel';

/** What the bot remembers about a person, in user state (Table Storage). */
interface UserProfile {
  /**
   * The person's language: chosen with "nynorsk", "bokmål" or "English", else decided on their first
   * turn (see personLang) and kept, so every later message, card and notification uses it.
   */
  lang?: Lang;
  welcomed?: boolean;
  /** The conversation, service URL and language last saved as the person's conversation reference. */
  referenceSavedFor?: string;
}

const PREFILL_TIMEOUT_MS = 4000;
/** Attempts of a turn that keeps losing the state write to other turns of its conversation. */
const MAX_TURN_ATTEMPTS = 3;

/** The person behind the activity: the Azure AD object id Teams vouches for, else the channel id. */
export function personOf(context: TurnContext): Person {
  const from = context.activity.from;
  return { id: from.aadObjectId || `channel:${from.id}`, name: from.name || '' };
}

/**
 * The bot's turn handler: reads what the person said or clicked, handles the commands that work
 * everywhere (language, help, status, new case) and hands the rest to the intake dialog.
 */
export class PartnershipBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  /** Ids of the last activities applied to the conversation (see run). */
  private readonly handled: StatePropertyAccessor<string[]>;
  private readonly dialogs: DialogSet;
  private readonly intake: IntakeDialog;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.profile = userState.createProperty<UserProfile>('profile');
    this.handled = conversationState.createProperty<string[]>('handledActivities');
    this.intake = new IntakeDialog(services);
    this.dialogs = new DialogSet(this.dialogState).add(this.intake);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient.id,
      );
      if (botAdded && context.activity.conversation.conversationType === 'personal') {
        await this.prepare(context);
        const profile = await this.profile.get(context, {});
        if (!profile.welcomed) {
          await context.sendActivity(MessageFactory.attachment(welcomeCard(await this.lang(context))));
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
      await this.userState.load(context, true);
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
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog?.id === INTAKE_DIALOG) await dc.repromptDialog();
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

  /** Universal Actions on the case cards (routing, issue 3): see caseCardActions.ts. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const lang = await this.prepare(context);
    return handleCaseCardAction(context, this.services, personOf(context), lang);
  }

  private async lang(context: TurnContext): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    profile.lang = personLang(profile.lang, context.activity.locale);
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
    if (context.activity.conversation.conversationType !== 'personal') return;
    const profile = await this.profile.get(context, {});
    const { conversation, serviceUrl } = context.activity;
    const savedFor = `${conversation.id}|${serviceUrl}|${lang}`;
    if (profile.referenceSavedFor === savedFor) return;
    const reference = TurnContext.getConversationReference(context.activity);
    await this.services.conversationRefs.save(personOf(context).id, reference, lang);
    profile.referenceSavedFor = savedFor;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    let lang = await this.prepare(context);
    const m = () => messages(lang);
    if (context.activity.conversation.conversationType !== 'personal') {
      await context.sendActivity(m().personalChatOnly);
      return;
    }
    const dc = await this.dialogs.createContext(context);
    const active = dc.activeDialog?.id === INTAKE_DIALOG;
    const input = readActivityInput(context.activity);

    if (input.kind === 'language') {
      const profile = await this.profile.get(context, {});
      profile.lang = input.lang;
      lang = input.lang;
      setTurnLang(context, lang);
      // Notifications to this person use the new language from now on.
      await this.saveReference(context, lang);
      await context.sendActivity(m().languageChanged);
      if (active) await dc.repromptDialog();
      return;
    }
    if (input.kind === 'attachment') {
      await context.sendActivity(m().unsupportedAttachment);
      if (active) await dc.repromptDialog();
      return;
    }
    if (input.kind === 'empty') {
      if (active) await dc.repromptDialog();
      else await this.sendWelcome(context, lang);
      return;
    }
    if (input.command === 'help') {
      await context.sendActivity(MessageFactory.attachment(helpCard(lang)));
      if (active) await dc.repromptDialog();
      return;
    }
    if (input.command === 'status') {
      await this.sendMyCases(context, lang);
      if (active) await dc.repromptDialog();
      return;
    }
    if (active) {
      const result = await this.intake.continueWith(dc, input.input);
      if (result.status === DialogTurnStatus.complete && (result.result as CaseRecord | undefined)?.number) {
        // The case is stored: the secretariat gets its card, the submitter the live copy (routing).
        await this.services.routing.caseService.submitted(result.result as CaseRecord);
      }
      return;
    }
    // A button of a draft that is no longer open (submitted, discarded): say so, do nothing with it.
    const origin = cardOriginCheck(undefined, input.input);
    if (origin !== 'ok') {
      await this.intake.refuseCard(context, undefined, input.input, origin);
      return;
    }
    if (
      input.input.kind === 'text' &&
      (await handleRoutingCommand(context, this.services, personOf(context), lang, input.input.text))
    ) {
      return;
    }
    if (input.command === 'newCase') {
      await dc.beginDialog(INTAKE_DIALOG, {
        submitter: personOf(context),
        prefill: await this.prefill(context),
      });
      return;
    }
    if (input.command === 'cancel' || input.command === 'discard') {
      await context.sendActivity(m().nothingToCancel);
      return;
    }
    await this.sendWelcome(context, lang);
  }

  private async sendWelcome(context: TurnContext, lang: Lang): Promise<void> {
    const profile = await this.profile.get(context, {});
    if (!profile.welcomed) {
      profile.welcomed = true;
      await context.sendActivity(MessageFactory.attachment(welcomeCard(lang)));
      return;
    }
    const m = messages(lang);
    await context.sendActivity(
      MessageFactory.attachment(
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

  private async sendMyCases(context: TurnContext, lang: Lang): Promise<void> {
    const cases = await this.services.cases.listBySubmitter(personOf(context).id);
    if (cases.length === 0) await context.sendActivity(messages(lang).noCases);
    else await context.sendActivity(MessageFactory.attachment(myCasesCard(cases, lang)));
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
