import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { createProductSource } from '../../../src-main/demper-wiring/product-source';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const ALMATY = '750000000';
const ASTANA = '710000000';
/** More than four pages of the source’s reads (250 products a page), so page edges are crossed. */
const PRODUCTS = 1_203;

/** A store with the bot on and PRODUCTS offers; every seventh has its bot off, every eleventh no catalogue id. */
function seeded() {
  const db = openDatabase(join(tempDir(), 'app.db'));
  const now = '2026-12-02T09:00:00.000Z';
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(now, now);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at, bot_enabled) VALUES (1, 1, '30000001', 'Shop', ?, 1)").run(now);
  db.prepare("INSERT INTO store_points (store_id, point_id, name, city_id) VALUES (1, 'PP1', 'Almaty', ?), (1, 'PP2', 'Astana', ?)").run(ALMATY, ASTANA);
  const product = db.prepare(
    "INSERT INTO products (id, store_id, sku, master_sku, title, bot_enabled, rules_json, created_at, updated_at) VALUES (?, 1, ?, ?, 'Phone', ?, ?, ?, ?)",
  );
  const price = db.prepare('INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (?, ?, 5000, ?)');
  const point = db.prepare('INSERT INTO product_availabilities (product_id, point_id, available, preorder_days, stock_count) VALUES (?, ?, 1, ?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= PRODUCTS; id++) {
      product.run(id, `SKU${id}`, id % 11 === 0 ? null : `${100_000_000 + id}`, id % 7 === 0 ? 0 : 1, JSON.stringify({ floor: { kind: 'fixed', price: 1_000 + id } }), now, now);
      price.run(id, ALMATY, now);
      point.run(id, 'PP1', 0, id);
      if (id % 2 === 0) {
        price.run(id, ASTANA, now);
        point.run(id, 'PP2', id % 4 === 0 ? 3 : 0, 1);
      }
    }
  })();
  return db;
}

describe('the products the demper reprices, read from SQLite', () => {
  it('gives every product on sale with its bot on, once, with its own rules, cities and stock, across the pages it reads in', async () => {
    const db = seeded();
    const products = await createProductSource(db).products(1);
    const expected = Array.from({ length: PRODUCTS }, (_, i) => i + 1).filter((id) => id % 7 !== 0 && id % 11 !== 0);
    expect(products.map((p) => p.productId)).toEqual(expected);
    for (const p of products) {
      const id = p.productId;
      expect(p.rules.floor).toEqual({ kind: 'fixed', price: 1_000 + id });
      expect(p.masterSku).toBe(`${100_000_000 + id}`);
      expect([...p.cities].sort()).toEqual(id % 2 === 0 ? [ASTANA, ALMATY].sort() : [ALMATY]);
      // Stock of its own points, never a neighbour's on a page edge: units summed, pre-order where every point there has days.
      expect(p.stock).toEqual({ units: id % 2 === 0 ? id + 1 : id, preOrderCities: id % 4 === 0 ? [ASTANA] : [] });
    }
    db.close();
  });

  it('reads an edit’s products by id with their own stock, and none of a store whose bot is off', async () => {
    const db = seeded();
    const source = createProductSource(db);
    const edited = await source.productsByIds!([4, 7, 600, 1_200]);
    expect(edited.map((p) => [p.productId, p.stock])).toEqual([
      [4, { units: 5, preOrderCities: [ASTANA] }],
      [600, { units: 601, preOrderCities: [ASTANA] }],
      [1_200, { units: 1_201, preOrderCities: [ASTANA] }],
    ]);
    db.prepare('UPDATE stores SET bot_enabled = 0').run();
    expect(await source.products(1)).toEqual([]);
    db.close();
  });
});
