import type { NextFunction, Request, Response } from 'express';
import { PlanInputError } from '../../domain/plans/planInput';
import { PlanConflict, PlanNotFound } from '../../domain/plans/planService';
import { AccessDenied } from '../../domain/roles/authorize';
import type { Logger } from '../../logger';
import { itemView } from './views';

/** An error the API answers with a status and a code (see API.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The last route: anything not answered above is an unknown route. */
export function unknownRoute(req: Request): never {
  throw new ApiError(404, 'not_found', `No API route ${req.method} ${req.baseUrl}${req.path}.`);
}

/** Every error becomes `{ error, code }` JSON with its status; an unexpected one is logged, not shown. */
export function errorHandler(log: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const answer = toErrorAnswer(error, log);
    if (!res.headersSent) res.status(answer.status).json(answer.body);
  };
}

function toErrorAnswer(error: unknown, log: Logger): { status: number; body: Record<string, unknown> } {
  if (error instanceof ApiError)
    return { status: error.status, body: { error: error.message, code: error.code } };
  if (error instanceof PlanInputError) {
    return {
      status: 400,
      body: {
        error: error.message,
        code: error.code ?? 'bad_request',
        ...(error.field ? { field: error.field } : {}),
      },
    };
  }
  if (error instanceof AccessDenied) {
    return { status: 403, body: { error: 'You may not do this.', code: 'forbidden' } };
  }
  if (error instanceof PlanNotFound)
    return { status: 404, body: { error: error.message, code: 'not_found' } };
  if (error instanceof PlanConflict) {
    return {
      status: 409,
      body: {
        error: error.message,
        code: 'conflict',
        current: error.current ? itemView(error.current) : null,
      },
    };
  }
  const http = error as { status?: number; type?: string; message?: string };
  if (http.type === 'entity.parse.failed') {
    return { status: 400, body: { error: 'The request body is not valid JSON.', code: 'invalid_json' } };
  }
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
    return { status: http.status, body: { error: http.message ?? 'Bad request', code: 'bad_request' } };
  }
  log.error('api.failed', { error: (error as Error)?.message });
  return { status: 500, body: { error: 'Internal error', code: 'internal' } };
}
