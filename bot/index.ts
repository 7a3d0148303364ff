import { createApp } from './app';
import { loadConfig } from './config';
import { jsonLogger as log } from './logger';

/** Entry point, as App Service runs it (`npm run serve`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { log });
  const server = await app.listen(config.port);
  log.info('server.started', { port: config.port, storage: config.storage.kind });

  const shutdown = (signal: string) => {
    log.info('server.stopping', { signal });
    // Stop taking new connections; turns in flight finish before close() calls back.
    server.close(() => {
      // Then the background work: no new job runs, notifications being sent finish.
      app.services.routing
        .stop()
        .catch((error: unknown) => log.error('server.stop_jobs_failed', { error: (error as Error).message }))
        .finally(() => {
          log.info('server.stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 25_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = (error as Error).message;
  const hint = /ECONNREFUSED/.test(message)
    ? 'Table Storage did not answer: start Azurite (npm start does) or set STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL.'
    : undefined;
  log.error('server.start_failed', { error: message, hint });
  process.exit(1);
});
