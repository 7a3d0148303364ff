import type { Logger } from '../logger';
import type { Delivery } from './botDelivery';
import { DeliveryError } from './botDelivery';
import type { NotificationRecord, NotificationRepository } from '../domain/notifications/notificationModel';
import type { ConversationAddress, OutgoingMessage } from './outgoing';

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
  'id' | 'caseNumber' | 'kind' | 'recipient' | 'label' | 'activity' | 'activityId'
>;

export interface OutboxDeps {
  repo: NotificationRepository;
  delivery: Delivery;
  /** Where a recipient is reached; undefined if they have no conversation with the bot (yet). */
  resolve(recipient: string): Promise<ConversationAddress | undefined>;
  /** The message of a 'caseCard' notification, rendered from storage for its recipient. */
  renderCard(n: NotificationRecord): Promise<OutgoingMessage | undefined>;
  retry: RetryPolicy;
  /** A send or update with no answer by then fails like any other failed attempt (and is retried). */
  sendTimeoutMs: number;
  /**
   * How long a notification taken for sending stays taken beyond the time its attempts may take: if
   * the instance dies meanwhile, another one sends it once this has run out (NOTIFY_LEASE_SECONDS).
   */
  leaseMs: number;
  /**
   * Told of each live case card that reached its recipient (kind 'caseCard'), after it is recorded as
   * sent; what it does cannot undo the delivery, so a failure there is only logged.
   */
  cardDelivered?: (n: NotificationRecord) => Promise<void>;
  /** Sends running at once, across recipients (default 8). */
  concurrency?: number;
  now: () => Date;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Enough sends at once that a few conversations that never answer leave room for everyone else,
 * few enough not to have the channel throttle the bot (429).
 */
const DEFAULT_CONCURRENCY = 8;

/**
 * Stores notifications before sending them and delivers them in the background: in the order they
 * were queued per recipient, independently (up to `concurrency` at once) across recipients, so one
 * conversation that fails or never answers delays nobody else's. Every send and card update has a
 * timeout. A failed attempt is retried with backoff and jitter, never before the channel's
 * Retry-After; what still fails is recorded ('failed', retried by the sweep; 'undeliverable' after
 * maxAttempts) for the secretariat to see. Sending never blocks the turn that caused it.
 */
export class Outbox {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();
  /** Each notification waiting or running, by id: it is scheduled once, however many sweeps come by. */
  private readonly scheduled = new Map<string, Promise<void>>();
  private readonly slots: Slots;

  constructor(private readonly deps: OutboxDeps) {
    this.slots = new Slots(deps.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Stores each notification (once per id) and starts delivering the new ones. */
  async enqueue(items: NewNotification[]): Promise<void> {
    const createdAt = this.deps.now().toISOString();
    for (const item of items) {
      const record: NotificationRecord = { ...item, status: 'pending', attempts: 0, createdAt };
      if (await this.deps.repo.add(record)) {
        void this.schedule(record.recipient, record.id, () => this.deliver(record.caseNumber, record.id));
      }
    }
  }

  /**
   * Records, without sending anything, that a notification had nobody to go to: it is stored as
   * undeliverable (once per id) so the secretariat's list of undelivered notifications shows it.
   */
  async recordUnreached(item: Omit<NewNotification, 'activity' | 'activityId'>): Promise<void> {
    const record: NotificationRecord = {
      ...item,
      status: 'undeliverable',
      attempts: 0,
      lastError: 'nobody to deliver to',
      createdAt: this.deps.now().toISOString(),
    };
    if (await this.deps.repo.add(record)) return;
    // Recorded before and cleared since (the case came back to a forum that is unreached again).
    const earlier = await this.deps.repo.get(item.caseNumber, item.id);
    if (earlier?.status === 'sent') await this.deps.repo.save(record);
  }

  /**
   * Clears what recordUnreached recorded, once someone was reached after all: the record counts as
   * sent, so `varsel` and the case's "ikkje levert til nokon" no longer show it. Clearing what is
   * already clear (or was never recorded) changes nothing. `applies` is asked only when there is a
   * mark to clear (most deliveries find none). True if it was cleared now.
   */
  async clearUnreached(caseNumber: string, id: string, applies: () => Promise<boolean>): Promise<boolean> {
    const mark = await this.deps.repo.get(caseNumber, id);
    if (mark?.status !== 'undeliverable' || !(await applies())) return false;
    await this.deps.repo.save(asSent(mark, this.deps.now()));
    return true;
  }

  /**
   * Queues an update of every sent copy of the case's card after the case's step `seq`: one
   * notification per copy and step, rendered anew for its recipient when it is sent, and retried
   * like any other when the update fails.
   */
  async updateCaseCards(caseNumber: string, seq: number): Promise<void> {
    const copies = (await this.deps.repo.listByCase(caseNumber)).filter(
      (n) => n.kind === 'caseCard' && n.status === 'sent' && n.activityId,
    );
    await this.enqueue(
      copies.map((copy) => ({
        id: `update|${String(seq).padStart(4, '0')}|${copy.recipient}`,
        caseNumber,
        kind: 'cardUpdate' as const,
        recipient: copy.recipient,
        label: `card update (${copy.label})`,
        ...(copy.activityId ? { activityId: copy.activityId } : {}),
      })),
    );
  }

  /** Waits until every delivery started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /**
   * Tries again what is due: failed ones whose wait is over, pending ones nobody took, and sends whose
   * lease ran out (the server stopped mid-send). Returns how many were due. With `wait` (the default)
   * it returns when those have been tried; the periodic job does not wait, so a slow conversation
   * never holds up its next run.
   */
  async sweep(at: Date = this.deps.now(), { wait = true }: { wait?: boolean } = {}): Promise<number> {
    const due = (await this.deps.repo.listUnsent()).filter((n) => {
      if (n.status === 'failed') return !n.nextAttemptAt || n.nextAttemptAt <= at.toISOString();
      if (n.status === 'sending') return !n.leaseUntil || n.leaseUntil <= at.toISOString();
      return true;
    });
    const runs = due.map((n) => this.schedule(n.recipient, n.id, () => this.deliver(n.caseNumber, n.id, at)));
    if (wait) await Promise.allSettled(runs);
    return due.length;
  }

  listUndelivered(): Promise<NotificationRecord[]> {
    return this.deps.repo.listUndelivered();
  }

  /** Runs the delivery of notification `id` after the recipient's earlier ones, in a free slot. */
  private schedule(recipient: string, id: string, task: () => Promise<void>): Promise<void> {
    const already = this.scheduled.get(id);
    if (already) return already;
    const previous = this.chains.get(recipient) ?? Promise.resolve();
    const next = previous
      .then(() => this.slots.run(task))
      .catch((error: unknown) =>
        this.deps.log.error('notification.task_failed', { error: (error as Error).message }),
      );
    this.chains.set(recipient, next);
    this.inflight.add(next);
    this.scheduled.set(id, next);
    void next.finally(() => {
      this.inflight.delete(next);
      this.scheduled.delete(id);
      if (this.chains.get(recipient) === next) this.chains.delete(recipient);
    });
    return next;
  }

  /** A connector call that has not answered in time fails like any other failed attempt. */
  private bounded<T>(call: Promise<T>): Promise<T> {
    const ms = this.deps.sendTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryError(`no answer within ${ms} ms`, undefined)), ms);
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
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
    if (current.status === 'failed' && current.nextAttemptAt && current.nextAttemptAt > now.toISOString())
      return; // not yet: its backoff or the channel's Retry-After
    // The lease covers the whole run (every attempt may take the full timeout), so nobody else takes it meanwhile.
    const runMs =
      retry.immediateAttempts * (this.deps.sendTimeoutMs + retry.baseDelayMs * 2 ** retry.immediateAttempts);
    const leaseEnd = now.getTime() + this.deps.leaseMs + runMs;
    const claimed = await repo.claim(current, new Date(leaseEnd));
    if (!claimed) return; // someone else is sending it
    // An attempt starts only if it ends, at the latest by its timeout, while the lease holds: after
    // that another instance may be sending it, and a second send would reach the recipient twice.
    const lastStart = leaseEnd - this.deps.sendTimeoutMs;

    let record = claimed;
    let notBeforeMs = 0;
    for (let run = 0; run < retry.immediateAttempts && record.attempts < retry.maxAttempts; run++) {
      if (run > 0) await this.sleep(this.backoff(retry.baseDelayMs, run - 1));
      const result = await this.attempt(record, lastStart);
      if (result.ok === false && result.leaseLost) {
        log.warn('notification.lease_lost', { case: caseNumber, notification: id });
        return; // left as it is: the instance that takes it over records the outcome
      }
      record = { ...record, attempts: record.attempts + 1 };
      if (result.ok) {
        const sent: NotificationRecord = {
          ...asSent(record, this.deps.now()),
          ...(result.activityId ? { activityId: result.activityId } : {}),
          ...(result.conversationId ? { conversationId: result.conversationId } : {}),
        };
        await repo.save(sent);
        if (sent.kind === 'caseCard') await this.afterCardDelivered(sent);
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
      // The channel said when to come back (429/503): not before then, so not in this run.
      if (result.retryAfterMs !== undefined) {
        notBeforeMs = result.retryAfterMs;
        break;
      }
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
              this.deps.now().getTime() + Math.max(this.backoff(retry.retryAfterMs, runs - 1), notBeforeMs),
            ).toISOString(),
          }),
    });
  }

  private async afterCardDelivered(n: NotificationRecord): Promise<void> {
    try {
      await this.deps.cardDelivered?.(n);
    } catch (error) {
      this.deps.log.error('notification.after_delivery_failed', {
        case: n.caseNumber,
        notification: n.id,
        error: (error as Error).message,
      });
    }
  }

  private async attempt(
    n: NotificationRecord,
    lastStart: number,
  ): Promise<
    | { ok: true; activityId?: string; conversationId?: string }
    | { ok: false; status?: number; retryAfterMs?: number; error: string; leaseLost?: true }
  > {
    try {
      const reference = await this.deps.resolve(n.recipient);
      if (!reference) return { ok: false, error: 'no conversation with this recipient' };
      const activity =
        n.kind === 'message' ? (n.activity as OutgoingMessage | undefined) : await this.deps.renderCard(n);
      if (!activity) return { ok: false, status: 400, error: 'nothing to send' };
      if (this.deps.now().getTime() > lastStart)
        return { ok: false, error: 'lease ran out', leaseLost: true };
      let activityId: string | undefined;
      if (n.kind === 'cardUpdate') {
        if (!n.activityId) return { ok: false, status: 400, error: 'no sent card to update' };
        await this.bounded(this.deps.delivery.update(reference, n.activityId, activity));
        activityId = n.activityId;
      } else {
        ({ activityId } = await this.bounded(this.deps.delivery.send(reference, activity)));
      }
      return {
        ok: true,
        ...(activityId ? { activityId } : {}),
        ...(reference.conversation?.id ? { conversationId: reference.conversation.id } : {}),
      };
    } catch (error) {
      const status = error instanceof DeliveryError ? error.status : undefined;
      const retryAfterMs = error instanceof DeliveryError ? error.retryAfterMs : undefined;
      return {
        ok: false,
        ...(status !== undefined ? { status } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        error: (error as Error).message.slice(0, 300),
      };
    }
  }
}

/** At most `size` tasks at once; the others wait for a free slot in the order they came. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const nextInLine = this.waiting.shift();
      if (nextInLine) nextInLine();
      else this.free++;
    }
  }
}

/** The record as sent at `at`: what only a pending or failed one carries (its error, retry, lease) goes. */
function asSent(record: NotificationRecord, at: Date): NotificationRecord {
  const { lastError: _e, lastStatus: _s, nextAttemptAt: _n, leaseUntil: _l, ...rest } = record;
  return { ...rest, status: 'sent', sentAt: at.toISOString() };
}
