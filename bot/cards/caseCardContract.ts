import { z } from 'zod';
import { DECISION_VERBS, type DecisionVerb } from '../domain/routing/routingModel';
import { unverbatim } from './verbatim';

/**
 * What the case card (adaptive-cards/case-card.json) sends back on each Action.Execute, in one place:
 * the input ids of each step's form, and the parser that turns an invoke's `action` into a typed
 * action or a clear refusal. The card renderer (caseCards.ts) and the handler (bot/teams) read the ids
 * from here; a test checks the template uses exactly these ids.
 */

/** Per step: the rule's field names (bot/domain/routing/decisions.ts) → the card's input ids. */
export const DECISION_FORMS = {
  propose: { fields: { forum: 'proposeForum', comment: 'proposeComment' }, standard: 'proposeStandard' },
  return: { fields: { justification: 'justification' }, standard: 'returnStandard' },
  requestInfo: { fields: { question: 'question' } },
  replyInfo: { fields: { reply: 'reply' } },
  approve: { fields: { comment: 'approveComment' } },
  changeForum: { fields: { forum: 'changeForum', comment: 'changeComment' }, standard: 'changeStandard' },
  forward: { fields: { forum: 'forwardForum', comment: 'forwardComment' } },
  outcome: {
    fields: {
      decision: 'decision',
      meetingDate: 'meetingDate',
      forumCaseNumber: 'forumCaseNumber',
      minutesUrl: 'minutesUrl',
    },
  },
  withdraw: { fields: { comment: 'withdrawComment' } },
} as const satisfies Record<DecisionVerb, { fields: Record<string, string>; standard?: string }>;

/** The field a picked standard justification fills when nothing of one's own was typed. */
export const STANDARD_FIELD = {
  propose: 'comment',
  return: 'justification',
  changeForum: 'comment',
} as const;

/** The forms where a standard justification can be picked and then edited on the card. */
export type JustificationForm = 'return' | 'propose';

/** The ids of a justification form's inputs on the card. */
export const JUSTIFICATION_FORM_IDS: Record<JustificationForm, { standard: string; text: string }> = {
  return: { standard: DECISION_FORMS.return.standard, text: DECISION_FORMS.return.fields.justification },
  propose: { standard: DECISION_FORMS.propose.standard, text: DECISION_FORMS.propose.fields.comment },
};

/** Every text or choice input a step's form has (their values are bound when the card is rendered). */
export const FORM_INPUT_IDS: readonly string[] = [
  ...new Set(Object.values(DECISION_FORMS).flatMap((f) => Object.values(f.fields))),
];

/** Every input id on the case card, standard-justification pickers included. */
export const CASE_CARD_INPUT_IDS: readonly string[] = [
  ...new Set([
    ...FORM_INPUT_IDS,
    ...Object.values(DECISION_FORMS).flatMap((f) => ('standard' in f ? [f.standard] : [])),
  ]),
];

export const REFRESH = 'refresh';
export const USE_JUSTIFICATION = 'useJustification';

/**
 * The card's version (the case's history count it was rendered from). Anything but a non-negative
 * integer (a number, or digits only as templating may write it) is 'invalid': the card is treated as
 * out of date and no decision is applied.
 */
const versionSchema = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);
export type CardVersion = number | 'invalid';

/** A typed input: text as the person sees it (see verbatim.ts); absent or empty is ''. */
const inputText = z
  .string()
  .optional()
  .transform((v) => unverbatim(v ?? ''));

const envelope = z.object({
  verb: z.string(),
  data: z.object({ caseNumber: z.string().min(1) }).passthrough(),
});

export type CaseCardAction =
  | { verb: 'refresh'; caseNumber: string }
  | {
      verb: 'useJustification';
      caseNumber: string;
      version: CardVersion;
      form: JustificationForm;
      /** The standard justification picked (its id), if any. */
      standard: string;
      typed: string;
      forum: string;
    }
  | {
      verb: DecisionVerb;
      caseNumber: string;
      version: CardVersion;
      /** The rule's fields as typed, by the rule's names. */
      input: Record<string, string>;
      standard: string;
      /** The same by the card's input ids, to show again when the input is refused. */
      typed: Record<string, string>;
    };

export type ParsedCardAction = { ok: true; action: CaseCardAction } | { ok: false; reason: string };

function versionOf(data: Record<string, unknown>): CardVersion {
  const parsed = versionSchema.safeParse(data.v);
  return parsed.success ? parsed.data : 'invalid';
}

/** Reads one input; a value that is not text is a refusal naming the input. */
function readInputs(
  data: Record<string, unknown>,
  ids: readonly string[],
): { ok: true; values: Record<string, string> } | { ok: false; reason: string } {
  const values: Record<string, string> = {};
  for (const id of ids) {
    const parsed = inputText.safeParse(data[id]);
    if (!parsed.success) return { ok: false, reason: `The card input "${id}" must be text.` };
    values[id] = parsed.data;
  }
  return { ok: true, values };
}

/**
 * Parses the `action` of an `adaptiveCard/action` invoke. The case number is passed on as sent: the
 * case access check reads it strictly (an unknown or malformed number is answered like a case one
 * may not see). Only ids this card has are read; whatever else the data holds is ignored.
 */
export function parseCaseCardAction(action: unknown): ParsedCardAction {
  const head = envelope.safeParse(action);
  if (!head.success) return { ok: false, reason: 'The card action names no case.' };
  const { verb, data } = head.data;
  const caseNumber = data.caseNumber;
  if (verb === REFRESH) return { ok: true, action: { verb, caseNumber } };

  if (verb === USE_JUSTIFICATION) {
    const form = z.enum(['return', 'propose']).safeParse(data.form);
    if (!form.success) return { ok: false, reason: 'The card action names no form.' };
    const ids = JUSTIFICATION_FORM_IDS[form.data];
    const read = readInputs(data, [ids.standard, ids.text, DECISION_FORMS.propose.fields.forum]);
    if (!read.ok) return read;
    return {
      ok: true,
      action: {
        verb,
        caseNumber,
        version: versionOf(data),
        form: form.data,
        standard: read.values[ids.standard]!,
        typed: read.values[ids.text]!,
        forum: read.values[DECISION_FORMS.propose.fields.forum]!,
      },
    };
  }

  const decision = z.enum(DECISION_VERBS).safeParse(verb);
  if (!decision.success) return { ok: false, reason: `Unknown card action "${verb.slice(0, 40)}".` };
  const spec: { fields: Record<string, string>; standard?: string } = DECISION_FORMS[decision.data];
  const read = readInputs(data, [...Object.values(spec.fields), ...(spec.standard ? [spec.standard] : [])]);
  if (!read.ok) return read;
  const input = Object.fromEntries(
    Object.entries(spec.fields).map(([field, id]) => [field, read.values[id]!]),
  );
  const typed = Object.fromEntries(Object.values(spec.fields).map((id) => [id, read.values[id]!]));
  return {
    ok: true,
    action: {
      verb: decision.data,
      caseNumber,
      version: versionOf(data),
      input,
      standard: spec.standard ? read.values[spec.standard]! : '',
      typed,
    },
  };
}
