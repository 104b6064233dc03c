import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/connection';
import { createDemperMemoryRepo } from '../../src-main/db/repos/demper-memory-repo';
import { createSqliteJournal } from '../../src-main/db/repos/journal-repo';
import { snapshotsRepo, summarise } from '../../src-main/db/repos/snapshots-repo';
import { DemperEngine } from '../../src-main/demper/engine';
import type { EngineSettingsInput } from '../../src-main/demper/settings';
import { createProductSource } from '../../src-main/demper-wiring/product-source';
import type { ScenarioOptions } from '../sim/market/scenario';
import { buildScenario } from '../sim/market/scenario';

const HOUR = 3_600_000;

/**
 * A live period recorded the way the app records it: the demper engine running live against the
 * in-memory market (tests/sim/market) with the app's own SQLite adapters — products and rules read
 * by the app's product source, the price journal, the engine's memory, and an offer snapshot for
 * every look the demper service would record. What a backtest then reads back.
 */
export async function recordLivePeriod(dir: string, scenario: ScenarioOptions, settings: EngineSettingsInput, hours: number) {
  const sc = buildScenario(scenario);
  const db = openDatabase(join(dir, 'recorded.db'));
  const at = new Date(sc.clock.now()).toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'seller@shop.kz', 'email', ?, ?)").run(at, at);
  for (const s of sc.stores) db.prepare('INSERT INTO stores (id, account_id, merchant_uid, name, bot_enabled, created_at) VALUES (?, 1, ?, ?, 1, ?)').run(s.storeId, s.merchantId, s.name, at);
  for (const p of sc.products) {
    // The resolved rules stored as the product's own: they resolve back to exactly these.
    db.prepare('INSERT INTO products (id, store_id, sku, master_sku, title, bot_enabled, rules_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)')
      .run(p.productId, p.storeId, p.sku, p.masterSku, `Product ${p.productId}`, JSON.stringify(p.rules), at, at);
    for (const cityId of p.cities) db.prepare('INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (?, ?, 1000, ?)').run(p.productId, cityId, at);
  }
  const snapshots = snapshotsRepo(db);
  const engine = new DemperEngine(
    { offers: sc.offers, pusher: sc.pusher, clock: sc.clock, journal: createSqliteJournal(db), products: createProductSource(db), sessions: sc.pusher, memory: createDemperMemoryRepo(db, () => sc.clock.now()) },
    { statusIntervalMs: HOUR, ...settings },
  );
  engine.onEvent((e) => {
    if (e.type === 'offers') snapshots.record(summarise(e.productId, e.cityId, e.offers, e.ownMerchantIds, new Date(e.at).toISOString()));
  });
  const fromMs = sc.clock.now();
  await engine.start();
  await sc.clock.runUntil(fromMs + hours * HOUR);
  const toMs = sc.clock.now();
  let stopped = false;
  const stopping = engine.stop().then(() => (stopped = true));
  await sc.clock.until(() => stopped, 10 * 60_000);
  await stopping;
  return { db, sc, fromMs, toMs };
}

/** Live's pushes in a period as the journal holds them, for holding a replay against. */
export function livePushes(db: Database, fromMs: number, toMs: number) {
  return (db.prepare("SELECT product_id, city_id, old_price, new_price, reason_code, created_at FROM price_journal WHERE status IN ('pushed', 'verified', 'mismatch') AND created_at >= ? AND created_at <= ? ORDER BY created_at, id")
    .all(new Date(fromMs).toISOString(), new Date(toMs).toISOString()) as { product_id: number; city_id: string; old_price: number | null; new_price: number; reason_code: string; created_at: string }[])
    .map((r) => ({ productId: r.product_id, cityId: r.city_id, oldPrice: r.old_price, newPrice: r.new_price, code: r.reason_code, at: Date.parse(r.created_at) }));
}
