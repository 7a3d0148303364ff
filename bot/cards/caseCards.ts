import type { CaseRecord, CaseState, CaseTransition } from '../domain/cases/caseModel';
import { INTAKE_FORM, fieldById, type Answers } from '../domain/form/intakeForm';
import { displayAnswer } from '../domain/form/validation';
import type { Lang } from '../domain/i18n/language';
import { messages, routingMessages, type RoutingMessages } from '../domain/i18n/messages';
import { FORUMS, forumByValue } from '../domain/partnership';
import type { InputError } from '../domain/routing/decisions';
import type { Justification } from '../domain/routing/justifications';
import { openInfoRequest, routingOf, BEFORE_ROUTING } from '../domain/routing/routingModel';
import { formatDate } from '../domain/time';
import { isWebSubmitter } from '../domain/webIntake/webSubmitter';
import { cardBytes, expandCard } from './cardTemplates';
import { verbatim } from './verbatim';

/** Teams refuses a message over about 28 KB; above this the answers on the card are shortened. */
const MAX_CARD_BYTES = 24_000;
const PREVIEW_CHARS = 280;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/** Who is looking at the card: decides which actions the card offers (the server decides again on click). */
export interface CaseViewer {
  lang: Lang;
  secretariat: boolean;
  ssuLeadership: boolean;
  submitter: boolean;
}

export type NoticeKind =
  'denied' | 'stale' | 'conflict' | 'alreadyApplied' | 'applied' | 'invalid' | 'notFound';

/** The forms where a standard justification can be picked and then edited on the card. */
export type JustificationForm = 'return' | 'propose';

/** A form shown open on the card (a ShowCard cannot be opened by the server), its text prefilled. */
export interface EditForm {
  form: JustificationForm;
  /** The standard justification picked (its id), kept selected. */
  standard?: string;
  /** Put into the form's text box, to be edited before it is sent. */
  text: string;
}

/** The ids of a justification form's inputs on the card (the handler reads the same ids). */
export const JUSTIFICATION_FORM_IDS: Record<JustificationForm, { standard: string; text: string }> = {
  return: { standard: 'returnStandard', text: 'justification' },
  propose: { standard: 'proposeStandard', text: 'proposeComment' },
};

/** Input ids on the case card whose value is bound from `inputs`: unbound, they would show "${...}". */
const INPUT_IDS = [
  'proposeForum',
  'proposeComment',
  'approveComment',
  'changeForum',
  'changeComment',
  'decision',
  'meetingDate',
  'forumCaseNumber',
  'minutesUrl',
  'forwardForum',
  'forwardComment',
  'question',
  'justification',
  'reply',
  'withdrawComment',
];

export interface CaseCardOptions {
  notice?: NoticeKind;
  /** A justification form shown open with its text prefilled (after "use and edit" was pressed). */
  edit?: EditForm;
  errors?: InputError[];
  /** What the person entered, shown again when the input was refused. */
  inputs?: Record<string, string>;
  justifications?: Justification[];
  /** Teams user ids (29:...) whose copy refreshes automatically to their own view. */
  refreshUserIds?: string[];
  approvalsRequired: number;
}

const STATE_STYLE: Record<CaseState, string> = {
  submitted: 'accent',
  routing_proposed: 'warning',
  routed: 'accent',
  decided: 'good',
  returned: 'attention',
  withdrawn: 'emphasis',
};

const forumLabel = (value: string | undefined, lang: Lang): string =>
  value ? (forumByValue(value)?.label[lang] ?? value) : '';

function answerText(answers: Answers, id: string, lang: Lang, none: string): string {
  const field = fieldById(id);
  if (!field) return none;
  const shown = displayAnswer(field, answers[field.id], lang);
  return shown === undefined || shown === '' ? none : shown;
}

function preview(text: string): string {
  const chars = [...text];
  return chars.length > PREVIEW_CHARS ? chars.slice(0, PREVIEW_CHARS).join('') + ' …' : text;
}

function answerList(record: CaseRecord, lang: Lang, shorten: boolean) {
  const m = messages(lang);
  return INTAKE_FORM.flatMap((section) =>
    section.fields.map((field) => {
      const shown = displayAnswer(field, record.answers[field.id], lang);
      const value = shown === undefined || shown === '' ? m.notAnswered : shown;
      return {
        label: `${section.number}. ${field.label[lang]}`,
        value: verbatim(shorten ? preview(value) : value),
      };
    }),
  );
}

export function inputErrorText(error: InputError, r: RoutingMessages): string {
  const labels: Record<string, string> = {
    forum: r.inputs.forum,
    comment: r.inputs.comment,
    justification: r.inputs.justification,
    question: r.inputs.question,
    reply: r.inputs.reply,
    decision: r.inputs.decision,
    meetingDate: r.inputs.meetingDate,
    forumCaseNumber: r.inputs.forumCaseNumber,
    minutesUrl: r.inputs.minutesUrl,
  };
  const label = labels[error.field] ?? error.field;
  switch (error.code) {
    case 'required':
      return r.errors.required(label);
    case 'tooLong':
      return r.errors.tooLong(label, error.max ?? 0);
    case 'forum':
      return r.errors.forum;
    case 'sameForum':
      return r.errors.sameForum;
    case 'url':
      return r.errors.url;
    case 'date':
      return r.errors.date;
    case 'nationalId':
      return r.errors.nationalId(label);
    case 'noOpenQuestion':
      return r.errors.noOpenQuestion;
  }
}

/** What the viewer may do in this state: only these actions are on their card. */
export function actionsFor(record: CaseRecord, viewer: CaseViewer) {
  const before = BEFORE_ROUTING.includes(record.state);
  return {
    propose: viewer.secretariat && before,
    return: viewer.secretariat && before,
    requestInfo: viewer.secretariat && before,
    approve: viewer.ssuLeadership && record.state === 'routing_proposed',
    changeForum: viewer.ssuLeadership && record.state === 'routing_proposed',
    outcome: viewer.secretariat && record.state === 'routed',
    forward: viewer.secretariat && record.state === 'routed',
    withdraw: viewer.submitter && before,
    replyInfo: viewer.submitter && before && openInfoRequest(record) !== undefined,
  };
}

/**
 * The case card: the essentials, the routing so far, the history, and the actions of the viewer's
 * role. Rendered from storage every time (send, refresh, after a click). User text (title, answers,
 * comments, names) goes only into TextRuns through verbatim(), so it reads exactly as typed.
 */
export function caseCard(
  record: CaseRecord,
  history: CaseTransition[],
  viewer: CaseViewer,
  opts: CaseCardOptions,
): Record<string, unknown> {
  const { lang } = viewer;
  const m = messages(lang);
  const r = routingMessages(lang);
  const routing = routingOf(record);
  const date = (iso: string) => formatDate(iso, lang);
  const can = actionsFor(record, viewer);
  const anyAction = Object.values(can).some(Boolean);

  const proposal = routing.proposal;
  const showProposal =
    proposal !== undefined && ['routing_proposed', 'routed', 'decided'].includes(record.state);
  const lastInfo = routing.infoRequests;
  const edit = opts.edit && can[opts.edit.form] ? opts.edit : undefined;

  const noticeStyle =
    opts.notice === 'applied' || opts.notice === 'alreadyApplied'
      ? 'good'
      : opts.notice === 'denied' || opts.notice === 'invalid' || opts.notice === 'notFound'
        ? 'attention'
        : 'warning';
  const notice =
    opts.notice === undefined
      ? ''
      : opts.notice === 'notFound'
        ? r.notices.notFound(record.number)
        : r.notices[opts.notice];

  /** Level 0: everything in full; 1: the answers shortened; 2: the routing texts too (Teams' size limit). */
  const build = (level: 0 | 1 | 2) => {
    const shorten = level >= 1;
    const t = (text: string) => verbatim(level >= 2 ? preview(text) : text);
    const card = expandCard('case-card', {
      caseNumber: record.number,
      version: record.historyCount,
      refreshUserIds: (opts.refreshUserIds ?? []).slice(0, MAX_REFRESH_USERS),
      heading: r.caseHeading(record.number),
      stateLabel: m.stateLabels[record.state],
      stateStyle: STATE_STYLE[record.state],
      title: t(record.title),
      notice,
      noticeStyle,
      noticeDetails: (opts.errors ?? []).map((e) => inputErrorText(e, r)),
      facts: [
        {
          label: r.facts.submitter,
          value: verbatim(record.submitter.name || answerText(record.answers, 'submitterName', lang, r.none)),
        },
        {
          label: r.facts.organisation,
          value: verbatim(answerText(record.answers, 'organisation', lang, r.none)),
        },
        { label: r.facts.urgency, value: verbatim(answerText(record.answers, 'urgency', lang, r.none)) },
        {
          label: r.facts.priorityGroups,
          value: verbatim(answerText(record.answers, 'priorityGroups', lang, r.none)),
        },
        {
          label: r.facts.agreementParts,
          value: verbatim(answerText(record.answers, 'agreementParts', lang, r.none)),
        },
        {
          label: r.facts.submitted,
          value: isWebSubmitter(record.submitter)
            ? `${date(record.submittedAt)} – ${r.facts.viaWebForm}`
            : date(record.submittedAt),
        },
      ],
      proposal: {
        show: showProposal,
        heading: r.proposalHeading,
        forumLine: proposal
          ? verbatim(r.proposedForum(forumLabel(proposal.forum, lang), proposal.by.name, date(proposal.at)))
          : '',
        comment: proposal ? t(proposal.comment) : '',
        approvalsLine:
          proposal && record.state === 'routing_proposed'
            ? r.approvals(proposal.approvals.length, opts.approvalsRequired)
            : '',
        approvals: (proposal?.approvals ?? []).map((a) => ({
          line: verbatim(r.approvedBy(a.by.name, date(a.at))),
          comment: a.comment ? t(a.comment) : '',
        })),
      },
      chain: {
        show: routing.forumChain.length > 0,
        heading: r.chainHeading,
        steps: routing.forumChain.map((s) => ({
          line: (s.kind === 'routed' ? r.chainRouted : r.chainForwarded)(
            date(s.at),
            forumLabel(s.forum, lang),
          ),
          reason: t(s.reason),
        })),
      },
      info: {
        show: lastInfo.length > 0,
        heading: r.infoHeading,
        items: lastInfo.map((q) => ({
          questionLabel: r.infoQuestion(q.n, date(q.askedAt)),
          question: t(q.question),
          replyLabel: q.reply !== undefined && q.repliedAt ? r.infoReply(date(q.repliedAt)) : '',
          reply: q.reply !== undefined ? t(q.reply) : '',
          waiting: q.reply === undefined ? r.infoWaiting : '',
        })),
      },
      returned: {
        show: routing.returned !== undefined,
        heading: r.returnedHeading,
        text: routing.returned ? t(routing.returned.justification) : '',
      },
      withdrawn: routing.withdrawn ? r.withdrawnText(date(routing.withdrawn.at)) : '',
      outcome: {
        show: routing.outcome !== undefined,
        heading: r.outcomeHeading,
        meeting: routing.outcome
          ? verbatim(
              r.outcomeFacts(
                date(`${routing.outcome.meetingDate}T12:00:00Z`),
                routing.outcome.forumCaseNumber,
              ),
            )
          : '',
        decision: routing.outcome ? t(routing.outcome.decision) : '',
        minutesTitle: r.openMinutes,
        minutesUrl: routing.outcome?.minutesUrl ?? '',
      },
      historyHeading: r.historyHeading,
      history: history.map((h) =>
        t(
          `${date(h.at)} ${h.by.name}: ${r.events[h.event ?? h.to] ?? m.stateLabels[h.to]}${
            h.forum ? ` (${forumLabel(h.forum, lang)})` : ''
          }`,
        ),
      ),
      viewOnly: anyAction ? '' : r.viewOnly,
      can,
      // verbatim() here too: the handler undoes it on what comes back (see caseCardActions).
      inputs: {
        ...Object.fromEntries(INPUT_IDS.map((id) => [id, ''])),
        ...Object.fromEntries(Object.entries(opts.inputs ?? {}).map(([k, v]) => [k, verbatim(v)])),
      },
      edit: edit
        ? {
            form: edit.form,
            heading: r.actions[edit.form],
            standardId: JUSTIFICATION_FORM_IDS[edit.form].standard,
            standard: edit.standard ?? '',
            inputId: JUSTIFICATION_FORM_IDS[edit.form].text,
            label: edit.form === 'return' ? r.inputs.justification : r.inputs.comment,
            // Never shortened: what is in the box is what is sent.
            text: verbatim(edit.text),
            confirm: r.confirm[edit.form],
            style: edit.form === 'return' ? 'destructive' : 'positive',
          }
        : { form: '' },
      forums: FORUMS.map((f) => ({ title: f.label[lang], value: f.value })),
      justifications: (opts.justifications ?? []).map((j, i) => ({
        title: `${i + 1}. ${j.text[lang]}`,
        value: j.id,
      })),
      answersNote: shorten ? m.summaryLong : '',
      answers: answerList(record, lang, shorten),
      labels: {
        refresh: r.actions.refresh,
        actions: r.actions,
        confirm: r.confirm,
        inputs: r.inputs,
        errors: { forum: r.errors.forum, required: r.inputs.requiredField },
        showAnswers: r.showAnswers,
        answersHeading: r.answersHeading,
      },
    });
    if (card.refresh === null || card.refresh === undefined) delete card.refresh;
    return card;
  };
  const full = build(0);
  if (cardBytes(full) <= MAX_CARD_BYTES) return full;
  const shorter = build(1);
  return cardBytes(shorter) <= MAX_CARD_BYTES ? shorter : build(2);
}

/** A notification as a card: a heading, the case title, quoted texts (verbatim), an optional link or reply field. */
export function caseMessageCard(opts: {
  caseNumber: string;
  heading: string;
  title?: string;
  blocks: { label?: string; text: string }[];
  link?: { title: string; url: string };
  reply?: { label: string; confirm: string; error: string };
}): Record<string, unknown> {
  return expandCard('case-message', {
    caseNumber: opts.caseNumber,
    heading: opts.heading,
    title: opts.title ? verbatim(opts.title) : '',
    blocks: opts.blocks.map((b) => ({ label: b.label ?? '', text: verbatim(b.text) })),
    link: opts.link ? { show: true, ...opts.link } : { show: false, title: '', url: '' },
    reply: opts.reply ? { show: true, ...opts.reply } : { show: false, label: '', confirm: '', error: '' },
  });
}
