import { caseMessageCard } from '../cards/caseCards';
import { readAllPages } from '../domain/cases/caseList';
import type { CaseRecord, CaseTransition } from '../domain/cases/caseModel';
import type { CaseRepository } from '../domain/cases/caseRepository';
import type { Lang } from '../domain/i18n/language';
import { routingMessages } from '../domain/i18n/messages';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import {
  CHANNEL_RECIPIENT,
  forumOfRecipient,
  forumRecipient,
  personOfRecipient,
  personRecipient,
  unreachedMarkId,
  type NotificationRecord,
} from '../domain/notifications/notificationModel';
import { forumByValue } from '../domain/partnership';
import type { CaseEffects } from '../domain/routing/caseService';
import { currentForum, openInfoRequest, routingOf } from '../domain/routing/routingModel';
import { osloDate, workingDaysBetween } from '../domain/routing/workingDays';
import { formatDate } from '../domain/time';
import { isWebSubmitter } from '../domain/webIntake/webSubmitter';
import type { Logger } from '../logger';
import { CaseViews, SECRETARIAT_ROLES, SSU_ROLES } from './caseViews';
import type { NotificationRenderer } from './notificationRenderer';
import type { NewNotification, Outbox } from './outbox';
import { cardMessage } from './outgoing';

export interface CaseNotifierDeps {
  cases: CaseRepository;
  refs: ConversationRefRepository;
  views: CaseViews;
  /** Each person's language; the outbox renders and addresses through the same renderer. */
  renderer: NotificationRenderer;
  outbox: Outbox;
  /** Whether the secretariat's team channel is configured (a new case is posted there too). */
  hasChannel: boolean;
  /** TEAMS_APP_ID: every notice links to the case in the tab, as the case card does; absent: no such link. */
  teamsAppId?: string;
  reminderWorkingDays: number;
  now: () => Date;
  log: Logger;
}

/**
 * Who hears of what: the secretariat gets each new case as a card (1:1 and the channel), the SSU
 * leadership gets each proposal, the forum's leadership each case routed or forwarded to it, the submitter a message at every step, and every sent copy of the
 * case's card is updated to the case's current state after each step.
 */
export class CaseNotifier implements CaseEffects {
  constructor(private readonly deps: CaseNotifierDeps) {}

  /** People holding the roles who can be reached (have a 1:1 chat with the bot). */
  private async reachable(roles: typeof SECRETARIAT_ROLES): Promise<string[]> {
    const result: string[] = [];
    for (const personId of await this.deps.views.holders(roles)) {
      if (await this.deps.refs.lookup(personId)) result.push(personId);
    }
    return result;
  }

  /**
   * The forum that has the case now gets it: its leadership's live card in their 1:1 chat. When none
   * of them can be reached (nobody holds the roles, or nobody has the app), that is recorded for
   * `varsel` as delivered to nobody, and the secretariat is told, once per case and forum.
   */
  private async toForumLeadership(record: CaseRecord, forum: string, items: NewNotification[]) {
    const leaders = await this.deps.views.forumLeaders(forum);
    const reached: string[] = [];
    for (const personId of leaders) if (await this.deps.refs.lookup(personId)) reached.push(personId);
    for (const personId of reached) {
      items.push(this.cardFor(record, personRecipient(personId), `case card → ${forum} leadership`));
    }
    if (reached.length > 0) return;
    await this.deps.outbox.recordUnreached({
      id: unreachedMarkId(forum),
      caseNumber: record.number,
      kind: 'message',
      recipient: forumRecipient(forum),
      label: `case card → ${forum} leadership`,
    });
    for (const personId of await this.reachable(SECRETARIAT_ROLES)) {
      const lang = await this.deps.renderer.langOf(personId, 'nn');
      const r = routingMessages(lang);
      const text = r.notify.forumUnreached(record.number, forumByValue(forum)?.label[lang] ?? forum);
      items.push({
        id: `unreached|${forum}|${personRecipient(personId)}`,
        caseNumber: record.number,
        kind: 'message',
        recipient: personRecipient(personId),
        label: `nobody reached in ${forum} → secretariat`,
        activity: cardMessage(
          this.notice(lang, { caseNumber: record.number, heading: text, title: record.title, blocks: [] }),
          text,
        ),
      });
    }
  }

  /**
   * A case's live card reached someone: if they lead the forum the case is routed to, and the case
   * was marked as delivered to nobody there, the mark is cleared. Called by the outbox after the send.
   */
  async cardDelivered(n: NotificationRecord): Promise<void> {
    const personId = personOfRecipient(n.recipient);
    if (!personId) return;
    const record = await this.deps.cases.get(n.caseNumber);
    const forum = record && record.state === 'routed' ? currentForum(record) : undefined;
    if (!record || !forum) return;
    const leads = async () => (await this.deps.views.forumLeaders(forum)).includes(personId);
    if (await this.deps.outbox.clearUnreached(record.number, unreachedMarkId(forum), leads)) {
      this.deps.log.info('notification.unreached_cleared', { case: record.number, forum });
    }
  }

  /**
   * The person can be reached now (they opened the chat with the bot, or were given a role): each
   * routed case that reached nobody in the leadership of a forum they lead is sent to them, as
   * toForumLeadership would have. Its mark goes once that card is delivered (cardDelivered).
   */
  async toWaitingForums(personId: string): Promise<void> {
    await this.safely('waiting forums', '', async () => {
      const marks = (await this.deps.outbox.listUndelivered()).filter(
        (n) => n.status === 'undeliverable' && forumOfRecipient(n.recipient) !== undefined,
      );
      if (marks.length === 0 || !(await this.deps.refs.lookup(personId))) return;
      const items: NewNotification[] = [];
      const leads = new Map<string, boolean>();
      for (const mark of marks) {
        const forum = forumOfRecipient(mark.recipient)!;
        if (!leads.has(forum))
          leads.set(forum, (await this.deps.views.forumLeaders(forum)).includes(personId));
        if (!leads.get(forum)) continue;
        const record = await this.deps.cases.get(mark.caseNumber);
        if (record?.state !== 'routed' || currentForum(record) !== forum) continue;
        items.push(this.cardFor(record, personRecipient(personId), `case card → ${forum} leadership`));
      }
      await this.deps.outbox.enqueue(items);
    });
  }

  /** A notice about a case, with "Opne i fana" in the reader's language where the case card has it too. */
  private notice(lang: Lang, opts: Parameters<typeof caseMessageCard>[0]): Record<string, unknown> {
    const teamsAppId = this.deps.teamsAppId;
    return caseMessageCard({
      ...opts,
      ...(teamsAppId ? { tabLink: { title: routingMessages(lang).openInTab, teamsAppId } } : {}),
    });
  }

  private cardFor(record: CaseRecord, recipient: string, what: string): NewNotification {
    return { id: `card|${recipient}`, caseNumber: record.number, kind: 'caseCard', recipient, label: what };
  }

  /**
   * The step is stored whatever happens here: a storage hiccup while queueing notifications is logged
   * and must not turn the person's successful decision into an error (reminders bring the case up).
   */
  /** Queues; a failure is logged and reported as false, and the step's "to notify" mark stays. */
  private async safely(what: string, caseNumber: string, work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      this.deps.log.error('notification.queue_failed', {
        what,
        case: caseNumber,
        error: (error as Error).message,
      });
      return false;
    }
  }

  caseSubmitted(record: CaseRecord): Promise<boolean> {
    return this.safely('submitted', record.number, () => this.queueSubmitted(record));
  }

  afterTransition(record: CaseRecord, entry: CaseTransition): Promise<boolean> {
    return this.safely(entry.event ?? entry.to, record.number, () => this.queueTransition(record, entry));
  }

  private async queueSubmitted(record: CaseRecord): Promise<void> {
    const items: NewNotification[] = [];
    for (const personId of await this.reachable(SECRETARIAT_ROLES)) {
      items.push(this.cardFor(record, personRecipient(personId), 'new case → secretariat'));
    }
    if (this.deps.hasChannel) items.push(this.cardFor(record, CHANNEL_RECIPIENT, 'new case → channel'));
    // The submitter's own copy of the live card: it follows the case and offers withdrawal. A web
    // submitter has no Teams chat (their status link is their channel), so nothing is queued for them.
    if (!isWebSubmitter(record.submitter))
      items.push(this.cardFor(record, personRecipient(record.submitter.id), 'case card → submitter'));
    await this.deps.outbox.enqueue(items);
  }

  private async queueTransition(record: CaseRecord, entry: CaseTransition): Promise<void> {
    const items: NewNotification[] = [];
    const submitter = personRecipient(record.submitter.id);
    const message = async (recipient: string, what: string, build: (lang: Lang) => Note) => {
      const personId = personOfRecipient(recipient);
      if (personId && isWebSubmitter({ id: personId })) return; // no Teams chat: see queueSubmitted
      const lang = personId ? await this.deps.renderer.langOf(personId, record.submitter.lang) : 'nn';
      const { card, summary } = build(lang);
      items.push({
        id: `msg|${String(entry.seq).padStart(4, '0')}|${recipient}`,
        caseNumber: record.number,
        kind: 'message',
        recipient,
        label: what,
        activity: cardMessage(card, summary),
      });
    };
    const routing = routingOf(record);
    const forum = (lang: Lang) => {
      const value = entry.forum ?? currentForum(record);
      return value ? (forumByValue(value)?.label[lang] ?? value) : '';
    };

    switch (entry.event) {
      case 'routing_proposed':
      case 'routing_changed':
        for (const personId of await this.reachable(SSU_ROLES)) {
          items.push(this.cardFor(record, personRecipient(personId), 'proposal → SSU leadership'));
        }
        break;
      case 'routed': {
        const routedForum = entry.forum ?? currentForum(record);
        if (routedForum) await this.toForumLeadership(record, routedForum, items);
        // The secretariat's justification (when the case went where it proposed), and the SSU
        // leadership's comments on the way (required when they chose another forum).
        const history = await this.deps.cases.history(record.number);
        const proposed = history.findLastIndex((h) => h.event === 'routing_proposed');
        const proposal = history[proposed];
        const routedTo = entry.forum ?? currentForum(record);
        const secretariatReason = proposal && proposal.forum === routedTo ? (proposal.comment ?? '') : '';
        const ssuComment = [
          ...new Set(
            history
              .slice(proposed + 1)
              .filter((h) => ['routing_approved', 'routing_changed', 'routed'].includes(h.event ?? ''))
              .map((h) => h.comment ?? '')
              .filter((c) => c !== '' && c !== secretariatReason),
          ),
        ].join('\n\n');
        await message(submitter, 'routed → submitter', (lang) => {
          const r = routingMessages(lang);
          return note(
            this.notice(lang, {
              caseNumber: record.number,
              heading: r.notify.routed(record.number, forum(lang)),
              title: record.title,
              blocks: [
                ...(secretariatReason
                  ? [{ label: r.notify.secretariatReasonLabel, text: secretariatReason }]
                  : []),
                ...(ssuComment ? [{ label: r.notify.ssuCommentLabel, text: ssuComment }] : []),
              ],
            }),
            r.notify.routed(record.number, forum(lang)),
          );
        });
        break;
      }
      case 'forwarded':
        if (entry.forum) await this.toForumLeadership(record, entry.forum, items);
        await message(submitter, 'forwarded → submitter', (lang) => {
          const r = routingMessages(lang);
          return note(
            this.notice(lang, {
              caseNumber: record.number,
              heading: r.notify.forwarded(record.number, forum(lang)),
              title: record.title,
              blocks: [{ label: r.notify.reasonLabel, text: entry.comment ?? '' }],
            }),
            r.notify.forwarded(record.number, forum(lang)),
          );
        });
        break;
      case 'returned':
        await message(submitter, 'returned → submitter', (lang) => {
          const r = routingMessages(lang);
          return note(
            this.notice(lang, {
              caseNumber: record.number,
              heading: r.notify.returned(record.number),
              title: record.title,
              blocks: [{ label: r.notify.reasonLabel, text: routing.returned?.justification ?? '' }],
            }),
            r.notify.returned(record.number),
          );
        });
        break;
      case 'info_requested': {
        const question = openInfoRequest(record)?.question ?? entry.comment ?? '';
        await message(submitter, 'question → submitter', (lang) => {
          const r = routingMessages(lang);
          return note(
            this.notice(lang, {
              caseNumber: record.number,
              version: record.historyCount,
              heading: r.notify.infoRequested(record.number),
              title: record.title,
              blocks: [{ text: question }],
              reply: { label: r.inputs.reply, confirm: r.confirm.replyInfo, error: r.inputs.requiredField },
            }),
            r.notify.infoRequested(record.number),
          );
        });
        break;
      }
      case 'info_added': {
        const answered = routing.infoRequests.filter((q) => q.reply !== undefined).at(-1);
        if (answered && (await this.deps.refs.lookup(answered.askedBy.id))) {
          await message(personRecipient(answered.askedBy.id), 'reply → secretariat', (lang) => {
            const r = routingMessages(lang);
            return note(
              this.notice(lang, {
                caseNumber: record.number,
                heading: r.notify.infoAdded(record.number),
                title: record.title,
                blocks: [
                  {
                    label: r.infoQuestion(answered.n, formatDate(answered.askedAt, lang)),
                    text: answered.question,
                  },
                  {
                    label: r.infoReply(formatDate(answered.repliedAt ?? entry.at, lang)),
                    text: answered.reply ?? '',
                  },
                ],
              }),
              r.notify.infoAdded(record.number),
            );
          });
        }
        break;
      }
      case 'outcome_registered': {
        const outcome = routing.outcome;
        if (!outcome) break;
        await message(submitter, 'outcome → submitter', (lang) => {
          const r = routingMessages(lang);
          return note(
            this.notice(lang, {
              caseNumber: record.number,
              heading: r.notify.outcome(record.number, forum(lang)),
              title: record.title,
              blocks: [
                {
                  label: r.notify.outcomeMeeting(
                    formatDate(`${outcome.meetingDate}T12:00:00Z`, lang),
                    outcome.forumCaseNumber,
                  ),
                  text: outcome.decision,
                },
              ],
              link: { title: r.openMinutes, url: outcome.minutesUrl },
            }),
            r.notify.outcome(record.number, forum(lang)),
          );
        });
        break;
      }
      default:
        break;
    }
    await this.deps.outbox.enqueue(items);
    await this.deps.outbox.updateCaseCards(record.number, entry.seq);
  }

  /**
   * Cases left untouched in `submitted` (secretariat) or `routing_proposed` (SSU leadership) for the
   * configured number of working days are brought up again, at most once a day per case and person
   * (the reminder's id holds the Oslo date). A case waiting for the submitter's reply is not nagged about.
   * What decides is read from the state's list rows (number, title, last change); a case is opened
   * only once it has waited long enough, to see whether it waits for a reply.
   */
  async remind(at: Date = this.deps.now()): Promise<number> {
    const items: NewNotification[] = [];
    const day = osloDate(at);
    for (const state of ['submitted', 'routing_proposed'] as const) {
      const waiting = await readAllPages((after) =>
        this.deps.cases.listPage({
          sources: [{ kind: 'all' }],
          state,
          limit: REMINDER_PAGE_SIZE,
          ...(after ? { after } : {}),
        }),
      );
      // Oldest first: the case that has waited longest is brought up first.
      const due = waiting
        .filter((entry) => workingDaysBetween(new Date(entry.updatedAt), at) >= this.deps.reminderWorkingDays)
        .reverse();
      if (due.length === 0) continue;
      const roles = state === 'submitted' ? SECRETARIAT_ROLES : SSU_ROLES;
      const people: { personId: string; lang: Lang }[] = [];
      for (const personId of await this.reachable(roles)) {
        people.push({ personId, lang: await this.deps.renderer.langOf(personId, 'nn') });
      }
      if (people.length === 0) continue;
      for (const entry of due) {
        const record = await this.deps.cases.get(entry.number);
        // The case itself decides: it may have moved on since its list row was read.
        if (!record || record.state !== state || openInfoRequest(record)) continue;
        const days = workingDaysBetween(new Date(record.updatedAt), at);
        if (days < this.deps.reminderWorkingDays) continue;
        for (const { personId, lang } of people) {
          const recipient = personRecipient(personId);
          const r = routingMessages(lang);
          const text =
            state === 'submitted'
              ? r.notify.reminderSecretariat(record.number, days)
              : r.notify.reminderSsu(record.number, days);
          items.push({
            id: `remind|${day}|${recipient}`,
            caseNumber: record.number,
            kind: 'message',
            recipient,
            label: `reminder (${state})`,
            activity: cardMessage(
              this.notice(lang, {
                caseNumber: record.number,
                heading: text,
                title: record.title,
                blocks: [],
              }),
              text,
            ),
          });
        }
      }
    }
    await this.deps.outbox.enqueue(items);
    return items.length;
  }
}

/** Cases read per page of a state's list rows (the storage service's own page size). */
const REMINDER_PAGE_SIZE = 1000;

interface Note {
  card: Record<string, unknown>;
  summary: string;
}

/** A message card with the line Teams shows in the chat list and notifications. */
function note(card: Record<string, unknown>, summary: string): Note {
  return { card, summary };
}
