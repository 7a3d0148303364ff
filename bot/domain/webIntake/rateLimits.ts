import { createHash } from 'node:crypto';

/**
 * Limits on what anyone can do on the public intake page, counted in fixed windows. The counter
 * lives in storage (bot/storage/tableRateLimiter.ts), so the limits hold across app instances.
 */
export interface RateLimitRule {
  /** Names the counter: 'submit-address', 'submit-all', 'draft-address'. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface WebLimits {
  submitsPerAddressPerHour: number;
  submitsPerHour: number;
  draftsPerAddressPerHour: number;
}

const HOUR = 3600;

export function submitRules(limits: WebLimits): { perAddress: RateLimitRule; overall: RateLimitRule } {
  return {
    perAddress: { name: 'submit-address', limit: limits.submitsPerAddressPerHour, windowSeconds: HOUR },
    overall: { name: 'submit-all', limit: limits.submitsPerHour, windowSeconds: HOUR },
  };
}

export function draftRule(limits: WebLimits): RateLimitRule {
  return { name: 'draft-address', limit: limits.draftsPerAddressPerHour, windowSeconds: HOUR };
}

/** The window a moment falls in: its start, as an ISO-like key that sorts in time order. */
export function windowStart(rule: RateLimitRule, at: Date): string {
  const ms = rule.windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms).toISOString();
}

/**
 * The counter's row for a moment: the window's start, and who is counted. Client addresses are
 * personal data, so only a hash of the address with the window is stored (one hash cannot be
 * followed from window to window); the overall counter is 'all'.
 */
export function counterKey(
  rule: RateLimitRule,
  address: string | undefined,
  at: Date,
): { window: string; subject: string } {
  const window = windowStart(rule, at);
  const subject =
    address === undefined
      ? 'all'
      : createHash('sha256').update(`${window}|${address}`).digest('hex').slice(0, 32);
  return { window, subject };
}

/** Counts one use in the rule's current window if there is room; false when the limit is reached. */
export interface RateLimiter {
  /** `address` undefined: the overall counter of the rule. */
  take(rule: RateLimitRule, address: string | undefined, at: Date): Promise<boolean>;
}
