/**
 * Structured logs: one JSON line per event, with ids but never answer text or personal data.
 */
/** Turn-state key under which a turn carries the id of the HTTP request that brought it. */
export const REQUEST_ID = 'requestId';

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  /** Routine detail (one line per HTTP request): written only when LOG_LEVEL=debug. */
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function write(level: string, event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

/**
 * LOG_LEVEL (debug, info, warn, error; default info) is read here rather than in config.ts because
 * the logger exists before the configuration is read, and a bad configuration must still be logged.
 */
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const configured = LEVELS.indexOf((process.env.LOG_LEVEL ?? '').trim().toLowerCase() as Level);
const threshold = configured >= 0 ? configured : LEVELS.indexOf('info');

type Level = (typeof LEVELS)[number];
const at =
  (level: Level) =>
  (event: string, fields?: LogFields): void => {
    if (LEVELS.indexOf(level) >= threshold) write(level, event, fields);
  };

export const jsonLogger: Logger = {
  debug: at('debug'),
  info: at('info'),
  warn: at('warn'),
  error: at('error'),
};

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
