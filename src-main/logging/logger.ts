import { Redactor } from './redact';
import type { RotatingFile } from './rotating-file';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogRecord {
  ts: string;
  level: LogLevel;
  module: string;
  msg: string;
  [field: string]: unknown;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(module: string): Logger;
}

export interface LogSinkOptions {
  file?: RotatingFile;
  level?: LogLevel;
  /** Also echo to the console (development, headless CLI). */
  console?: boolean;
  now?: () => Date;
  /** In-app listeners (the Logs page, tests); they get the already-redacted record. */
  onRecord?: (record: LogRecord) => void;
}

/** One sink for the whole app; modules take children named after themselves. */
export function createLogger(options: LogSinkOptions, redactor = new Redactor()): { logger: Logger; redactor: Redactor } {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const now = options.now ?? (() => new Date());

  const write = (level: LogLevel, module: string, msg: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const record = redactor.redact({ ...fields, ts: now().toISOString(), level, module, msg }) as LogRecord;
    const line = `${JSON.stringify(record)}\n`;
    options.file?.append(line);
    if (options.console) (level === 'error' ? process.stderr : process.stdout).write(line);
    options.onRecord?.(record);
  };

  const make = (module: string): Logger => ({
    debug: (msg, fields) => write('debug', module, msg, fields),
    info: (msg, fields) => write('info', module, msg, fields),
    warn: (msg, fields) => write('warn', module, msg, fields),
    error: (msg, fields) => write('error', module, msg, fields),
    child: (name) => make(module === 'app' ? name : `${module}.${name}`),
  });

  return { logger: make('app'), redactor };
}
