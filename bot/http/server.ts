import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import { REQUEST_ID, type Logger } from '../logger';
import type { StorageAccount } from '../storage/storageAccount';
import { checkActivity } from './activityValidation';
import { mountLegalPages } from './legalPages';

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  storage: StorageAccount;
  log: Logger;
  /** True when the bot has no Bot Framework identity: then only loopback may call /api/messages. */
  unauthenticated: boolean;
  /** The tab's API (bot/http/api), mounted at /api after /api/messages. */
  api?: express.Router;
  /** The public intake page (bot/http/publicForm), mounted at /skjema. */
  publicForm?: express.Express;
}

/**
 * One JSON log line per request with a request id (taken from x-request-id when a proxy set one),
 * also returned as a header so a person's report can be matched to the log. Paths and status only:
 * never bodies, answers or names.
 */
function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.info('http.request', {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  };
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

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
      if (deps.unauthenticated && !isLoopback(req.socket.remoteAddress)) {
        res.status(403).json({ error: 'Without MicrosoftAppId the bot only answers on loopback.' });
        return;
      }
      next();
    },
    express.json({ limit: '256kb' }),
    async (req: Request, res: Response) => {
      const check = checkActivity(req.body);
      if (!check.ok) {
        res.status(400).json({ error: check.reason });
        return;
      }
      await deps.adapter.process(req, res, (context) => {
        context.turnState.set(REQUEST_ID, res.locals.requestId);
        return deps.bot.run(context);
      });
    },
  );

  if (deps.api) app.use('/api', deps.api);

  if (deps.publicForm) app.use('/skjema', deps.publicForm);
  mountLegalPages(app);
  const tabDist = findTabDist();
  if (tabDist) app.use('/tab', express.static(tabDist, { index: 'index.html' }));

  // JSON parse errors and anything else thrown before a handler answered.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) deps.log.error('http.failed', { error: error.message });
      if (!res.headersSent)
        res.status(status).json({ error: status === 500 ? 'Internal error' : error.message });
    },
  );
  return app;
}
