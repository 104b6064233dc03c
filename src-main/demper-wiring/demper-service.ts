import type { Database } from 'better-sqlite3';
import type { DemperSettings, EngineStatusView } from '../../src-shared/contract/demper';
import type { EventBus } from '../app/event-bus';
import { createDemperMemoryRepo } from '../db/repos/demper-memory-repo';
import { createSqliteJournal } from '../db/repos/journal-repo';
import { productsRepo } from '../db/repos/products-repo';
import { storesRepo } from '../db/repos/stores-repo';
import type { SettingsRepo } from '../db/repos/settings-repo';
import { snapshotsRepo, summarise, type Snapshot } from '../db/repos/snapshots-repo';
import { DemperEngine } from '../demper/engine';
import { DEFAULT_SHARING } from '../demper/change-budget';
import type { Clock, JournalPlan } from '../demper/ports';
import type { EngineSettingsInput } from '../demper/settings';
import type { Logger } from '../logging/logger';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import type { ProxyPool } from '../proxies/pool';
import type { SessionManager } from '../stores/session-manager';
import { createRulesService } from '../rules/rules-service';
import { groupCommit } from '../db/group-commit';
import { createDecodePool } from '../kaspi/decode-pool';
import { createOfferSource, createPricePusher, createSessionKeeper } from './kaspi-ports';
import { createProductSource } from './product-source';
import { msg } from '../../src-shared/i18n';

export interface DemperServiceDeps {
  db: Database;
  /** The demper's settings and whether the seller left it running. */
  settings: Pick<SettingsRepo, 'demper' | 'updateDemper' | 'demperRunning' | 'setDemperRunning'>;
  events: EventBus;
  logger: Logger;
  sessions: SessionManager;
  pool: ProxyPool;
  endpoints: () => KaspiEndpoints;
  clock: Clock;
  /** Engine numbers the seller does not tune (tests and benchmarks shrink delays here). */
  engineOverrides?: EngineSettingsInput;
}

/**
 * The demper as the app runs it: the engine (src-main/demper) on SQLite, the Kaspi adapters and
 * the proxy pool; its settings kept in the database; its events turned into UI events, offer
 * snapshots and the store's own price after a verified push.
 */
export function createDemperService(deps: DemperServiceDeps) {
  const { db, events } = deps;
  const log = deps.logger.child('demper');
  const snapshots = snapshotsRepo(db);
  // A pass checks hundreds of offers a second: their snapshots and dry-run rows share commits that
  // do not wait for the disk (a power cut may lose the last second of price history, never a push).
  const recordSnapshot = groupCommit(db, (s: Snapshot) => snapshots.record(s), 50, false);
  const journal = createSqliteJournal(db);
  const planDryRun = groupCommit(db, (p: JournalPlan) => journal.plan(p), 50, false);
  const stores = storesRepo(db);
  const products = productsRepo(db);
  // Storefront answers (hundreds a second in a pass) are decompressed and parsed off the main thread.
  const decoder = createDecodePool({ onWorkerLost: (reason) => log.warn('an answer decoder was lost; its reads are tried again later', { reason }) });
  // Turns the bot off for products a kill-switch stop names, when the seller continues without them.
  const rules = createRulesService({
    db,
    now: () => new Date(deps.clock.now()),
    onChanged: (productIds) => events.emit('products.changed', { productIds: productIds && productIds.length <= 1000 ? productIds : null }),
  });

  const toEngine = (s: DemperSettings): EngineSettingsInput => {
    // The pool keeps each IP under its own budget; the engine's single lane gets the pool's total.
    const rate = Math.max(s.offersPerSecondPerIp, deps.pool.capacity(null).offersPerSecond);
    return {
      // About a second of requests in flight keeps the lanes busy without a stampede.
      maxConcurrentFetches: Math.max(8, Math.ceil(rate)),
      ...deps.engineOverrides,
      dryRun: s.dryRun,
      offersPerSecondPerLane: rate,
      pushesPerSecond: s.pushesPerSecond,
      pushWindowLimit: s.pushWindowLimit,
      workingHours: s.workingHours,
    };
  };

  let settings = deps.settings.demper();
  deps.pool.configure({ offersPerSecond: settings.offersPerSecondPerIp });
  const engine = new DemperEngine(
    {
      // Kaspi's addresses are read from the settings once a second, not once per request.
      offers: createOfferSource(deps.pool, cachedFor(1_000, deps.endpoints, deps.clock), decoder),
      pusher: createPricePusher(db, deps.sessions),
      clock: deps.clock,
      // A live push's row is on disk before the push leaves (synchronous=FULL); a dry-run row may wait.
      journal: { ...journal, plan: async (p) => (p.dryRun ? await planDryRun(p) : await journal.plan(p)) },
      products: createProductSource(db),
      sessions: createSessionKeeper(db, deps.sessions),
      memory: createDemperMemoryRepo(db, deps.clock.now),
    },
    toEngine(settings),
  );
  const share = (s: DemperSettings): void => engine.budgets.share({ ...DEFAULT_SHARING, first: s.changePriority });
  share(settings);

  /** Pushes in flight settle and are journalled; price history and dry-run rows still batched are written. */
  const settle = async (): Promise<void> => {
    await engine.stop();
    recordSnapshot.flush();
    planDryRun.flush();
  };

  const floorAlerts = throttle(6 * 3_600_000);
  engine.onEvent((event) => {
    switch (event.type) {
      case 'status':
        events.emit('demper.status', event.status);
        break;
      case 'decision': {
        events.emit('demper.decision', { at: event.at, storeId: event.storeId, productId: event.productId, cityId: event.cityId, decision: event.decision });
        const { reason } = event.decision;
        const atFloor = event.decision.action === 'set' && (reason.guards.includes('floor') || reason.code === 'rival_below_floor_floor');
        if (atFloor && floorAlerts.due(`${event.productId}:${event.cityId}`, event.at)) {
          events.emit('demper.alert', {
            at: event.at,
            kind: 'floor_reached',
            storeId: event.storeId,
            message: msg('alerts.floor_reached', { productId: event.productId, floor: reason.floor }),
          });
        }
        break;
      }
      case 'offers':
        recordSnapshot(summarise(event.productId, event.cityId, event.offers, event.ownMerchantIds, new Date(event.at).toISOString())).catch((error: unknown) =>
          log.warn('offer snapshot not saved', { productId: event.productId, error }),
        );
        break;
      case 'journal':
        if (event.status === 'verified') products.setCityPrice(event.productId, event.cityId, event.price, new Date(event.at).toISOString());
        log.info(`price ${event.status}`, { storeId: event.storeId, productId: event.productId, cityId: event.cityId, price: event.price, entryId: event.entryId });
        break;
      case 'kill-switch':
        log.warn('kill switch paused a store', { storeId: event.storeId, ...event.verdict });
        events.emit('demper.alert', {
          at: event.at,
          kind: 'kill_switch',
          storeId: event.storeId,
          message: msg('alerts.kill_switch', { suspect: event.verdict.suspect, considered: event.verdict.considered }),
        });
        break;
      case 'error':
        log.warn('engine error', { ...event.error, storeId: event.error.scope === 'store' ? Number(event.error.id) : undefined });
        if (event.error.kind === 'account-blocked' || event.error.kind === 'session-expired') {
          events.emit('demper.alert', {
            at: event.error.at,
            kind: event.error.kind === 'account-blocked' ? 'account_blocked' : 'login_needed',
            storeId: event.error.scope === 'store' ? Number(event.error.id) : null,
            message: event.error.userMessage ?? msg(event.error.kind === 'account-blocked' ? 'kaspi.account-blocked' : 'kaspi.session-expired'),
          });
        }
        break;
    }
  });

  return {
    engine,
    status: (): EngineStatusView => engine.status(),
    settings: () => settings,
    updateSettings(patch: Partial<DemperSettings>): DemperSettings {
      settings = deps.settings.updateDemper(patch);
      deps.pool.configure({ offersPerSecond: settings.offersPerSecondPerIp });
      engine.updateSettings(toEngine(settings));
      share(settings);
      log.info('settings changed', { ...settings });
      events.emit('demper.settings', settings);
      return settings;
    },
    async control(action: 'start' | 'stop' | 'pause' | 'resume', storeId?: number): Promise<EngineStatusView> {
      if (storeId !== undefined) {
        // Per store the choice is the seller's and persists; the engine follows on reload.
        const on = action === 'start' || action === 'resume';
        stores.setBotEnabled(storeId, on);
        if (engine.status().state !== 'stopped') {
          await engine.reload();
          if (on) engine.resumeStore(storeId);
        }
      } else if (action === 'start') {
        deps.settings.setDemperRunning(true);
        if (engine.status().state === 'stopped') await engine.start();
        else engine.resume();
      } else if (action === 'stop') {
        deps.settings.setDemperRunning(false);
        await engine.stop();
      } else if (action === 'pause') {
        engine.pause();
      } else {
        engine.resume();
      }
      log.info(`demper ${action}`, { storeId });
      return engine.status();
    },
    /**
     * Continue after a kill-switch stop: with every product (the prices it held are taken as the
     * market), or only with the products that did not trip it — their bot is turned off first, so
     * they stay as they are until the seller turns it on again on the Products page.
     */
    async resetKillSwitch(storeId: number, only: 'all' | 'untripped' = 'all'): Promise<EngineStatusView> {
      const stop = engine.killSwitchOf(storeId);
      if (stop && only === 'untripped' && stop.productIds.length > 0) {
        rules.setBot(stop.productIds, false);
        if (engine.status().state !== 'stopped') await engine.reload();
      }
      engine.resetKillSwitch(storeId);
      log.info('kill switch lifted', { storeId, only, tripped: stop?.productIds.length ?? 0 });
      return engine.status();
    },
    /** What the engine has learnt about a product, per city (the product drawer). */
    insight(productId: number) {
      return { cities: engine.insight(productId) };
    },
    /** At app start: back to work if the seller left the bot running. */
    async resumeIfRunning(): Promise<void> {
      if (deps.settings.demperRunning()) await engine.start();
    },
    /**
     * The computer is going to sleep (or lost its network): pushes in flight settle and are
     * journalled, nothing new starts. The seller's "running" choice is kept. False if it was not running.
     */
    async pauseForSleep(): Promise<boolean> {
      if (engine.status().state === 'stopped') return false;
      await settle();
      return true;
    },
    /**
     * Awake again: if the seller left the bot running, it starts with every decision made before the
     * sleep dropped and every product read again before any push (an expired session is renewed by
     * the engine's session keeper on the first push). Returns how many pairs are read again.
     */
    async resumeAfterWake(): Promise<number> {
      if (!deps.settings.demperRunning() || engine.status().state !== 'stopped') return 0;
      engine.forgetDecisionsAndRecheck();
      await engine.start();
      const rechecking = engine.status().pairs.total;
      log.info('resumed after sleep', { rechecking });
      return rechecking;
    },
    /** After rules, products or stores change: only the given products when the change names them. */
    async reload(productIds?: readonly number[] | null): Promise<void> {
      if (engine.status().state === 'stopped') return;
      await (productIds ? engine.reloadProducts(productIds) : engine.reload());
    },
    stop: settle,
    /** The app is closing: the engine settles and the answer decoders' threads end. */
    async close(): Promise<void> {
      await settle();
      await decoder.close();
    },
  };
}
export type DemperService = ReturnType<typeof createDemperService>;

/** `read`, answered from a copy at most `ms` old. */
function cachedFor<T>(ms: number, read: () => T, clock: Clock): () => T {
  let value: T | undefined;
  let readAt = -Infinity;
  return () => {
    const now = clock.now();
    if (value === undefined || now - readAt >= ms) [value, readAt] = [read(), now];
    return value;
  };
}

/** At most one alert per key per period: a product sitting at its floor is news once, not every minute. */
function throttle(periodMs: number) {
  const last = new Map<string, number>();
  return {
    due(key: string, at: number): boolean {
      const prev = last.get(key);
      if (prev !== undefined && at - prev < periodMs) return false;
      last.set(key, at);
      return true;
    },
  };
}
