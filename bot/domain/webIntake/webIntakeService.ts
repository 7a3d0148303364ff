import type { CaseRecord } from '../cases/caseModel';
import type { CaseRepository } from '../cases/caseRepository';
import type { SubmitterMeasure } from '../cases/submitterView';
import { submitCase } from '../cases/submitCase';
import type { Lang } from '../i18n/language';
import type { DecideOutcome, DecideRequest } from '../routing/caseService';
import { receiptEmail, type EmailSender } from './webEmail';
import { draftRule, submitRules, type RateLimiter, type WebLimits } from './rateLimits';
import { statusViewOf, type StatusView } from './statusView';
import { firstIncompletePage, isExpired, type WebDraft } from './webDraft';
import { hashToken, looksLikeSecret, newSecret, newWebSubmitterId } from './webSubmitter';

export interface WebDraftRepository {
  get(id: string): Promise<WebDraft | undefined>;
  save(draft: WebDraft): Promise<void>;
  remove(id: string): Promise<void>;
  /** Deletes drafts that expired before `at`; how many. */
  purgeExpired(at: Date): Promise<number>;
}

/** Status links by the SHA-256 hash of their token. */
export interface StatusLinkRepository {
  put(tokenHash: string, caseNumber: string): Promise<void>;
  caseOf(tokenHash: string): Promise<string | undefined>;
}

/** The case life cycle as the bot drives it: the same "submitted" effect and the same decisions. */
export interface CaseLifecycle {
  submitted(record: CaseRecord): Promise<void>;
  decide(request: DecideRequest): Promise<DecideOutcome>;
}

export interface WebIntakeDeps {
  drafts: WebDraftRepository;
  links: StatusLinkRepository;
  limiter: RateLimiter;
  cases: CaseRepository;
  lifecycle: CaseLifecycle;
  limits: WebLimits;
  draftDays: number;
  now: () => Date;
  /** E-mail to the submitter, when configured; `publicUrl` is the page's own https address for links. */
  email?: { sender: EmailSender; publicUrl?: string; onError(error: Error, caseNumber: string): void };
  /** The measures of the committees' plans a case is linked to (bot/domain/caseLinks). */
  measuresOf?: (record: CaseRecord) => Promise<readonly SubmitterMeasure[]>;
}

export type SubmitResult =
  | { kind: 'submitted'; caseNumber: string; statusToken: string }
  | { kind: 'incomplete'; page: number }
  | { kind: 'limited' };

const PURGE_EVERY_MS = 60 * 60_000;

/**
 * The public intake page's use cases, with no HTTP in them: drafts, submission through the bot's
 * own submitCase and "submitted" effect, and the status link's view, reply and withdrawal through
 * the case service's submitter-only decisions.
 */
export class WebIntakeService {
  private lastPurge = 0;

  constructor(private readonly deps: WebIntakeDeps) {}

  async startDraft(
    lang: Lang,
    address: string,
  ): Promise<{ kind: 'started'; draft: WebDraft } | { kind: 'limited' }> {
    const now = this.deps.now();
    if (!(await this.deps.limiter.take(draftRule(this.deps.limits), address, now)))
      return { kind: 'limited' };
    const draft: WebDraft = {
      id: newSecret(),
      csrf: newSecret(),
      lang,
      answers: {},
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.deps.draftDays * 86_400_000).toISOString(),
    };
    await this.deps.drafts.save(draft);
    await this.purgeNowAndThen(now);
    return { kind: 'started', draft };
  }

  /** The draft behind a cookie, unless it is unknown or expired. */
  async draft(id: string | undefined): Promise<WebDraft | undefined> {
    if (!id || !looksLikeSecret(id)) return undefined;
    const draft = await this.deps.drafts.get(id);
    if (!draft) return undefined;
    if (isExpired(draft, this.deps.now())) {
      await this.deps.drafts.remove(id);
      return undefined;
    }
    return draft;
  }

  saveDraft(draft: WebDraft): Promise<void> {
    return this.deps.drafts.save(draft);
  }

  /**
   * Submits a complete draft as a case, if the address and the page as a whole are within their
   * limits. The draft is kept when refused (the person can send it later) and removed once the
   * case and its status link are stored. The draft id is the case's idempotency key, so a retry
   * after a failure half-way stores one case.
   */
  async submit(draft: WebDraft, address: string): Promise<SubmitResult> {
    const page = firstIncompletePage(draft.answers);
    if (page !== undefined) return { kind: 'incomplete', page };
    const now = this.deps.now();
    const rules = submitRules(this.deps.limits);
    if (!(await this.deps.limiter.take(rules.perAddress, address, now))) return { kind: 'limited' };
    if (!(await this.deps.limiter.take(rules.overall, undefined, now))) return { kind: 'limited' };

    const record = await submitCase(this.deps.cases, {
      draftId: draft.id,
      answers: draft.answers,
      submitter: { id: newWebSubmitterId(), name: String(draft.answers.submitterName ?? '') },
      lang: draft.lang,
      now,
    });
    const statusToken = newSecret();
    await this.deps.links.put(hashToken(statusToken), record.number);
    await this.deps.drafts.remove(draft.id);
    await this.deps.lifecycle.submitted(record);
    await this.sendReceipt(record, statusToken);
    return { kind: 'submitted', caseNumber: record.number, statusToken };
  }

  /** The case behind a status link, or undefined for a link that does not exist. */
  async caseOfLink(token: string): Promise<CaseRecord | undefined> {
    if (!looksLikeSecret(token)) return undefined;
    const number = await this.deps.links.caseOf(hashToken(token));
    return number ? this.deps.cases.get(number) : undefined;
  }

  async status(token: string): Promise<StatusView | undefined> {
    const record = await this.caseOfLink(token);
    if (!record) return undefined;
    return statusViewOf(record, (await this.deps.measuresOf?.(record)) ?? []);
  }

  /** A reply to the secretariat's question, or a withdrawal, as the case's submitter. */
  async act(
    token: string,
    verb: 'replyInfo' | 'withdraw',
    input: Record<string, string>,
    /** The case's history count the page was shown at: a step taken meanwhile makes this stale. */
    version?: number,
  ): Promise<DecideOutcome> {
    const record = await this.caseOfLink(token);
    if (!record) return { kind: 'notFound' };
    return this.deps.lifecycle.decide({
      caseNumber: record.number,
      actor: { id: record.submitter.id, name: record.submitter.name },
      verb,
      input,
      // A page that does not say which version it showed is taken as out of date (fail closed).
      cardVersion: version ?? -1,
    });
  }

  private async sendReceipt(record: CaseRecord, statusToken: string): Promise<void> {
    const email = this.deps.email;
    if (!email) return;
    const base = email.publicUrl?.replace(/\/+$/, '');
    const message = receiptEmail(record, base ? `${base}/skjema/status/${statusToken}` : undefined);
    if (!message) return;
    try {
      await email.sender.send(message);
    } catch (error) {
      email.onError(error as Error, record.number);
    }
  }

  private async purgeNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.deps.drafts.purgeExpired(now);
  }
}
