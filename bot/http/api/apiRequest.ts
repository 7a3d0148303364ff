import type { Request } from 'express';
import type { Lang } from '../../domain/i18n/language';
import { ApiError } from './apiErrors';

/** A path parameter as text ('' when absent). */
export const param = (req: Request, name: string): string => String(req.params[name] ?? '');

/** `?year=`: undefined when not given, 400 unless it is a year such as 2025. */
export function yearParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ApiError(400, 'bad_request', 'year must be a year such as 2025.');
  }
  return year;
}

/** `?lang=` of the exports: nb or en, else nynorsk. */
export function langFromQuery(value: unknown): Lang {
  return value === 'nb' || value === 'en' ? value : 'nn';
}
