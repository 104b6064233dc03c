import { mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { createDispatcher } from '../../src-shared/contract/dispatcher';
import type { Dispatcher } from '../../src-shared/contract/dispatcher';
import { openDatabase } from '../db/connection';
import { createLogger } from '../logging/logger';
import type { Logger, LogLevel } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import { RotatingFile } from '../logging/rotating-file';
import { createKeyFileBox } from '../secrets/key-file-box';
import type { KeyWrapper } from '../secrets/key-file-box';
import type { SecretBox } from '../secrets/secret-box';
import { createHandlers } from '../api';
import { EventBus } from './event-bus';
import { dataPaths } from './data-paths';
import type { DataPaths } from './data-paths';

export interface AppConfig {
  dataDir: string;
  shell: 'electron' | 'headless';
  appVersion: string;
  /** How the data key is sealed: the desktop shell passes safeStorage; headless keeps a 0600 key file. */
  keyWrapper?: KeyWrapper;
  logLevel?: LogLevel;
  logToConsole?: boolean;
  now?: () => Date;
}

/** The services handlers are built from. */
export interface AppCore {
  config: AppConfig;
  paths: DataPaths;
  db: Database;
  events: EventBus;
  logger: Logger;
  redactor: Redactor;
  secrets: SecretBox;
  startedAt: Date;
}

export interface App extends AppCore {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** The composition root: both shells call this and nothing else constructs services. */
export async function createApp(config: AppConfig): Promise<App> {
  const now = config.now ?? (() => new Date());
  const paths = dataPaths(config.dataDir);
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });

  const { logger, redactor } = createLogger({
    file: new RotatingFile(paths.logFile),
    level: config.logLevel ?? 'info',
    console: config.logToConsole ?? false,
    now,
  });
  const log = logger.child('app');

  let db: Database;
  try {
    db = openDatabase(paths.database);
  } catch (error) {
    log.error('database cannot be opened', { path: paths.database, error });
    throw error;
  }

  const secrets = await createKeyFileBox(paths.secretKey, config.keyWrapper);
  const events = new EventBus();
  const startedAt = now();

  const core: AppCore = { config, paths, db, events, logger, redactor, secrets, startedAt };
  const dispatcher = createDispatcher(createHandlers(core, now), {
    onInternalError: (name, error) => logger.child('api').error('call failed', { call: name, error }),
  });
  log.info('app started', { shell: config.shell, version: config.appVersion, dataDir: paths.dataDir });
  return {
    ...core,
    dispatcher,
    async close() {
      log.info('app closing');
      db.close();
    },
  };
}
