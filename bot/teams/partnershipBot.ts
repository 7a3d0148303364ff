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
import { messageCard, myCasesCard, welcomeCard, commandAction } from '../cards/intakeCards';
import { langFromLocale, type Lang } from '../domain/i18n/language';
import { messages } from '../domain/i18n/messages';
import type { Person } from '../domain/cases/caseModel';
import { readActivityInput } from './activityInput';
import type { BotServices } from './botServices';
import { INTAKE_DIALOG, IntakeDialog } from './intakeDialog';
import { setTurnLang } from './turnLanguage';
import { handleCaseCardAction } from './caseCardActions';
import { CARD_ACTION, notServed } from './invokeAnswers';
import { handleRoutingCommand } from './routingCommands';
import type { CaseRecord } from '../domain/cases/caseModel';

/** What the bot remembers about a person, in user state (Table Storage). */
interface UserProfile {
  /** Chosen with "nynorsk", "bokmål" or "English"; used for every later message to them. */
  lang?: Lang;
  welcomed?: boolean;
  /** The conversation, service URL and language last saved as the person's conversation reference. */
  referenceSavedFor?: string;
}

const PREFILL_TIMEOUT_MS = 4000;

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

  /** State is saved after every turn, also when the handler threw after changing it. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
    }
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
    return profile.lang ?? langFromLocale(context.activity.locale);
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
      await context.sendActivity({ type: ActivityTypes.Message, text: m().help, textFormat: 'plain' });
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
