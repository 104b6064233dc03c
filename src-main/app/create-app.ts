import { mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import { createDispatcher } from '../../src-shared/contract/dispatcher';
import type { Dispatcher } from '../../src-shared/contract/dispatcher';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
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
import { ProxyPool } from '../proxies/pool';
import { SqliteProxyStore } from '../proxies/sqlite-proxy-store';
import { systemClock } from '../proxies/clock';
import { startHealthMonitor } from '../proxies/health';
import type { HealthMonitor } from '../proxies/health';
import { createDemperService } from '../demper-wiring/demper-service';
import type { DemperService } from '../demper-wiring/demper-service';
import type { EngineSettingsInput } from '../demper/settings';
import { readProxySettings } from '../proxies/proxy-settings';
import { readSettings } from '../db/repos/settings-repo';
import { createBackupService, openWithPendingRestore } from '../maintenance/backup-service';
import type { BackupService } from '../maintenance/backup-service';
import { createUpdateController } from '../updates/update-controller';
import type { UpdateController, UpdaterPort } from '../updates/update-controller';
import { startPowerHandling } from '../power/power-handling';
import type { PowerEventSource } from '../power/power-handling';
import type { SleepBlocker } from '../power/keep-awake';
import type { SleepGuard } from '../power/sleep-guard';
import type { WakeReport } from '../../src-shared/contract/power';
import { createOrdersService } from '../orders/orders-service';
import type { OrdersService } from '../orders/orders-service';
import type { OrdersSyncSettings } from '../orders/order-sync';
import { costBasisReader } from '../orders/cost-basis';
import { createPreorderSender, type PreorderSenderSettings } from '../preorders/preorder-sender';
import { createPreordersService, type PreordersService } from '../preorders/preorders-service';
import { createDemperMemoryRepo } from '../db/repos/demper-memory-repo';
import { createAnalyticsService } from '../analytics/analytics-service';
import type { AnalyticsService } from '../analytics/analytics-service';
import { EventBus } from './event-bus';
import { dataPaths } from './data-paths';
import { tuneHeapForLongRunningService } from './heap-tuning';
import type { DataPaths } from './data-paths';
import { loginContext, loginTarget } from '../security/login-target';
import type { StartupTarget } from '../security/login-target';
import { assertSimEndpoints } from '../security/kaspi-sim-option';
import type { FilePicker } from '../security/file-picker';
import { makePrivate, privateFolders } from '../security/private-files';

export interface AppConfig extends StartupTarget {
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
  /** Periodic proxy health checks; off in tests that count requests. */
  proxyHealthChecks?: boolean;
  /** Start the demper at once if the seller left it running (default); tests decide themselves. */
  autoStartDemper?: boolean;
  /** Engine numbers the seller does not tune: tests and benchmarks shrink delays here. */
  engineOverrides?: EngineSettingsInput;
  /** The desktop's native file dialog; absent in headless mode, where files come from flags and the data folder. */
  pickFile?: FilePicker;
  /** What the shell found at start that weakens protection (no OS keychain): logged and shown on the System page. */
  warnings?: string[];
  /** Makes the desktop shell's self-updater (electron-updater) on the app's logger; absent in headless mode. */
  updater?: (logger: Logger) => UpdaterPort;
  /** Sleep, wake and network events (Electron's powerMonitor); by default, wall-clock jumps. */
  powerEvents?: PowerEventSource;
  /** Electron's powerSaveBlocker, for the "keep the computer awake" option. */
  sleepBlocker?: SleepBlocker;
  /** The desktop shell's notification of a wake report. */
  onWakeReport?: (report: WakeReport) => void;
  /** Read every store's orders in the background from the start (default); tests decide themselves. */
  autoStartOrders?: boolean;
  /** Order sync numbers (poll interval, request spacing, how far back): tests and benchmarks shrink them. */
  ordersOverrides?: Partial<OrdersSyncSettings>;
  /** Pre-order sender numbers (read-back delay, file batch size): tests shrink them. */
  preorderOverrides?: Partial<PreorderSenderSettings>;
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
  proxyStore: SqliteProxyStore;
  pool: ProxyPool;
  demper: DemperService;
  /** Null where the app cannot update itself (headless mode). */
  updates: UpdateController | null;
  power: SleepGuard;
  orders: OrdersService;
  analytics: AnalyticsService;
  preorders: PreordersService;
}

export interface App extends AppServices {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** The composition root: both shells call this and nothing else constructs services. */
export async function createApp(config: AppConfig): Promise<App> {
  tuneHeapForLongRunningService();
  const now = config.now ?? (() => new Date());
  if (config.kaspiSim) assertSimEndpoints(config.kaspiSim);
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
    db = openWithPendingRestore(paths, now(), log);
  } catch (error) {
    log.error('database cannot be opened', { path: paths.database, error });
    throw error;
  }

  privateFolders(paths.backups, paths.loginFailures);
  makePrivate(paths.dataDir);

  const secrets = await createKeyFileBox(paths.secretKey, config.keyWrapper);
  const events = new EventBus();
  // Read on every use: a login or call goes where the current settings (or start-up options) say.
  const target = () => loginTarget(config, db);
  const endpoints = () => target().endpoints;
  const currentLoginContext = () => loginContext(target());
  const proxyStore = new SqliteProxyStore(db, secrets, systemClock);
  const pool = new ProxyPool({ store: proxyStore, settings: readProxySettings(db), clock: systemClock });
  const runLogin =
    config.runLogin ??
    createBrowserLoginRunner({
      browserPath: () => target().browserPath,
      failureDir: paths.loginFailures,
      hasScreen: config.hasScreen ?? false,
      // One attempt: a login retried on another lane would make Kaspi flood-block the account.
      throughProxy: (task) => pool.run(null, (lane) => task(lane.playwrightProxy, lane.signal), { budget: 'none', sticky: true, maxAttempts: 1, timeoutMs: 10 * 60_000 }),
    });
  const sessions = new SessionManager({ db, secrets, redactor, events, logger, endpoints, loginContext: currentLoginContext, runLogin, dispatcherFor: (storeId) => pool.stickyDispatcher(storeId), now });
  const stores = createStoreService({ db, secrets, redactor, events, logger, sessions, endpoints, loginContext: currentLoginContext, runLogin, now });

  const backups = createBackupService({ db, paths, now, onProgress: (done, total) => events.emit('backup.progress', { done, total }) });

  const demper = createDemperService({
    db,
    events,
    logger,
    sessions,
    pool,
    endpoints,
    clock: { now: () => now().getTime(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    engineOverrides: config.engineOverrides,
  });
  // What the engine reprices follows the seller's edits at once.
  events.subscribe((event) => {
    if (event === 'products.changed' || event === 'stores.changed') void demper.reload().catch((error: unknown) => log.error('demper reload failed', { error }));
  });
  let monitor: HealthMonitor | null = null;
  if (config.proxyHealthChecks ?? true) {
    const proxySettings = readProxySettings(db);
    monitor = startHealthMonitor(proxyStore, pool, { url: proxySettings.healthCheckUrl, timeoutMs: 10_000, intervalMs: proxySettings.healthCheckIntervalMs });
  }

  const updates = config.updater
    ? createUpdateController({
        updater: config.updater(logger),
        channel: () => readSettings(db).updates.channel,
        // Stopping the engine waits for pushes in flight; the seller's "running" choice is kept for the new version.
        settle: () => demper.stop(),
        resume: () => demper.resumeIfRunning(),
        emit: (status) => events.emit('updates.status', status),
        logger,
      })
    : null;
  events.subscribe((event) => {
    if (event === 'settings.changed') void updates?.channelChanged();
  });

  const power = startPowerHandling({ db, demper, events, logger, now: () => now().getTime(), source: config.powerEvents, blocker: config.sleepBlocker, onReport: config.onWakeReport });

  const orders = createOrdersService({
    db, secrets, redactor, events, logger, sessions, endpoints, now, stores,
    dispatcherFor: (storeId) => pool.stickyDispatcher(storeId),
    costOf: costBasisReader(db),
    settings: config.ordersOverrides,
  });
  const analytics = createAnalyticsService({ db, logger, now, watching: () => demper.status().state === 'running' });
  // Orders follow their stores (added, removed, a token saved) and their products (synced, re-costed).
  events.subscribe((event, payload) => {
    if (event === 'stores.changed') void orders.reconcile().then(() => orders.relink()).catch((error: unknown) => log.error('orders did not follow the stores', { error }));
    if (event === 'products.changed') {
      const ids = (payload as { productIds: number[] | null }).productIds;
      orders.restampCosts(ids ?? (db.prepare('SELECT DISTINCT product_id AS id FROM order_entries WHERE product_id IS NOT NULL').all() as { id: number }[]).map((r) => r.id));
    }
  });

  // Pre-order and stock changes spend the demper's budgets: one per Kaspi account, both writers.
  const budgetMemory = createDemperMemoryRepo(db, () => now().getTime());
  const preorderSender = createPreorderSender({
    db, sessions, logger,
    budgets: demper.engine.budgets,
    now: () => now().getTime(),
    saveBlock: (merchantUid, until) => void budgetMemory.saveBlock(merchantUid, until),
    onChanged: (ids) => events.emit('preorders.changed', { ids }),
    settings: config.preorderOverrides,
  });
  const preorders = createPreordersService({ db, sender: preorderSender, budgets: demper.engine.budgets, now, onChanged: (ids) => events.emit('preorders.changed', { ids }) });
  await preorderSender.resume((await budgetMemory.load()).blocks);

  const services: AppServices = { config, paths, db, events, logger, redactor, secrets, startedAt: now(), now, sessions, stores, backups, proxyStore, pool, demper, updates, power: power.guard, orders, analytics, preorders };
  const dispatcher = createDispatcher(createHandlers(services), {
    mapError: (error) => (error instanceof KaspiError ? new AppError(`kaspi.${error.kind}`, error.userMessage, { retryAfterMs: error.retryAfterMs }) : undefined),
    onInternalError: (name, error) => logger.child('api').error('call failed', { call: name, error }),
  });
  log.info('app started', { shell: config.shell, version: config.appVersion, dataDir: paths.dataDir });
  for (const warning of config.warnings ?? []) log.warn('protection weakened', { warning });
  if (config.autoStartDemper ?? true) await demper.resumeIfRunning();
  updates?.start();
  if (config.autoStartOrders ?? true) {
    orders.start();
    analytics.start();
  }
  return {
    ...services,
    dispatcher,
    async close() {
      log.info('app closing');
      monitor?.stop();
      updates?.stop();
      power.stop();
      await analytics.stop();
      await orders.stop();
      await preorderSender.stop();
      await demper.stop();
      await pool.close();
      db.close();
    },
  };
}
