import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isLocalCaller } from '../auth';
import type { Logger } from '../logger';
import type { MessagesEndpoint } from '../teams/messagesEndpoint';
import { mountFrontPage, mountLegalPages } from './legalPages';

/** What /healthz asks of storage: one cheap round trip, which throws when storage does not answer. */
export interface StorageHealth {
  ping(): Promise<void>;
}

export interface HttpDeps {
  /** The bot's way in (bot/teams/messagesEndpoint.ts): checks each activity, then runs a turn. */
  messages: MessagesEndpoint;
  storage: StorageHealth;
  log: Logger;
  /** True when the bot has no Bot Framework identity: then only a local caller may call /api/messages. */
  unauthenticated: boolean;
  /** The tab's API (bot/http/api), mounted at /api after /api/messages. */
  api?: express.Router;
  /** The public intake page (bot/http/publicForm), mounted at /skjema. */
  publicForm?: express.Express;
}

/**
 * One debug line per request (shown with LOG_LEVEL=debug, so `npm start` keeps its URLs in sight)
 * with a request id (taken from x-request-id when a proxy set one), also returned as a header so a
 * person's report can be matched to the log. The full path as called (with /api), never the query
 * string (it may carry a search text), bodies, answers or names.
 */
function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.debug('http.request', {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  };
}

/** What the body parser's refusals say (express.json's error types). */
const CLIENT_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The body is not valid JSON.',
  'entity.too.large': 'The body is too large.',
  'encoding.unsupported': 'The body has an unsupported encoding.',
  'charset.unsupported': 'The body has an unsupported charset.',
  'request.aborted': 'The request was aborted.',
};
const STATUS_TEXT = (status: number) => (status === 500 ? 'Internal error' : 'Bad request');

function findTabDist(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'tab', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(deps.log));

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.storage.ping();
      res.json({ status: 'ok', storage: 'ok' });
    } catch (error) {
      deps.log.error('health.storage_unreachable', { error: (error as Error).message });
      res.status(503).json({ status: 'unhealthy', storage: 'unreachable' });
    }
  });

  app.post(
    '/api/messages',
    (req: Request, res: Response, next: NextFunction) => {
      if (deps.unauthenticated && !isLocalCaller(req)) {
        res.status(403).json({
          error: 'Without MicrosoftAppId the bot only answers on loopback, not through a proxy.',
        });
        return;
      }
      next();
    },
    express.json({ limit: '256kb' }),
    async (req: Request, res: Response) => {
      const answer = await deps.messages.handle(
        req.body,
        req.headers.authorization ?? '',
        res.locals.requestId as string,
      );
      res.status(answer.status);
      if (answer.body === undefined) res.end();
      else res.json(answer.body);
    },
  );

  if (deps.api) app.use('/api', deps.api);

  if (deps.publicForm) app.use('/skjema', deps.publicForm);
  mountLegalPages(app);
  mountFrontPage(app);
  const tabDist = findTabDist();
  if (tabDist) app.use('/tab', express.static(tabDist, { index: 'index.html' }));

  // JSON parse errors and anything else thrown before a handler answered. The body names the kind
  // of problem only: a parser's message can quote what was sent, and a 500's is internal.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) deps.log.error('http.failed', { error: error.message });
      else deps.log.warn('http.refused', { status, type: error.type });
      if (!res.headersSent)
        res.status(status).json({ error: CLIENT_ERRORS[error.type ?? ''] ?? STATUS_TEXT(status) });
    },
  );
  return app;
}
