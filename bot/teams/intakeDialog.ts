import { randomUUID } from 'node:crypto';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
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
import { cardReply } from './cardReply';
import type { IntakeState } from './intakeState';
import { turnLang } from './turnLanguage';

export interface IntakeOptions {
  submitter: Person;
  prefill: IntakeDraft['prefill'];
}

/** After a message to the intake: the intake still open (undefined: ended), and the case it stored. */
export interface IntakeOutcome {
  next: IntakeState | undefined;
  submitted?: CaseRecord;
}

/**
 * The intake form in the chat: its state (intakeState.ts) is kept by the bot in conversation state.
 * The decisions are made by the pure flow in domain/intake; this class only applies and renders them.
 */
export class IntakeDialog {
  constructor(private readonly services: BotServices) {}

  /** A new draft; the bot keeps it, then asks its first question (reprompt). */
  start(options: IntakeOptions): IntakeState {
    const draft = startDraft(randomUUID(), this.services.now(), options.prefill);
    return { draft, submitter: options.submitter };
  }

  /**
   * Applies the input to the open intake. `state` is the stored object and is changed in place, so a
   * step taken before a failure (the case could not be stored) is kept with the turn.
   */
  async continueWith(context: TurnContext, state: IntakeState, input: IntakeInput): Promise<IntakeOutcome> {
    const now = this.services.now();
    const origin = cardOriginCheck(state.draft, input);
    if (origin !== 'ok') {
      await this.refuseCard(context, state.draft, input, origin);
      return { next: state };
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
      await this.render(context, state.draft, { type: 'resumeOffer' });
      return { next: state };
    }
    const { draft, effect } = step(state.draft, input, now);
    state.draft = draft;
    if (effect.type === 'submit') {
      const record = await submitCase(this.services.cases, {
        draftId: draft.id,
        answers: draft.answers,
        submitter: state.submitter,
        lang: turnLang(context),
        now,
      });
      await this.sendReceipt(context, record);
      return { next: undefined, submitted: record };
    }
    if (effect.type === 'cancel') {
      const m = messages(turnLang(context));
      if (effect.startNew) {
        // "ny sak" → "Forkast utkastet": the new case asked for starts now.
        await context.sendActivity(MessageFactory.text(m.discardedStartingNew));
        const next = this.start({ submitter: state.submitter, prefill: draft.prefill });
        await this.reprompt(context, next);
        return { next };
      }
      await context.sendActivity(
        cardReply(
          messageCard({
            paragraphs: [m.cancelled],
            actions: [commandAction(m.startButton, 'newCase', 'positive')],
          }),
        ),
      );
      return { next: undefined };
    }
    await this.render(context, draft, effect);
    return { next: state };
  }

  /** Shows the current question again (after a command that works everywhere, or a repeat). */
  async reprompt(context: TurnContext, state: IntakeState): Promise<void> {
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
        await context.sendActivity(cardReply(card));
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
        await context.sendActivity(cardReply(card));
        return;
      }
      case 'resumeOffer': {
        const section = draft.cursor === 'review' ? SECTION_COUNT : sectionOf(draft.cursor).number;
        await context.sendActivity(
          cardReply(resumeOfferCard(lang, title, new Date(draft.startedAt), section, origin)),
        );
        return;
      }
      case 'confirmCancel': {
        const count = Object.keys(draft.answers).length;
        await context.sendActivity(cardReply(confirmCancelCard(lang, title, count, origin)));
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
    await context.sendActivity(cardReply(card));
  }

  /** Plain text, so answers are shown exactly as typed and never as markdown. */
  private async sendPlain(context: TurnContext, texts: string[]): Promise<void> {
    for (const text of texts) {
      await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'plain' });
    }
  }
}
