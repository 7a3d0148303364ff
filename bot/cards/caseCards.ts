import type { CaseView } from '../domain/cases/caseAccess';
import type { CaseRecord, CaseState, CaseTransition } from '../domain/cases/caseModel';
import { isSubmitter, submitterName } from '../domain/cases/submitterName';
import { submitterView } from '../domain/cases/submitterView';
import { INTAKE_FORM, fieldById, type Answers } from '../domain/form/intakeForm';
import { displayAnswer } from '../domain/form/validation';
import type { Lang } from '../domain/i18n/language';
import { messages, routingMessages, type RoutingMessages } from '../domain/i18n/messages';
import { FORUMS, forumByValue } from '../domain/partnership';
import type { InputError } from '../domain/routing/decisions';
import type { Justification } from '../domain/routing/justifications';
import {
  LIMITS,
  currentForum,
  openInfoRequest,
  routingOf,
  BEFORE_ROUTING,
} from '../domain/routing/routingModel';
import { formatDate } from '../domain/time';
import { isWebSubmitter } from '../domain/webIntake/webSubmitter';
import { cardBytes, expandCard } from './cardTemplates';
import { FORM_INPUT_IDS, JUSTIFICATION_FORM_IDS, type JustificationForm } from './caseCardContract';
import { tabDeepLink } from './tabDeepLink';
import { verbatim } from './verbatim';

/** Teams refuses a message over about 28 KB; above this the texts on the card are shortened. */
export const MAX_CARD_BYTES = 24_000;
const PREVIEW_CHARS = 280;
/** The last resort: every text this short, and only the latest entries of each list. */
const SHORT_CHARS = 100;
const LAST_ENTRIES = 8;
/** A standard justification is offered by its beginning; "use and edit" brings the whole text. */
const CHOICE_CHARS = 120;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/** Who is looking at the card: decides which actions the card offers (the server decides again on click). */
export interface CaseViewer {
  lang: Lang;
  secretariat: boolean;
  ssuLeadership: boolean;
  /** Leads the forum that has the case now (its leader or deputy). */
  forumLeadership: boolean;
  submitter: boolean;
  /** How much of the case they see (bot/domain/cases/caseAccess.ts). */
  view: CaseView;
}

export type NoticeKind =
  'denied' | 'stale' | 'outdated' | 'conflict' | 'alreadyApplied' | 'applied' | 'invalid' | 'notFound';

/** A form shown open on the card (a ShowCard cannot be opened by the server), its text prefilled. */
export interface EditForm {
  form: JustificationForm;
  /** The standard justification picked (its id), kept selected. */
  standard?: string;
  /** Put into the form's text box, to be edited before it is sent. */
  text: string;
}

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
  /** The app's id in Teams (TEAMS_APP_ID): the card then links to the case in the tab. */
  teamsAppId?: string;
  /** The measures of the committees' plans the case led to: their texts, no ids. */
  measures?: readonly CaseCardMeasure[];
}

/** A measure the case is linked to, as the card names it. */
export interface CaseCardMeasure {
  committeeName: string;
  text: string;
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

/** The beginning of a long text, marked with " …" where it was cut. */
export function preview(text: string, max = PREVIEW_CHARS): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max).join('') + ' …' : text;
}

/** The latest `n` of a list, and how many earlier ones were left out. */
function latest<T>(items: readonly T[], n: number | undefined): { shown: T[]; left: number } {
  if (n === undefined || items.length <= n) return { shown: [...items], left: 0 };
  return { shown: items.slice(items.length - n), left: items.length - n };
}

/** What of the case the viewer sees: everything, or the submitter's own view (no proposal, no approvals). */
function shownParts(record: CaseRecord, history: CaseTransition[], view: CaseView) {
  if (view === 'full') {
    const routing = routingOf(record);
    return {
      ...routing,
      history: history as {
        at: string;
        by: { name: string };
        event?: string;
        to: CaseState;
        forum?: string;
      }[],
    };
  }
  const own = submitterView(record, history);
  return {
    proposal: undefined,
    forumChain: own.forumChain,
    infoRequests: own.infoRequests,
    returned: own.returned,
    withdrawn: own.withdrawn,
    outcome: own.outcome,
    history: own.history,
  };
}

function answerList(record: CaseRecord, lang: Lang, shorten: number | undefined) {
  const m = messages(lang);
  return INTAKE_FORM.flatMap((section) =>
    section.fields.map((field) => {
      const shown = displayAnswer(field, record.answers[field.id], lang);
      const value = shown === undefined || shown === '' ? m.notAnswered : shown;
      return {
        label: `${section.number}. ${field.label[lang]}`,
        value: verbatim(shorten ? preview(value, shorten) : value),
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

/** The submitter as the form names them, with the Teams identity beside it where the two differ. */
function submitterText(record: CaseRecord, r: RoutingMessages): string {
  const { name, teamsName } = submitterName(record);
  return teamsName ? r.submitterWithTeams(name, teamsName) : name;
}

/** Where the case stands, said as a fact, for a viewer with no step of their own to take. */
function standingText(record: CaseRecord, lang: Lang): string {
  const r = routingMessages(lang);
  const routing = routingOf(record);
  switch (record.state) {
    case 'submitted':
    case 'routing_proposed':
      return r.standing[record.state];
    case 'routed':
      return r.standing.routed(forumLabel(currentForum(record), lang));
    case 'decided':
      return r.standing.decided(
        formatDate(routing.outcome ? `${routing.outcome.meetingDate}T12:00:00Z` : record.updatedAt, lang),
      );
    case 'returned':
      return r.standing.returned(formatDate(routing.returned?.at ?? record.updatedAt, lang));
    case 'withdrawn':
      return ''; // the card already says when the submitter withdrew it
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
    outcome: (viewer.secretariat || viewer.forumLeadership) && record.state === 'routed',
    forward: (viewer.secretariat || viewer.forumLeadership) && record.state === 'routed',
    withdraw: viewer.submitter && before,
    replyInfo: viewer.submitter && before && openInfoRequest(record) !== undefined,
  };
}

/**
 * The case card: the essentials, the routing so far, the history, and the actions of the viewer's
 * role. Rendered from storage every time (send, refresh, after a click). User text (title, answers,
 * comments, names) goes only into TextRuns through verbatim(), so it reads exactly as typed. Whatever
 * people typed, the card stays under Teams' size limit: long texts are shortened step by step, then
 * only the latest entries of each list are kept, with a note that the whole case is in the tab.
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
  const shown = shownParts(record, history, viewer.view);
  const date = (iso: string) => formatDate(iso, lang);
  const can = actionsFor(record, viewer);
  const actorName = (by: { id?: string; name: string }) =>
    isSubmitter(record, by) ? submitterText(record, r) : by.name;
  const anyAction = Object.values(can).some(Boolean);

  const proposal = shown.proposal;
  const showProposal =
    proposal !== undefined && ['routing_proposed', 'routed', 'decided'].includes(record.state);
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

  /**
   * Level 0: everything in full; 1: the answers shortened; 2: the routing texts too; 3: every text
   * short and only the latest entries of each list (Teams' size limit).
   */
  const build = (level: 0 | 1 | 2 | 3) => {
    const cut = level >= 3 ? SHORT_CHARS : level >= 2 ? PREVIEW_CHARS : undefined;
    const t = (text: string) => verbatim(cut ? preview(text, cut) : text);
    const keep = level >= 3 ? LAST_ENTRIES : undefined;
    const chain = latest(shown.forumChain, keep);
    const info = latest(shown.infoRequests, keep);
    const approvals = latest(proposal?.approvals ?? [], keep);
    const past = latest(shown.history, keep);
    const measures = latest(opts.measures ?? [], keep);
    const justifications = latest(opts.justifications ?? [], level >= 3 ? 3 * LAST_ENTRIES : undefined);
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
          value: t(submitterText(record, r) || r.none),
        },
        {
          label: r.facts.organisation,
          value: t(answerText(record.answers, 'organisation', lang, r.none)),
        },
        { label: r.facts.urgency, value: t(answerText(record.answers, 'urgency', lang, r.none)) },
        {
          label: r.facts.priorityGroups,
          value: t(answerText(record.answers, 'priorityGroups', lang, r.none)),
        },
        {
          label: r.facts.agreementParts,
          value: t(answerText(record.answers, 'agreementParts', lang, r.none)),
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
          ? t(r.proposedForum(forumLabel(proposal.forum, lang), proposal.by.name, date(proposal.at)))
          : '',
        comment: proposal ? t(proposal.comment) : '',
        approvalsLine:
          proposal && record.state === 'routing_proposed'
            ? r.approvals(proposal.approvals.length, opts.approvalsRequired)
            : '',
        approvals: approvals.shown.map((a) => ({
          line: t(r.approvedBy(a.by.name, date(a.at))),
          comment: a.comment ? t(a.comment) : '',
        })),
      },
      chain: {
        show: shown.forumChain.length > 0,
        heading: r.chainHeading,
        steps: chain.shown.map((s) => ({
          line: (s.kind === 'routed' ? r.chainRouted : r.chainForwarded)(
            date(s.at),
            forumLabel(s.forum, lang),
          ),
          reason: t(s.reason),
        })),
      },
      info: {
        show: shown.infoRequests.length > 0,
        heading: r.infoHeading,
        items: info.shown.map((q) => ({
          questionLabel: r.infoQuestion(q.n, date(q.askedAt)),
          question: t(q.question),
          replyLabel: q.reply !== undefined && q.repliedAt ? r.infoReply(date(q.repliedAt)) : '',
          reply: q.reply !== undefined ? t(q.reply) : '',
          waiting: q.reply === undefined ? r.infoWaiting : '',
        })),
      },
      returned: {
        show: shown.returned !== undefined,
        heading: r.returnedHeading,
        text: shown.returned ? t(shown.returned.justification) : '',
      },
      withdrawn: shown.withdrawn ? r.withdrawnText(date(shown.withdrawn.at)) : '',
      withdrawnReason: {
        label: r.withdrawnReason,
        text: shown.withdrawn?.comment ? t(shown.withdrawn.comment) : '',
      },
      outcome: {
        show: shown.outcome !== undefined,
        heading: r.outcomeHeading,
        meeting: shown.outcome
          ? t(r.outcomeFacts(date(`${shown.outcome.meetingDate}T12:00:00Z`), shown.outcome.forumCaseNumber))
          : '',
        decision: shown.outcome ? t(shown.outcome.decision) : '',
        minutesTitle: r.openMinutes,
        minutesUrl: shown.outcome?.minutesUrl ?? '',
      },
      measures: {
        show: measures.shown.length > 0,
        heading: r.measuresHeading,
        items: measures.shown.map((x) => ({ committee: t(x.committeeName), text: t(x.text) })),
      },
      historyHeading: r.historyHeading,
      history: [
        ...(past.left > 0 ? [r.historyLeftOut(past.left)] : []),
        ...past.shown.map((h) =>
          t(
            `${date(h.at)} ${actorName(h.by)}: ${r.events[h.event ?? h.to] ?? m.stateLabels[h.to]}${
              h.forum ? ` (${forumLabel(h.forum, lang)})` : ''
            }`,
          ),
        ),
      ],
      shortened: level >= 2 ? r.shortened : '',
      viewOnly: anyAction ? '' : standingText(record, lang),
      can,
      // verbatim() here too: the handler undoes it on what comes back (see caseCardContract).
      inputs: {
        ...Object.fromEntries(FORM_INPUT_IDS.map((id) => [id, ''])),
        ...Object.fromEntries(
          Object.entries(opts.inputs ?? {}).map(([k, v]) => [k, verbatim(preview(v, TEXT_BOX_CHARS))]),
        ),
      },
      edit: edit
        ? {
            form: edit.form,
            heading: r.actions[edit.form],
            standardId: JUSTIFICATION_FORM_IDS[edit.form].standard,
            standard: edit.standard ?? '',
            inputId: JUSTIFICATION_FORM_IDS[edit.form].text,
            label: edit.form === 'return' ? r.inputs.justification : r.inputs.comment,
            // What is in the box is what is sent: never more than the step takes.
            text: verbatim([...edit.text].slice(0, TEXT_BOX_CHARS).join('')),
            confirm: r.confirm[edit.form],
            style: edit.form === 'return' ? 'destructive' : 'positive',
          }
        : { form: '' },
      forums: FORUMS.map((f) => ({ title: f.label[lang], value: f.value })),
      justifications: justifications.shown.map((j, i) => ({
        title: verbatim(`${justifications.left + i + 1}. ${preview(j.text[lang], CHOICE_CHARS)}`),
        value: j.id,
      })),
      tabLink: {
        title: r.openInTab,
        url: opts.teamsAppId ? tabDeepLink(opts.teamsAppId, { kind: 'case', number: record.number }) : '',
      },
      answersNote: level >= 1 ? r.shortened : '',
      answers: answerList(record, lang, level >= 3 ? SHORT_CHARS : level >= 1 ? PREVIEW_CHARS : undefined),
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
  for (const level of [0, 1, 2] as const) {
    const card = build(level);
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  }
  return build(3);
}

/** The longest text a step's box takes (what is longer could not be sent anyway). */
const TEXT_BOX_CHARS = Math.max(LIMITS.comment, LIMITS.justification);

/** The answer to anyone who may not see a case: the same whether it exists or not, naming nothing of it. */
export function noAccessCard(lang: Lang): Record<string, unknown> {
  return caseMessageCard({ caseNumber: '', heading: routingMessages(lang).notices.noAccess, blocks: [] });
}

/** A notification as a card: a heading, the case title, quoted texts (verbatim), an optional link or reply field. */
export function caseMessageCard(opts: {
  caseNumber: string;
  /** The case's version the message was written at (its reply is checked against it). */
  version?: number;
  heading: string;
  title?: string;
  blocks: { label?: string; text: string }[];
  link?: { title: string; url: string };
  reply?: { label: string; confirm: string; error: string };
  /** TEAMS_APP_ID given: the card opens the case in the tab, as the case card does; absent: no such link. */
  tabLink?: { title: string; teamsAppId: string };
}): Record<string, unknown> {
  return expandCard('case-message', {
    caseNumber: opts.caseNumber,
    version: opts.version ?? '',
    heading: opts.heading,
    title: opts.title ? verbatim(opts.title) : '',
    blocks: opts.blocks.map((b) => ({ label: b.label ?? '', text: verbatim(b.text) })),
    link: opts.link ? { show: true, ...opts.link } : { show: false, title: '', url: '' },
    reply: opts.reply ? { show: true, ...opts.reply } : { show: false, label: '', confirm: '', error: '' },
    tabLink: {
      title: opts.tabLink?.title ?? '',
      url:
        opts.tabLink && opts.caseNumber
          ? tabDeepLink(opts.tabLink.teamsAppId, { kind: 'case', number: opts.caseNumber })
          : '',
    },
  });
}
