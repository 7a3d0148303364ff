import type { CaseRecord } from '../cases/caseModel';
import { currentForum } from '../routing/routingModel';
import { forumOfRecipient, type NotificationRecord, type NotificationRepository } from './notificationModel';

/** The outbox reads this needs: one case's notifications, and every undelivered one at once. */
export type DeliveryRecords = Pick<NotificationRepository, 'listByCase' | 'listUndelivered'>;

/** A case as stored, or as a list row (which names the forum that has it now). */
type CaseFacts =
  | Pick<CaseRecord, 'number' | 'state' | 'routing'>
  | { number: string; state: CaseRecord['state']; forum?: string };

function forumOf(c: CaseFacts): string | undefined {
  if ('routing' in c) return currentForum(c);
  return (c as { forum?: string }).forum;
}

/**
 * Whether a routed case sits at a forum none of whose leadership could be given it (nobody holds the
 * roles, or none of them has the app installed). The notifier records that as an undeliverable
 * notification to the forum itself; it is the same fact `varsel` lists. Once the case is decided or
 * forwarded to a forum that was reached, it no longer waits on anyone, so it is not marked. When its
 * card later reaches one of the forum's leaders (they installed the app, or were given the role), the
 * notifier records that notification as sent, and the mark is gone.
 */
export function deliveredToNobody(record: CaseFacts, notifications: readonly NotificationRecord[]): boolean {
  const forum = forumOf(record);
  if (record.state !== 'routed' || !forum) return false;
  return notifications.some(
    (n) =>
      n.caseNumber === record.number &&
      n.status === 'undeliverable' &&
      forumOfRecipient(n.recipient) === forum,
  );
}

/** The same fact for one case (its own notifications) or for a list (one read of the undelivered). */
export class UndeliveredCases {
  constructor(private readonly notifications: DeliveryRecords) {}

  async isDeliveredToNobody(record: CaseFacts): Promise<boolean> {
    if (record.state !== 'routed') return false;
    return deliveredToNobody(record, await this.notifications.listByCase(record.number));
  }

  /** The numbers of those cases that were delivered to nobody; no read per case. */
  async among(records: readonly CaseFacts[]): Promise<Set<string>> {
    if (!records.some((r) => r.state === 'routed')) return new Set();
    const byCase = new Map<string, NotificationRecord[]>();
    for (const n of await this.notifications.listUndelivered()) {
      byCase.set(n.caseNumber, [...(byCase.get(n.caseNumber) ?? []), n]);
    }
    const marked = records.filter((r) => deliveredToNobody(r, byCase.get(r.number) ?? []));
    return new Set(marked.map((r) => r.number));
  }
}
