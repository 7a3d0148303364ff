import { randomUUID } from 'node:crypto';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import {
  questionCard,
  receiptCard,
  resumeOfferCard,
  confirmCancelCard,
  summaryCard,
  messageCard,
  commandAction,
} from '../cards/intakeCards';
import { SECTION_COUNT, sectionOf } from '../domain/form/intakeForm';
import { submitCase } from '../domain/cases/submitCase';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { Person } from '../domain/person';
import {
  cardOriginCheck,
  isStale,
  promptFor,
  startDraft,
  step,
  versionOf,
  type CardOrigin,
  type IntakeDraft,
  type IntakeEffect,
  type IntakeInput,
} from '../domain/intake/intakeFlow';
import { messages } from '../domain/i18n/messages';
import type { BotServices } from './botServices';
import { turnLang } from './turnLanguage';

export const INTAKE_DIALOG = 'intake';

export interface IntakeOptions {
  submitter: Person;
  prefill: IntakeDraft['prefill'];
}

interface IntakeState {
  draft: IntakeDraft;
  submitter: Person;
}

/**
 * The intake form as a botbuilder dialog: its state (the draft) lives in conversation state, which is
 * in Table Storage, so any server instance can take the next turn, after a restart or days later.
 * The decisions are made by the pure flow in domain/intake; this class only stores and renders.
 */
export class IntakeDialog extends Dialog<IntakeOptions> {
  constructor(private readonly services: BotServices) {
    super(INTAKE_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: IntakeOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('IntakeDialog needs the submitter');
    const draft = startDraft(randomUUID(), this.services.now(), options.prefill);
    const state: IntakeState = { draft, submitter: options.submitter };
    dc.activeDialog!.state = state;
    await this.render(dc.context, draft, promptFor(draft));
    return Dialog.EndOfTurn;
  }

  /** Used by the bot for input already read from the activity. */
  async continueWith(dc: DialogContext, input: IntakeInput): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as IntakeState;
    const now = this.services.now();
    const origin = cardOriginCheck(state.draft, input);
    if (origin !== 'ok') {
      await this.refuseCard(dc.context, state.draft, input, origin);
      return Dialog.EndOfTurn;
    }
    if (
      !state.draft.awaitingResume &&
      isStale(state.draft, now, this.services.config.draftResumeAfterMinutes)
    ) {
      // Days later, "hei" is not the answer to the question asked back then: ask first.
      state.draft = {
        ...state.draft,
        awaitingResume: true,
        touchedAt: now.toISOString(),
        version: versionOf(state.draft) + 1,
      };
      await this.render(dc.context, state.draft, { type: 'resumeOffer' });
      return Dialog.EndOfTurn;
    }
    const { draft, effect } = step(state.draft, input, now);
    state.draft = draft;
    if (effect.type === 'submit') {
      const record = await submitCase(this.services.cases, {
        draftId: draft.id,
        answers: draft.answers,
        submitter: state.submitter,
        lang: turnLang(dc.context),
        now,
      });
      await this.sendReceipt(dc.context, record);
      return dc.endDialog(record);
    }
    if (effect.type === 'cancel') {
      const m = messages(turnLang(dc.context));
      if (effect.startNew) {
        // "ny sak" → "Forkast utkastet": the new case asked for starts now.
        await dc.context.sendActivity(MessageFactory.text(m.discardedStartingNew));
        return dc.replaceDialog(INTAKE_DIALOG, { submitter: state.submitter, prefill: draft.prefill });
      }
      await dc.context.sendActivity(
        MessageFactory.attachment(
          messageCard({
            paragraphs: [m.cancelled],
            actions: [commandAction(m.startButton, 'newCase', 'positive')],
          }),
        ),
      );
      return dc.endDialog();
    }
    await this.render(dc.context, draft, effect);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    // The bot reads every activity and calls continueWith; anything else just shows the question again.
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as IntakeState;
    await this.render(context, state.draft, promptFor(state.draft));
  }

  /**
   * A button from a card of another draft, an older card of this one, or a draft no longer open:
   * nothing is done with it; the person hears why, and sees where they are.
   */
  async refuseCard(
    context: TurnContext,
    draft: IntakeDraft | undefined,
    input: IntakeInput,
    reason: 'otherDraft' | 'outdated',
  ): Promise<void> {
    const m = messages(turnLang(context));
    const cardDraft = input.kind === 'card' ? input.origin?.draftId : undefined;
    const submitted =
      reason === 'otherDraft' && cardDraft ? await this.services.cases.findByDraft(cardDraft) : undefined;
    const text = submitted
      ? m.cardAlreadySubmitted(submitted.number)
      : reason === 'outdated'
        ? m.cardOutdated
        : draft
          ? m.cardOtherDraft
          : m.cardNoDraft;
    await context.sendActivity(MessageFactory.text(text));
    if (draft) await this.render(context, draft, promptFor(draft));
  }

  private async render(context: TurnContext, draft: IntakeDraft, effect: IntakeEffect): Promise<void> {
    const lang = turnLang(context);
    const m = messages(lang);
    const origin: CardOrigin = { draftId: draft.id, version: versionOf(draft) };
    const title = typeof draft.answers.title === 'string' ? draft.answers.title : '';
    switch (effect.type) {
      case 'ask': {
        const prefill = effect.field.prefill ? draft.prefill[effect.field.prefill] : undefined;
        const current = draft.answers[effect.field.id];
        const card = questionCard(effect.field, lang, {
          origin,
          ...(effect.error ? { error: effect.error } : {}),
          ...(effect.notice ? { notice: effect.notice } : {}),
          ...(prefill ? { prefill } : {}),
          ...(current !== undefined ? { current } : {}),
        });
        await context.sendActivity(MessageFactory.attachment(card));
        return;
      }
      case 'review': {
        const { card, fullText } = summaryCard(
          draft.answers,
          lang,
          this.services.now(),
          effect.hint ?? false,
          origin,
        );
        await this.sendPlain(context, fullText);
        await context.sendActivity(MessageFactory.attachment(card));
        return;
      }
      case 'resumeOffer': {
        const section = draft.cursor === 'review' ? SECTION_COUNT : sectionOf(draft.cursor).number;
        await context.sendActivity(
          MessageFactory.attachment(resumeOfferCard(lang, title, new Date(draft.startedAt), section, origin)),
        );
        return;
      }
      case 'confirmCancel': {
        const count = Object.keys(draft.answers).length;
        await context.sendActivity(MessageFactory.attachment(confirmCancelCard(lang, title, count, origin)));
        return;
      }
      case 'continuing':
        await context.sendActivity(MessageFactory.text(m.continuing));
        await this.render(context, draft, promptFor(draft));
        return;
      case 'submit':
      case 'cancel':
        throw new Error(`${effect.type} is handled by continueWith`);
    }
  }

  private async sendReceipt(context: TurnContext, record: CaseRecord): Promise<void> {
    const { card, fullText } = receiptCard(record, turnLang(context));
    await this.sendPlain(context, fullText);
    await context.sendActivity(MessageFactory.attachment(card));
  }

  /** Plain text, so answers are shown exactly as typed and never as markdown. */
  private async sendPlain(context: TurnContext, texts: string[]): Promise<void> {
    for (const text of texts) {
      await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'plain' });
    }
  }
}
