import { createHash } from 'node:crypto';
import { currentForum } from '../routing/routingModel';
import type { CaseRecord, CaseState } from './caseModel';
import { submitterLine } from './submitterName';

/**
 * What a list of cases shows of each case (the tab's cases page, a committee's cases, the CSV). Storage
 * keeps this beside the case, written in the same transaction, so a list is read without opening
 * each case.
 */
export interface CaseListEntry {
  number: string;
  year: number;
  seq: number;
  title: string;
  state: CaseState;
  /** The forum that has the case now, if any (a FORUMS value). */
  forum?: string;
  submittedAt: string;
  updatedAt: string;
  /** Who may see the case as its submitter. */
  submitterId: string;
  /** The submitter as the lists show them (submitterLine). */
  submitterName: string;
  /** The priority patient groups the submitter named (the annual report counts cases by them). */
  priorityGroups: string[];
}

/** The priority groups a case's answer names, as a list of ids. */
function priorityGroupsOf(answer: unknown): string[] {
  const list = Array.isArray(answer) ? answer : answer ? [answer] : [];
  return list.filter((v): v is string => typeof v === 'string');
}

export function listEntryOf(record: Omit<CaseRecord, 'etag'>): CaseListEntry {
  const forum = currentForum(record);
  return {
    number: record.number,
    year: record.year,
    seq: record.seq,
    title: record.title,
    state: record.state,
    ...(forum ? { forum } : {}),
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
    submitterId: record.submitter.id,
    submitterName: submitterLine(record),
    priorityGroups: priorityGroupsOf(record.answers.priorityGroups),
  };
}

/** Which cases a list draws from: every case, one submitter's, or the cases a forum has now. */
export type CaseListSource =
  { kind: 'all' } | { kind: 'submitter'; submitterId: string } | { kind: 'forum'; forum: string };

/** A place in the newest-first order of cases: the list goes on with the cases before it. */
export interface CasePosition {
  year: number;
  seq: number;
}

export interface CaseListFilter {
  year?: number;
  state?: CaseState;
  /** A forum's id, or '' for the cases no forum has yet. */
  forum?: string;
}

export interface CaseListQuery extends CaseListFilter {
  sources: readonly CaseListSource[];
  /** Start after this case (exclusive); from the newest case when absent. */
  after?: CasePosition;
  limit: number;
}

export interface CaseListPage {
  entries: CaseListEntry[];
  /** Where the next page starts; absent on the last page. */
  next?: CasePosition;
}

/**
 * Every entry of a list read page after page, for a list small by nature (one year's cases, a
 * committee's, the cases waiting in one state): `readPage` gives the page after `after` (from the
 * newest when undefined) and where the next one starts.
 */
export async function readAllPages<T>(
  readPage: (after: CasePosition | undefined) => Promise<{ entries: T[]; next?: CasePosition }>,
): Promise<T[]> {
  const entries: T[] = [];
  let after: CasePosition | undefined;
  do {
    const page = await readPage(after);
    entries.push(...page.entries);
    after = page.next;
  } while (after);
  return entries;
}

/** Newest first: later year, then higher number within the year. */
export function newerFirst(a: CasePosition, b: CasePosition): number {
  return b.year - a.year || b.seq - a.seq;
}

/** A continuation token the client could not make sense of, or that was made for another list. */
export class CursorInvalid extends Error {}

/**
 * The continuation token handed to the client: opaque, and checked when it comes back. It holds only
 * a position and a checksum over the position and the list it was made for (person and filters), so
 * an edited token, or one from another list, is refused rather than read. It grants nothing: every
 * page is filtered by the access rule whatever the token says.
 */
export function encodeCursor(position: CasePosition, binding: string): string {
  const body = { y: position.year, s: position.seq, h: checksum(position, binding) };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(token: string, binding: string): CasePosition {
  let body: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) throw new CursorInvalid();
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new CursorInvalid();
  }
  const { y, s, h } = (body ?? {}) as { y?: unknown; s?: unknown; h?: unknown };
  if (!Number.isInteger(y) || !Number.isInteger(s) || typeof h !== 'string') throw new CursorInvalid();
  const position = { year: y as number, seq: s as number };
  if (position.year < 1000 || position.year > 9999 || position.seq < 1 || position.seq > 999_999)
    throw new CursorInvalid();
  if (h !== checksum(position, binding)) throw new CursorInvalid();
  return position;
}

function checksum(position: CasePosition, binding: string): string {
  return createHash('sha256')
    .update(`${position.year}:${position.seq}:${binding}`)
    .digest('base64url')
    .slice(0, 16);
}
