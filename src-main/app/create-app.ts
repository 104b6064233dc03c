import { mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { EventPayload } from '../../src-shared/contract';
import { createDispatcher } from '../../src-shared/contract/dispatcher';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { createLogger } from '../logging/logger';
import { RotatingFile } from '../logging/rotating-file';
import { createKeyFileBox } from '../secrets/key-file-box';
import { createBrowserLoginRunner } from '../stores/browser-login';
import { SessionManager } from '../stores/session-manager';
import { createStoreService } from '../stores/store-service';
import { createHandlers } from '../api';
import { ProxyPool } from '../proxies/pool';
import { SqliteProxyStore } from '../db/repos/proxies-repo';
import { systemClock } from '../time/clock';
import { startHealthMonitor } from '../proxies/health';
import type { HealthMonitor } from '../proxies/health';
import { createDemperService } from '../demper-wiring/demper-service';
import { settingsRepo } from '../db/repos/settings-repo';
import { createBackupService, openWithPendingRestore } from '../maintenance/backup-service';
import { createUpdateController } from '../updates/update-controller';
import { startPowerHandling } from '../power/power-handling';
import { createOrdersService } from '../orders/orders-service';
import { costBasisReader } from '../orders/cost-basis';
import { createPreorderSender } from '../preorders/preorder-sender';
import { createPreordersService } from '../preorders/preorders-service';
import { createDemperMemoryRepo } from '../db/repos/demper-memory-repo';
import { createAnalyticsService } from '../analytics/analytics-service';
import { createWhatsappService } from '../whatsapp/whatsapp-service';
import { renderMessage } from '../../src-shared/i18n/render';
import { createReviewsService } from '../reviews/reviews-service';
import { createProductsTable } from '../products-table/products-table-service';
import { createInsightsService } from '../insights/insights-service';
import { createBacktestService } from '../backtest/backtest-service';
import { EventBus } from './event-bus';
import { dataPaths } from './data-paths';
import { tuneHeapForLongRunningService } from './heap-tuning';
import { loginContext, loginTarget } from '../security/login-target';
import { assertSimEndpoints } from '../security/kaspi-sim-option';
import { makePrivate, privateFolders } from '../security/private-files';

import type { App, AppConfig, AppServices } from './services';
export type { App, AppConfig, AppServices } from './services';

/** The composition root: both shells call this and nothing else constructs services. */
export async function createApp(config: AppConfig): Promise<App> {
  tuneHeapForLongRunningService();
  const clock = config.clock ?? systemClock;
  const now = () => new Date(clock.now());
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
  const events = new EventBus({ onInvalidPayload: (event, error) => log.error('event payload did not pass its schema; not sent', { event, error }) });
  const productsTable = createProductsTable({ db, events, logger });
  // Read on every use: a login or call goes where the current settings (or start-up options) say.
  const settings = settingsRepo(db, (key, fields) => log.warn('stored settings did not pass their check; these fell back to their defaults', { key, fields }));
  const target = () => loginTarget(config, settings.app().kaspi);
  const endpoints = () => target().endpoints;
  const currentLoginContext = () => loginContext(target());
  const proxyStore = new SqliteProxyStore(db, secrets, clock);
  const pool = new ProxyPool({ store: proxyStore, settings: settings.proxies(), clock });
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
    settings,
    events,
    logger,
    sessions,
    pool,
    endpoints,
    clock,
    engineOverrides: config.engineOverrides,
  });
  // What the engine reprices follows the seller's edits at once.
  events.subscribe((event, payload) => {
    if (event !== 'products.changed' && event !== 'stores.changed') return;
    // An edit of some products reloads those only; a store's change, everything.
    const productIds = event === 'products.changed' ? (payload as EventPayload<'products.changed'>).productIds : null;
    void demper.reload(productIds).catch((error: unknown) => log.error('demper reload failed', { error }));
  });
  let monitor: HealthMonitor | null = null;
  if (config.proxyHealthChecks ?? true) {
    const proxySettings = settings.proxies();
    monitor = startHealthMonitor(proxyStore, pool, { url: proxySettings.healthCheckUrl, timeoutMs: 10_000, intervalMs: proxySettings.healthCheckIntervalMs, clock });
  }

  const updates = config.updater
    ? createUpdateController({
        updater: config.updater(logger),
        channel: () => settings.app().updates.channel,
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

  const power = startPowerHandling({ preventSleep: () => settings.app().desktop.preventSleep, demper, events, logger, now: clock.now, source: config.powerEvents, blocker: config.sleepBlocker, onReport: config.onWakeReport });

  const orders = createOrdersService({
    db, secrets, redactor, events, logger, sessions, endpoints, clock, stores,
    dispatcherFor: (storeId) => pool.stickyDispatcher(storeId),
    costOf: costBasisReader(db),
    settings: config.ordersOverrides,
  });
  const analytics = createAnalyticsService({ db, logger, clock, watching: () => demper.status().state === 'running' });
  // Orders follow their stores (added, removed, a token saved) and their products (synced, re-costed).
  events.subscribe((event, payload) => {
    if (event === 'stores.changed') void orders.reconcile().then(() => orders.relink()).catch((error: unknown) => log.error('orders did not follow the stores', { error }));
    if (event === 'products.changed') {
      orders.restampCosts((payload as { productIds: number[] | null }).productIds);
    }
  });

  const insights = createInsightsService({ db, logger, events, clock, analytics });
  const backtests = createBacktestService({ db, databasePath: paths.database, events, logger, clock, demperSettings: () => demper.settings() });
  const whatsapp = createWhatsappService({ db, secrets, redactor, events, logger, now, stores, pacing: config.whatsappOverrides });
  const reviews = createReviewsService({ db, events, logger, now, pool, endpoints, stores, reviewRequestsSince: whatsapp.reviewRequestsSince, settings: config.reviewsOverrides });
  // An order's status change may fire a store's WhatsApp trigger.
  events.subscribe((event) => {
    if (event === 'orders.changed') whatsapp.ordersChanged();
  });

  // Pre-order and stock changes spend the demper's budgets: one per Kaspi account, both writers.
  const budgetMemory = createDemperMemoryRepo(db, clock.now);
  const preorderSender = createPreorderSender({
    db, sessions, logger,
    budgets: demper.engine.budgets,
    now: clock.now,
    saveBlock: (merchantUid, until) => void budgetMemory.saveBlock(merchantUid, until),
    onChanged: (ids) => events.emit('preorders.changed', { ids }),
    settings: config.preorderOverrides,
  });
  const preorders = createPreordersService({ db, sender: preorderSender, budgets: demper.engine.budgets, now, onChanged: (ids) => events.emit('preorders.changed', { ids }) });
  preorderSender.resume((await budgetMemory.load()).blocks);

  const services: AppServices = { config, paths, db, settings, events, logger, redactor, secrets, startedAt: now(), clock, now, sessions, stores, backups, proxyStore, pool, demper, updates, power: power.guard, orders, analytics, productsTable, insights, backtests, whatsapp, reviews, preorders };
  const dispatcher = createDispatcher(createHandlers(services), {
    mapError: (error) => (error instanceof KaspiError ? new AppError(`kaspi.${error.kind}`, error.userMessage, { retryAfterMs: error.retryAfterMs }) : undefined),
    onInternalError: (name, error) => logger.child('api').error('call failed', { call: name, error }),
  });
  log.info('app started', { shell: config.shell, version: config.appVersion, dataDir: paths.dataDir });
  for (const warning of config.warnings ?? []) log.warn('protection weakened', { warning: renderMessage(warning, 'en') });
  if (config.autoStartDemper ?? true) await demper.resumeIfRunning();
  updates?.start();
  productsTable.start();
  if (config.autoStartOrders ?? true) {
    orders.start();
    analytics.start();
  }
  await whatsapp.start();
  if (config.autoStartReviews ?? config.autoStartOrders ?? true) reviews.start();
  return {
    ...services,
    dispatcher,
    async close() {
      log.info('app closing');
      monitor?.stop();
      updates?.stop();
      power.stop();
      productsTable.stop();
      backtests.stop();
      await analytics.stop();
      await reviews.stop();
      await whatsapp.stop();
      await orders.stop();
      await preorderSender.stop();
      await demper.close();
      await pool.close();
      db.close();
    },
  };
}
