import { createHash, randomBytes } from 'node:crypto';
import type { Person } from '../person';

/**
 * People who submit on the public page have no Azure AD account. Their case's submitter gets an id
 * of its own kind, `web:<random>`, which can never be an Azure AD object id (those are GUIDs): it is
 * the case's mark that it came through the web page, and no Teams chat is ever looked up for it.
 */
const WEB_SUBMITTER_PREFIX = 'web:';

export function isWebSubmitter(person: Pick<Person, 'id'>): boolean {
  return person.id.startsWith(WEB_SUBMITTER_PREFIX);
}

/** A secret for a cookie or a link: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newWebSubmitterId(): string {
  return `${WEB_SUBMITTER_PREFIX}${randomBytes(16).toString('hex')}`;
}

/** Status links are stored only as this hash: a leaked table does not give anyone the links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a well-formed secret looks like (checked before any storage lookup). */
export function looksLikeSecret(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
