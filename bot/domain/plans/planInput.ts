import { containsNationalId } from '../form/nationalId';
import { NATIONAL_ID_ERROR } from '../i18n/nationalIdText';
import { MEASURE_STATUSES, PRIORITY_GROUPS, type MeasureStatus, type PriorityGroup } from './planModel';

/**
 * Checks of what people send to change a plan. Each failure is a PlanInputError whose message says
 * what is wrong, in words the tab can show as is.
 */
export class PlanInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    /** Set where the tab says it in the person's own words (see the tab's texts); else plain bad input. */
    readonly code?: 'national_id',
  ) {
    super(message);
  }
}

export const LIMITS = {
  goalText: 2000,
  subGoalText: 2000,
  measureText: 4000,
  responsible: 500,
  timeline: 500,
  taskHospital: 2000,
  taskMunicipalities: 2000,
  measuringTool: 1000,
  comment: 1000,
  /** Siblings under one parent, so a reorder fits in one storage transaction (100 rows). */
  siblings: 90,
} as const;

// Control characters other than tab and newline have no place in plan text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw new PlanInputError('The request body must be a JSON object.');
  return body;
}

/** A text: trimmed, CRLF made LF; `required` refuses empty; undefined when optional and empty. */
export function text(value: unknown, field: string, max: number, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw new PlanInputError(`${field} is required.`, field);
    return undefined;
  }
  if (typeof value !== 'string') throw new PlanInputError(`${field} must be a string.`, field);
  const cleaned = value.replace(/\r\n?/g, '\n').trim();
  if (!cleaned) {
    if (required) throw new PlanInputError(`${field} must not be empty.`, field);
    return undefined;
  }
  if (cleaned.length > max) {
    throw new PlanInputError(`${field} is ${cleaned.length} characters; at most ${max} are allowed.`, field);
  }
  if (CONTROL.test(cleaned)) throw new PlanInputError(`${field} contains control characters.`, field);
  if (containsNationalId(cleaned)) {
    throw new PlanInputError(`${field}: ${NATIONAL_ID_ERROR.en}`, field, 'national_id');
  }
  return cleaned;
}

export function status(value: unknown): MeasureStatus {
  if (typeof value !== 'string' || !(MEASURE_STATUSES as readonly string[]).includes(value)) {
    throw new PlanInputError(`status must be one of ${MEASURE_STATUSES.join(', ')}.`, 'status');
  }
  return value as MeasureStatus;
}

/** A status year: from the plan's first status year to the end of its period. */
export function year(value: unknown, firstYear: number, periodEnd: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new PlanInputError('year must be a whole number.', 'year');
  }
  if (value < firstYear || value > periodEnd) {
    throw new PlanInputError(`year must be within the plan years ${firstYear}-${periodEnd}.`, 'year');
  }
  return value;
}

export function etag(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PlanInputError('etag is required: send the etag the change is based on.', 'etag');
  }
  return value;
}

export function priorityGroups(value: unknown): PriorityGroup[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new PlanInputError('priorityGroups must be a list of priority group ids.', 'priorityGroups');
  }
  const unknown = (value as string[]).find((v) => !(PRIORITY_GROUPS as readonly string[]).includes(v));
  if (unknown !== undefined) {
    throw new PlanInputError(
      `priorityGroups: "${unknown}" is not one of ${PRIORITY_GROUPS.join(', ')}.`,
      'priorityGroups',
    );
  }
  return PRIORITY_GROUPS.filter((g) => (value as string[]).includes(g));
}

export function direction(value: unknown): 'up' | 'down' {
  if (value !== 'up' && value !== 'down') throw new PlanInputError('direction must be "up" or "down".');
  return value;
}

export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new PlanInputError(`${field} must be true or false.`, field);
  return value;
}

export function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  if (extra !== undefined) {
    throw new PlanInputError(`Unknown field "${extra}"; allowed: ${allowed.join(', ')}.`, extra);
  }
}
