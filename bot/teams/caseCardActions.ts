import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { STANDARD_FIELD, parseCaseCardAction, type CaseCardAction } from '../cards/caseCardContract';
import { noAccessCard, type NoticeKind } from '../cards/caseCards';
import type { Person } from '../domain/person';
import type { Lang } from '../domain/i18n/language';
import type { DecideOutcome } from '../domain/routing/caseService';
import { typedOrStandard } from '../domain/routing/justifications';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { CaseView } from '../domain/cases/caseAccess';
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

type Visible = { record: CaseRecord; view: CaseView };

/**
 * `adaptiveCard/action` (Universal Actions): a click on a case card, or Teams asking for the card's
 * refresh. First the person must be allowed to see the case (the rule of caseAccess.ts, from stored
 * roles); anyone else gets the same short "no access" card whether the case exists or not. Then the
 * case is rendered from storage; of the card's data only the case number, the version it was rendered
 * from (a concurrency token that fails closed) and the typed inputs are used. Who may take a step is
 * decided by the case service. A `repeat` (an action already handled, sent again by Teams) is
 * answered as a refresh: the card as it is now, nothing decided again.
 */
export async function handleCaseCardAction(
  context: TurnContext,
  services: BotServices,
  person: Person,
  lang: Lang,
  opts: { repeat?: boolean } = {},
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = parseCaseCardAction((context.activity.value as { action?: unknown } | undefined)?.action);
  if (!parsed.ok) return errorResponse(400, parsed.reason);
  const action = parsed.action;
  const lookup = await services.caseQueries.open(person.id, action.caseNumber);
  if (lookup.kind === 'hidden') return cardResponse(noAccessCard(lang));
  const { routing } = services;
  const card = async (record: CaseRecord, opts: Parameters<typeof routing.views.card>[2] = {}) =>
    cardResponse(
      await routing.views.card(record, await routing.views.viewer(person.id, record, lang), opts, lang),
    );

  if (opts.repeat || action.verb === 'refresh') return card(lookup.record);
  // A card that does not say which version of the case it shows is taken as out of date.
  if (action.version === 'invalid') {
    // What they typed stays in the form, to send again from the current card.
    const typed = 'typed' in action && typeof action.typed === 'object' ? { inputs: action.typed } : {};
    return card(lookup.record, { notice: 'outdated', ...typed });
  }
  if (action.verb === 'useJustification')
    return useJustification(services, person, lang, lookup, action, action.version, card);
  return decide(services, person, lang, action, action.version, card);
}

type CardOf = (
  record: CaseRecord,
  opts?: Parameters<BotServices['routing']['views']['card']>[2],
) => Promise<AdaptiveCardInvokeResponse>;

/**
 * "Use and edit": re-renders the person's card with the form open and its text box holding the picked
 * standard justification in their language (or what they had typed, when none was picked). Checked
 * like the step itself (the secretariat's role); nothing is written to the case.
 */
async function useJustification(
  services: BotServices,
  person: Person,
  lang: Lang,
  { record }: Visible,
  action: Extract<CaseCardAction, { verb: 'useJustification' }>,
  version: number,
  card: CardOf,
): Promise<AdaptiveCardInvokeResponse> {
  const { routing } = services;
  const access = await routing.caseService.mayDecide({
    caseNumber: record.number,
    actor: person,
    verb: action.form,
  });
  if (access.kind === 'notFound') return cardResponse(noAccessCard(lang));
  if (access.kind === 'denied') return card(access.record, { notice: 'denied' });
  const current = access.record;
  const standard = action.standard
    ? (await routing.justifications.list()).find((j) => j.id === action.standard)
    : undefined;
  return card(current, {
    ...(version !== current.historyCount ? { notice: 'stale' } : {}),
    edit: {
      form: action.form,
      ...(standard ? { standard: standard.id } : {}),
      text: standard ? standard.text[lang] : action.typed,
    },
    ...(action.form === 'propose' && action.forum ? { inputs: { proposeForum: action.forum } } : {}),
  });
}

const NOTICE_OF: Record<Exclude<DecideOutcome['kind'], 'notFound' | 'unchanged'>, NoticeKind> = {
  applied: 'applied',
  denied: 'denied',
  invalid: 'invalid',
};

async function decide(
  services: BotServices,
  person: Person,
  lang: Lang,
  action: Extract<CaseCardAction, { input: Record<string, string> }>,
  version: number,
  card: CardOf,
): Promise<AdaptiveCardInvokeResponse> {
  const { routing } = services;
  const input: Record<string, string> = { ...action.input };
  const standardField = (STANDARD_FIELD as Partial<Record<string, string>>)[action.verb];
  if (standardField && action.standard) {
    const picked = (await routing.justifications.list()).find((j) => j.id === action.standard);
    input[standardField] = typedOrStandard(input[standardField] ?? '', picked, lang);
  }
  const outcome = await routing.caseService.decide({
    caseNumber: action.caseNumber,
    actor: person,
    verb: action.verb,
    input,
    cardVersion: version,
  });
  if (outcome.kind === 'notFound') return cardResponse(noAccessCard(lang));
  const notice = outcome.kind === 'unchanged' ? outcome.reason : NOTICE_OF[outcome.kind];
  return card(outcome.record, {
    notice,
    ...(outcome.kind === 'invalid' ? { errors: outcome.errors } : {}),
    // Not applied: what they typed stays in the form (a stale card, a refusal of the input).
    ...(outcome.kind === 'invalid' || outcome.kind === 'unchanged' ? { inputs: action.typed } : {}),
  });
}
