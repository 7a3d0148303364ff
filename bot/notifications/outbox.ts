import type { Activity, ConversationReference } from 'botbuilder';
import type { Logger } from '../logger';
import type { Delivery } from './botDelivery';
import { DeliveryError } from './botDelivery';
import type { NotificationRecord, NotificationRepository } from './notificationModel';

export interface RetryPolicy {
  /** Attempts in one delivery run, spaced by exponential backoff with jitter. */
  immediateAttempts: number;
  /** First backoff between immediate attempts (ms); doubles each time. */
  baseDelayMs: number;
  /** After this many attempts in all, a notification is given up ('undeliverable'), still listed. */
  maxAttempts: number;
  /** First wait before the sweep tries a failed notification again (ms); doubles per failed run. */
  retryAfterMs: number;
}

export type NewNotification = Pick<
  NotificationRecord,
  'id' | 'caseNumber' | 'kind' | 'recipient' | 'label' | 'activity'
>;

export interface OutboxDeps {
  repo: NotificationRepository;
  delivery: Delivery;
  /** Where a recipient is reached; undefined if they have no conversation with the bot (yet). */
  resolve(recipient: string): Promise<Partial<ConversationReference> | undefined>;
  /** The activity of a 'caseCard' notification, rendered from storage for its recipient. */
  renderCard(n: NotificationRecord): Promise<Partial<Activity> | undefined>;
  retry: RetryPolicy;
  now: () => Date;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const LEASE_MS = 2 * 60_000;

/**
 * Stores notifications before sending them and delivers them in the background, one recipient at a
 * time in the order they were queued. A failed send is retried with backoff and jitter; what still
 * fails is recorded ('failed', retried by the sweep; 'undeliverable' after maxAttempts) for the
 * secretariat to see. Sending never blocks the turn that caused it.
 */
export class Outbox {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Stores each notification (once per id) and starts delivering the new ones. */
  async enqueue(items: NewNotification[]): Promise<void> {
    const createdAt = this.deps.now().toISOString();
    for (const item of items) {
      const record: NotificationRecord = { ...item, status: 'pending', attempts: 0, createdAt };
      if (await this.deps.repo.add(record)) {
        this.schedule(record.recipient, () => this.deliver(record.caseNumber, record.id));
      }
    }
  }

  /** Updates every sent copy of the case's card in place, each rendered anew for its recipient. */
  async updateCaseCards(caseNumber: string): Promise<void> {
    const copies = (await this.deps.repo.listByCase(caseNumber)).filter(
      (n) => n.kind === 'caseCard' && n.status === 'sent' && n.activityId,
    );
    for (const copy of copies) {
      this.schedule(copy.recipient, async () => {
        const reference = await this.deps.resolve(copy.recipient);
        const activity = await this.deps.renderCard(copy);
        if (!reference || !activity || !copy.activityId) return;
        try {
          await this.deps.delivery.update(reference, copy.activityId, activity);
        } catch (error) {
          // The copy stays as it was; the card's refresh and its "Refresh" button still show the current state.
          this.deps.log.warn('notification.card_update_failed', {
            case: caseNumber,
            notification: copy.id,
            status: error instanceof DeliveryError ? error.status : undefined,
          });
        }
      });
    }
  }

  /** Waits until every delivery started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /**
   * Tries again what is due: failed ones whose wait is over, pending ones nobody took, and sends whose
   * lease ran out (the server stopped mid-send). Returns how many were tried.
   */
  async sweep(at: Date = this.deps.now()): Promise<number> {
    const due = (await this.deps.repo.listUnsent()).filter((n) => {
      if (n.status === 'failed') return !n.nextAttemptAt || n.nextAttemptAt <= at.toISOString();
      if (n.status === 'sending') return !n.leaseUntil || n.leaseUntil <= at.toISOString();
      return true;
    });
    for (const n of due) this.schedule(n.recipient, () => this.deliver(n.caseNumber, n.id, at));
    await this.drain();
    return due.length;
  }

  listUndelivered(): Promise<NotificationRecord[]> {
    return this.deps.repo.listUndelivered();
  }

  private schedule(key: string, task: () => Promise<void>): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(task)
      .catch((error: unknown) =>
        this.deps.log.error('notification.task_failed', { error: (error as Error).message }),
      );
    this.chains.set(key, next);
    this.inflight.add(next);
    void next.finally(() => {
      this.inflight.delete(next);
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  private sleep(ms: number): Promise<void> {
    return this.deps.sleep ? this.deps.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Exponential backoff with full jitter. */
  private backoff(base: number, n: number): number {
    return Math.round(base * 2 ** n * (0.5 + Math.random() / 2));
  }

  private async deliver(caseNumber: string, id: string, at?: Date): Promise<void> {
    const { repo, retry, log } = this.deps;
    const current = await repo.get(caseNumber, id);
    if (!current || current.status === 'sent' || current.status === 'undeliverable') return;
    const now = at ?? this.deps.now();
    if (current.status === 'sending' && current.leaseUntil && current.leaseUntil > now.toISOString()) return;
    const claimed = await repo.claim(current, new Date(now.getTime() + LEASE_MS));
    if (!claimed) return; // someone else is sending it

    let record = claimed;
    for (let run = 0; run < retry.immediateAttempts && record.attempts < retry.maxAttempts; run++) {
      if (run > 0) await this.sleep(this.backoff(retry.baseDelayMs, run - 1));
      const result = await this.attempt(record);
      record = { ...record, attempts: record.attempts + 1 };
      if (result.ok) {
        const { lastError: _e, lastStatus: _s, nextAttemptAt: _n, leaseUntil: _l, ...rest } = record;
        await repo.save({
          ...rest,
          status: 'sent',
          sentAt: this.deps.now().toISOString(),
          ...(result.activityId ? { activityId: result.activityId } : {}),
          ...(result.conversationId ? { conversationId: result.conversationId } : {}),
        });
        return;
      }
      record = {
        ...record,
        lastError: result.error,
        ...(result.status !== undefined ? { lastStatus: result.status } : {}),
      };
      log.warn('notification.send_failed', {
        case: caseNumber,
        notification: id,
        status: result.status,
        attempt: record.attempts,
      });
      // A malformed activity (400) will not get better by trying again.
      if (result.status === 400) break;
    }
    const givenUp = record.attempts >= retry.maxAttempts || record.lastStatus === 400;
    const { leaseUntil: _l, ...rest } = record;
    const runs = Math.max(1, Math.ceil(record.attempts / Math.max(1, retry.immediateAttempts)));
    await repo.save({
      ...rest,
      status: givenUp ? 'undeliverable' : 'failed',
      ...(givenUp
        ? {}
        : {
            nextAttemptAt: new Date(
              this.deps.now().getTime() + this.backoff(retry.retryAfterMs, runs - 1),
            ).toISOString(),
          }),
    });
  }

  private async attempt(
    n: NotificationRecord,
  ): Promise<
    { ok: true; activityId?: string; conversationId?: string } | { ok: false; status?: number; error: string }
  > {
    try {
      const reference = await this.deps.resolve(n.recipient);
      if (!reference) return { ok: false, error: 'no conversation with this recipient' };
      const activity =
        n.kind === 'caseCard' ? await this.deps.renderCard(n) : (n.activity as Partial<Activity> | undefined);
      if (!activity) return { ok: false, status: 400, error: 'nothing to send' };
      const { activityId } = await this.deps.delivery.send(reference, activity);
      return {
        ok: true,
        ...(activityId ? { activityId } : {}),
        ...(reference.conversation?.id ? { conversationId: reference.conversation.id } : {}),
      };
    } catch (error) {
      const status = error instanceof DeliveryError ? error.status : undefined;
      return {
        ok: false,
        ...(status !== undefined ? { status } : {}),
        error: (error as Error).message.slice(0, 300),
      };
    }
  }
}
