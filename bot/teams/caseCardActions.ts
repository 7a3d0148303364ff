import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import {
  JUSTIFICATION_FORM_IDS,
  caseMessageCard,
  type JustificationForm,
  type NoticeKind,
} from '../cards/caseCards';
import type { Lang } from '../domain/i18n/language';
import { routingMessages } from '../domain/i18n/messages';
import type { DecideOutcome } from '../domain/routing/caseService';
import type { DecisionInput } from '../domain/routing/decisions';
import { isDecisionVerb, type DecisionVerb } from '../domain/routing/routingModel';
import type { Person } from '../domain/cases/caseModel';
import { unverbatim } from '../cards/verbatim';
import type { BotServices } from './botServices';

const CARD = 'application/vnd.microsoft.card.adaptive';

function cardResponse(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD, value: card };
}

function errorResponse(statusCode: number, message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode,
    type: 'application/vnd.microsoft.error',
    value: { code: statusCode === 400 ? 'BadRequest' : 'Error', message },
  };
}

/**
 * Input ids on the card, per verb, where they differ from the rule's field names: ids must be unique
 * across the whole card, and one card holds the forms of several actions.
 */
const CARD_IDS: Partial<Record<DecisionVerb, Record<string, string>>> = {
  propose: { forum: 'proposeForum', comment: 'proposeComment' },
  approve: { comment: 'approveComment' },
  changeForum: { forum: 'changeForum', comment: 'changeComment' },
  forward: { forum: 'forwardForum', comment: 'forwardComment' },
  withdraw: { comment: 'withdrawComment' },
};

/** Where a standard justification was picked and no own text written, the standard text is used. */
const STANDARD_OF: Partial<Record<DecisionVerb, { id: string; field: string }>> = {
  propose: { id: 'proposeStandard', field: 'comment' },
  changeForum: { id: 'changeStandard', field: 'comment' },
  return: { id: 'returnStandard', field: 'justification' },
};

/** "Use and edit": the picked standard justification is put into the form's text box to be edited. */
const USE_JUSTIFICATION = 'useJustification';

/**
 * Re-renders the person's card with the form open and its text box holding the picked standard
 * justification in their language (or what they had typed, when none was picked). Checked like the
 * step itself (the secretariat's role); nothing is written to the case.
 */
async function useJustification(
  services: BotServices,
  person: Person,
  lang: Lang,
  caseNumber: string,
  form: JustificationForm,
  data: Record<string, unknown>,
  cardVersion: number | undefined,
  notFound: () => AdaptiveCardInvokeResponse,
): Promise<AdaptiveCardInvokeResponse> {
  const { routing } = services;
  const access = await routing.caseService.mayDecide({ caseNumber, actor: person, verb: form });
  if (access.kind === 'notFound') return notFound();
  const { record } = access;
  const viewer = await routing.views.viewer(person.id, record, lang);
  if (access.kind === 'denied')
    return cardResponse(await routing.views.card(record, viewer, { notice: 'denied' }));

  const ids = JUSTIFICATION_FORM_IDS[form];
  const picked = typeof data[ids.standard] === 'string' ? (data[ids.standard] as string) : '';
  const standard = picked ? (await routing.justifications.list()).find((j) => j.id === picked) : undefined;
  const typed = typeof data[ids.text] === 'string' ? (data[ids.text] as string) : '';
  const forum = data.proposeForum;
  return cardResponse(
    await routing.views.card(record, viewer, {
      ...(cardVersion !== undefined && cardVersion !== record.historyCount ? { notice: 'stale' } : {}),
      edit: {
        form,
        ...(standard ? { standard: standard.id } : {}),
        text: standard ? standard.text[lang] : typed,
      },
      ...(form === 'propose' && typeof forum === 'string' ? { inputs: { proposeForum: forum } } : {}),
    }),
  );
}

/** Inputs as typed, to show them again on the card when the input was refused. */
function typedInputs(data: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'caseNumber' && key !== 'v' && typeof value === 'string') inputs[key] = value;
  }
  return inputs;
}

/**
 * `adaptiveCard/action` (Universal Actions): a click on a case card, or Teams asking for the card's
 * refresh. The case is always loaded by its number and rendered from storage; of the card's data only
 * the case number, the version it was rendered from (as a concurrency token) and the typed inputs are
 * used. Who may act is decided by the case service from the person in the activity and stored roles.
 * A `repeat` (an action already handled, sent again by Teams) is answered as a refresh: the card as
 * it is now, nothing decided again.
 */
export async function handleCaseCardAction(
  context: TurnContext,
  services: BotServices,
  person: Person,
  lang: Lang,
  opts: { repeat?: boolean } = {},
): Promise<AdaptiveCardInvokeResponse> {
  const value = context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
  const verb = opts.repeat ? 'refresh' : value?.action?.verb;
  const rawData = (value?.action?.data ?? {}) as Record<string, unknown>;
  const caseNumber = typeof rawData.caseNumber === 'string' ? rawData.caseNumber : '';
  if (!caseNumber) return errorResponse(400, 'The card action names no case.');
  const { routing } = services;
  const r = routingMessages(lang);
  const notFound = () =>
    cardResponse(caseMessageCard({ caseNumber, heading: r.notices.notFound(caseNumber), blocks: [] }));

  if (verb === 'refresh') {
    const record = await services.cases.get(caseNumber);
    if (!record) return notFound();
    return cardResponse(
      await routing.views.card(record, await routing.views.viewer(person.id, record, lang)),
    );
  }
  if (verb !== USE_JUSTIFICATION && !isDecisionVerb(verb))
    return errorResponse(400, `Unknown card action "${String(verb)}".`);

  // Text shown back on a card went through verbatim(); what comes back is what the person sees.
  const data = Object.fromEntries(
    Object.entries(rawData).map(([k, v]) => [k, typeof v === 'string' ? unverbatim(v) : v]),
  );
  const v = data.v;
  const cardVersion =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : undefined;

  if (verb === USE_JUSTIFICATION) {
    const form = data.form;
    if (form !== 'return' && form !== 'propose') return errorResponse(400, 'The card action names no form.');
    return useJustification(services, person, lang, caseNumber, form, data, cardVersion, notFound);
  }
  const input: DecisionInput = { ...data };
  delete input.caseNumber;
  delete input.v;
  for (const [field, id] of Object.entries(CARD_IDS[verb] ?? {})) input[field] = data[id];
  const standardOf = STANDARD_OF[verb];
  const picked = standardOf ? data[standardOf.id] : undefined;
  if (standardOf && typeof picked === 'string' && picked !== '') {
    const typed = input[standardOf.field];
    if (typeof typed !== 'string' || typed.trim() === '') {
      const standard = (await routing.justifications.list()).find((j) => j.id === picked);
      if (standard) input[standardOf.field] = standard.text[lang];
    }
  }
  const outcome: DecideOutcome = await routing.caseService.decide({
    caseNumber,
    actor: person,
    verb,
    input,
    ...(cardVersion !== undefined ? { cardVersion } : {}),
  });
  if (outcome.kind === 'notFound') return notFound();
  const notice: NoticeKind =
    outcome.kind === 'applied'
      ? 'applied'
      : outcome.kind === 'unchanged'
        ? outcome.reason
        : outcome.kind === 'denied'
          ? 'denied'
          : 'invalid';
  const viewer = await routing.views.viewer(person.id, outcome.record, lang);
  const card = await routing.views.card(outcome.record, viewer, {
    notice,
    ...(outcome.kind === 'invalid' ? { errors: outcome.errors, inputs: typedInputs(data) } : {}),
  });
  return cardResponse(card);
}
