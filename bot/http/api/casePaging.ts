import type { Request } from 'express';
import {
  CursorInvalid,
  decodeCursor,
  encodeCursor,
  type CaseListFilter,
  type CasePosition,
} from '../../domain/cases/caseList';
import { CASE_STATES, type CaseState } from '../../domain/cases/caseModel';
import { forumByValue } from '../../domain/partnership';
import { NONE } from '../../domain/reports/annualStats';
import { ApiError } from './apiErrors';
import { yearParam } from './apiRequest';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A list request's page: where it starts, how long it is, its filters, and how to name the next one. */
export interface PageRequest extends CaseListFilter {
  after?: CasePosition;
  limit: number;
  /** The token for the page after one that ends at `position`. */
  nextToken(position: CasePosition | undefined): string | null;
}

/**
 * Reads `?limit=&cursor=&year=&state=&forum=` (`forum=none`: cases not yet at a forum). The cursor is the `next` of the page before, bound to
 * the person and the list (`list`, and the filters): an edited cursor, or one from another list, is a
 * 400 with code `bad_cursor`, never a 500.
 */
export function pageRequest(req: Request, personId: string, list: string): PageRequest {
  const query = req.query;
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, 'bad_request', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const year = yearParam(query.year);
  const state = optional(query.state);
  if (state !== undefined && !CASE_STATES.includes(state as CaseState)) {
    throw new ApiError(400, 'bad_request', `state must be one of ${CASE_STATES.join(', ')}.`);
  }
  const forum = optional(query.forum);
  if (forum !== undefined && forum !== NONE && !forumByValue(forum)) {
    throw new ApiError(400, 'bad_request', 'forum is not a known forum (or none).');
  }
  const binding = [personId, list, year ?? '', state ?? '', forum ?? ''].join('|');
  const cursor = optional(query.cursor);
  let after: CasePosition | undefined;
  if (cursor !== undefined) {
    try {
      after = decodeCursor(cursor, binding);
    } catch (error) {
      if (!(error instanceof CursorInvalid)) throw error;
      throw new ApiError(
        400,
        'bad_cursor',
        'The list position (cursor) is not valid for this list. Load the list again from the start.',
      );
    }
  }
  return {
    limit,
    ...(after ? { after } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(state !== undefined ? { state: state as CaseState } : {}),
    // `none`: the cases no forum has yet (stored with an empty forum).
    ...(forum !== undefined ? { forum: forum === NONE ? '' : forum } : {}),
    nextToken: (position) => (position ? encodeCursor(position, binding) : null),
  };
}

function optional(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'bad_request', 'A query parameter was given twice.');
  return value;
}
