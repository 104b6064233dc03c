import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src-main/db/connection';
import { snapshotsRepo, summarise } from '../../../src-main/db/repos/snapshots-repo';
import type { Offer } from '../../../src-shared/domain/offer';

export const ALMATY = '750000000';
export const T0 = Date.parse('2026-11-20T09:00:00Z');

export interface SeedProduct {
  sku: string;
  title?: string;
  rules?: object;
  bot?: boolean;
  price?: number;
}

/** A real database file with one account, the given stores and their products. */
export function seedDatabase(
  dir: string,
  stores: Array<{ name: string; uid: string; defaults?: object; products: SeedProduct[] }>,
  fileName = 'demper.db',
): { db: Database; ids: Map<string, number>; storeIds: number[] } {
  const db = openDatabase(join(dir, fileName));
  const at = new Date(T0).toISOString();
  db.prepare("INSERT INTO kaspi_accounts (login, login_method, created_at, updated_at) VALUES ('seller@shop.kz', 'email', ?, ?)").run(at, at);
  const ids = new Map<string, number>();
  const storeIds: number[] = [];
  // One transaction: a catalogue of 20,000 (the bench's) is written in a second, not minutes.
  db.transaction(() => {
  for (const s of stores) {
    const storeId = Number(
      db.prepare('INSERT INTO stores (account_id, merchant_uid, name, default_rules_json, created_at) VALUES (1, ?, ?, ?, ?)').run(s.uid, s.name, JSON.stringify(s.defaults ?? {}), at).lastInsertRowid,
    );
    storeIds.push(storeId);
    for (const p of s.products) {
      const id = Number(
        db
          .prepare('INSERT INTO products (store_id, sku, master_sku, title, bot_enabled, rules_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(storeId, p.sku, `m-${p.sku}`, p.title ?? `Товар ${p.sku}`, p.bot ? 1 : 0, JSON.stringify(p.rules ?? {}), at, at).lastInsertRowid,
      );
      if (p.price !== undefined) db.prepare('INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (?, ?, ?, ?)').run(id, ALMATY, p.price, at);
      ids.set(stores.length > 1 ? `${s.uid}:${p.sku}` : p.sku, id);
    }
  }
  })();
  return { db, ids, storeIds };
}

export const offer = (merchantId: string, merchantName: string, price: number, extra: Partial<Offer> = {}): Offer => ({
  merchantId, merchantName, price, rating: 4.8, reviewsCount: 120, deliveryDuration: 'TOMORROW', kaspiDelivery: true, ...extra,
});

export function recordMarket(db: Database, productId: number, offers: Offer[], own: string[], at: number, cityId = ALMATY): void {
  snapshotsRepo(db).record(summarise(productId, cityId, offers, own, new Date(at).toISOString()));
}

export function snapshotOf(db: Database, productId: number): string {
  return JSON.stringify(db.prepare('SELECT rules_json, bot_enabled FROM products WHERE id = ?').get(productId));
}
