import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyticsService } from '../../src-main/analytics/analytics-service';
import { EventBus } from '../../src-main/app/event-bus';
import { openDatabase } from '../../src-main/db/connection';
import { createInsightsService } from '../../src-main/insights/insights-service';
import type { Logger } from '../../src-main/logging/logger';
import { VirtualClock } from '../../src-main/backtest/virtual-clock';
import { Prng } from '../sim/kaspi/prng';

/**
 * `insights_refresh_s`: rival profiles and product insights of 10,000 products (two stores, one
 * city each, 3-6 rivals per listing from 400 merchants) from a day of recorded looks: 12 looks per
 * listing that changed something (120,000 offer snapshots, as the snapshots repo writes them),
 * read from scratch, then every product's insight and the recommendations computed.
 * `insights_incremental_s`: the same after one more look at every listing (10,000 new snapshots).
 * A SQLite file in a temp folder, the app's own repositories and service.
 */
const PRODUCTS = 10_000;
const LOOKS = 12;
const MERCHANTS = 400;
const CITY = '750000000';
const HOUR = 3_600_000;

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

export default async function insightsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-insights-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    const rng = Prng.derive(3, 'bench-insights');
    const start = Date.UTC(2026, 10, 1, 0, 0, 0);
    const iso = (t: number) => new Date(t).toISOString();
    db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'bench@demper.test', 'email', ?, ?)").run(iso(start), iso(start));
    for (const storeId of [1, 2]) db.prepare('INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (?, 1, ?, ?, ?)').run(storeId, `3009000${storeId}`, `Bench ${storeId}`, iso(start));
    const addProduct = db.prepare('INSERT INTO products (store_id, sku, master_sku, title, bot_enabled, rules_json, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)');
    const snap = db.prepare('INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    interface Listing { productId: number; ourId: string; our: number; rivals: { id: string; price: number; floor: number }[] }
    const listings: Listing[] = [];
    db.transaction(() => {
      for (let i = 0; i < PRODUCTS; i++) {
        const storeId = 1 + (i % 2);
        const base = rng.int(2_000, 500_000);
        const id = Number(addProduct.run(storeId, `S-${i}`, String(100_000_000 + i), `Товар ${i}`, JSON.stringify({ floor: { kind: 'fixed', price: Math.round(base * 0.9) } }), iso(start), iso(start)).lastInsertRowid);
        const rivals = Array.from({ length: rng.int(3, 6) }, () => ({ id: `m${rng.int(1, MERCHANTS)}`, price: Math.round(base * (1 + rng.float() * 0.2)), floor: Math.round(base * (0.85 + rng.float() * 0.2)) }));
        listings.push({ productId: id, ourId: `3009000${storeId}`, our: Math.round(base * 1.05), rivals: rivals.filter((r, k) => rivals.findIndex((o) => o.id === r.id) === k) });
      }
    })();
    const look = (l: Listing, at: number) => {
      // Someone moved since the last look: we cut under the cheapest, a rival answers down to its floor.
      const best = Math.min(...l.rivals.map((r) => r.price));
      if (rng.chance(0.5)) l.our = Math.max(1, best - 10);
      const r = l.rivals[rng.int(0, l.rivals.length - 1)]!;
      r.price = Math.max(r.floor, Math.min(l.our, best) - rng.pick([1, 5, 10]));
      const offers = [{ merchantId: l.ourId, merchantName: 'Мы', price: l.our }, ...l.rivals.map((x) => ({ merchantId: x.id, merchantName: `Продавец ${x.id}`, price: x.price }))]
        .map((o) => ({ ...o, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null }))
        .sort((a, b) => a.price - b.price);
      const position = offers.findIndex((o) => o.merchantId === l.ourId) + 1;
      const rival = offers.find((o) => o.merchantId !== l.ourId)!;
      snap.run(l.productId, CITY, iso(at), l.our, position, rival.price, rival.merchantId, JSON.stringify(offers));
    };
    db.transaction(() => {
      for (let k = 0; k < LOOKS; k++) for (const l of listings) look(l, start + k * 2 * HOUR + rng.int(0, HOUR));
    })();

    const clock = new VirtualClock(start + 25 * HOUR);
    const analytics = createAnalyticsService({ db, logger: quiet, clock, watching: () => false });
    const insights = createInsightsService({ db, logger: quiet, events: new EventBus(), clock, analytics });
    const timed = () => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      insights.refresh();
      const scanCpu = process.cpuUsage(cpu);
      const scanned = performance.now();
      const { products, recommendations } = insights.products({});
      const rivals = insights.rivals().rivals.length;
      const end = performance.now();
      return { cpuScanS: (scanCpu.user + scanCpu.system) / 1e6, s: (end - t) / 1000, scanS: (scanned - t) / 1000, productsS: (end - scanned) / 1000, products: products.length, recommendations: recommendations.length, rivals };
    };
    const full = timed();
    db.transaction(() => {
      for (const l of listings) look(l, start + 25 * HOUR + rng.int(0, HOUR));
    })();
    await clock.advance(2 * HOUR);
    const more = timed();
    return {
      insights_refresh_s: Math.round(full.s * 100) / 100,
      insights_refresh_bound_s: 10,
      insights_refresh_scan_s: Math.round(full.scanS * 100) / 100,
      insights_refresh_scan_cpu_s: Math.round(full.cpuScanS * 100) / 100,
      insights_refresh_products_s: Math.round(full.productsS * 100) / 100,
      insights_incremental_s: Math.round(more.s * 100) / 100,
      insights_incremental_scan_s: Math.round(more.scanS * 100) / 100,
      insights_products: full.products,
      insights_snapshots: PRODUCTS * LOOKS,
      insights_rivals: full.rivals,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
