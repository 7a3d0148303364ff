/**
 * The outbox: every notification is stored before it is sent, and its fate is recorded. A person is
 * reached in their 1:1 chat with the bot (stored conversation reference); the secretariat's team
 * channel, if configured, is the recipient 'channel'.
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable';

/** 'caseCard': the live card of the case, rendered for the recipient at send time and updated after
 * every step. 'message': a fixed message (text or card), rendered in the recipient's language when queued.
 * 'cardUpdate': the in-place update of a sent case card (`activityId`) after a step, rendered at send time. */
export type NotificationKind = 'caseCard' | 'message' | 'cardUpdate';

export interface NotificationRecord {
  /** Deterministic per purpose, so queueing the same notification twice stores it once. */
  id: string;
  caseNumber: string;
  kind: NotificationKind;
  /** 'person:<aad object id>', 'channel', or 'forum:<id>' (nobody in its leadership could be reached). */
  recipient: string;
  /** What it is, for the secretariat's list of undelivered notifications (no case text). */
  label: string;
  /** The activity to send, for kind 'message'. */
  activity?: Record<string, unknown>;
  status: NotificationStatus;
  attempts: number;
  lastError?: string;
  lastStatus?: number;
  createdAt: string;
  nextAttemptAt?: string;
  leaseUntil?: string;
  sentAt?: string;
  /** Where the sent copy is, so a case card can be updated in place later (for 'cardUpdate': the copy to update). */
  activityId?: string;
  conversationId?: string;
  etag?: string;
}

export const personRecipient = (personId: string): string => `person:${personId}`;
export const CHANNEL_RECIPIENT = 'channel';
/** A forum whose leadership nobody could be reached in: recorded, never sent, listed in `varsel`. */
export const forumRecipient = (forum: string): string => `forum:${forum}`;
/**
 * The id of that record: one per case and forum. It is the case's "ikkje levert til nokon" mark
 * (deliveredToNobody.ts) until the case's card reaches someone leading the forum.
 */
export const unreachedMarkId = (forum: string): string => `unreached|${forum}`;

export function forumOfRecipient(recipient: string): string | undefined {
  return recipient.startsWith('forum:') ? recipient.slice('forum:'.length) : undefined;
}

export function personOfRecipient(recipient: string): string | undefined {
  return recipient.startsWith('person:') ? recipient.slice('person:'.length) : undefined;
}

export interface NotificationRepository {
  /** Stores a new notification; false if one with this id is already stored. */
  add(n: NotificationRecord): Promise<boolean>;
  get(caseNumber: string, id: string): Promise<NotificationRecord | undefined>;
  /** Takes the notification for sending if nobody else did (ETag); undefined if someone did. */
  claim(n: NotificationRecord, leaseUntil: Date): Promise<NotificationRecord | undefined>;
  /** Records the result of a delivery attempt. */
  save(n: NotificationRecord): Promise<void>;
  listByCase(caseNumber: string): Promise<NotificationRecord[]>;
  /** Not yet sent: pending, failed (to retry) and sending (a lease that may have run out). */
  listUnsent(): Promise<NotificationRecord[]>;
  /** Failed or given up: what the secretariat should know about. */
  listUndelivered(): Promise<NotificationRecord[]>;
}
