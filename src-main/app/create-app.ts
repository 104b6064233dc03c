import { mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import { createDispatcher } from '../../src-shared/contract/dispatcher';
import type { Dispatcher } from '../../src-shared/contract/dispatcher';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { openDatabase } from '../db/connection';
import { readSettings } from '../db/repos/settings-repo';
import { createLogger } from '../logging/logger';
import type { Logger, LogLevel } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import { RotatingFile } from '../logging/rotating-file';
import { createKeyFileBox } from '../secrets/key-file-box';
import type { KeyWrapper } from '../secrets/key-file-box';
import type { SecretBox } from '../secrets/secret-box';
import { createBrowserLoginRunner } from '../stores/browser-login';
import type { LoginRunner } from '../stores/ports';
import { SessionManager } from '../stores/session-manager';
import { createStoreService } from '../stores/store-service';
import type { StoreService } from '../stores/store-service';
import { createHandlers } from '../api';
import { applyPendingRestore, createBackupService } from '../maintenance/backup-service';
import type { BackupService } from '../maintenance/backup-service';
import { EventBus } from './event-bus';
import { dataPaths } from './data-paths';
import type { DataPaths } from './data-paths';

export interface AppConfig {
  dataDir: string;
  shell: 'electron' | 'headless';
  appVersion: string;
  /** How the data key is sealed: the desktop shell passes safeStorage; headless keeps a 0600 key file. */
  keyWrapper?: KeyWrapper;
  /** Whether a browser window can be shown to the user (a captcha at login); false on a server. */
  hasScreen?: boolean;
  logLevel?: LogLevel;
  logToConsole?: boolean;
  now?: () => Date;
  /** Replaces the Playwright login (tests of the services around it). */
  runLogin?: LoginRunner;
}

/** The services handlers are built from. */
export interface AppServices {
  config: AppConfig;
  paths: DataPaths;
  db: Database;
  events: EventBus;
  logger: Logger;
  redactor: Redactor;
  secrets: SecretBox;
  startedAt: Date;
  now: () => Date;
  sessions: SessionManager;
  stores: StoreService;
  backups: BackupService;
}

export interface App extends AppServices {
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

  if (applyPendingRestore(paths, now())) log.warn('database restored from a backup chosen before the restart');
  let db: Database;
  try {
    db = openDatabase(paths.database);
  } catch (error) {
    log.error('database cannot be opened', { path: paths.database, error });
    throw error;
  }

  const secrets = await createKeyFileBox(paths.secretKey, config.keyWrapper);
  const events = new EventBus();
  const endpoints = () => readSettings(db).kaspi;
  const runLogin =
    config.runLogin ??
    createBrowserLoginRunner({
      browserPath: () => readSettings(db).kaspi.browserPath,
      failureDir: paths.loginFailures,
      hasScreen: config.hasScreen ?? false,
    });
  const sessions = new SessionManager({ db, secrets, redactor, events, logger, endpoints, runLogin, dispatcherFor: () => undefined, now });
  const stores = createStoreService({ db, secrets, redactor, events, logger, sessions, endpoints, runLogin, now });

  const backups = createBackupService({ db, paths, now, onProgress: (done, total) => events.emit('backup.progress', { done, total }) });

  const services: AppServices = { config, paths, db, events, logger, redactor, secrets, startedAt: now(), now, sessions, stores, backups };
  const dispatcher = createDispatcher(createHandlers(services), {
    mapError: (error) => (error instanceof KaspiError ? new AppError(`kaspi.${error.kind}`, error.message, { retryAfterMs: error.retryAfterMs }) : undefined),
    onInternalError: (name, error) => logger.child('api').error('call failed', { call: name, error }),
  });
  log.info('app started', { shell: config.shell, version: config.appVersion, dataDir: paths.dataDir });
  return {
    ...services,
    dispatcher,
    async close() {
      log.info('app closing');
      db.close();
    },
  };
}
