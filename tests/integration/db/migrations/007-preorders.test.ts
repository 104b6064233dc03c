import { describe, expect, it } from 'vitest';
import { migrateTo, SEED_AT, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 7: pre-orders, their points, send journal, uploads and history', () => {
  it("carries an old pre-order over in the seed's shape: article, name, price, and its days at every point the offer is on sale", () => {
    const db = files.at(6);
    seedStore(db);
    db.prepare("INSERT INTO preorders (id, store_id, product_id, preorder_days, status, created_at) VALUES (1, 1, 7, 14, 'active', ?), (2, 1, 8, 5, 'draft', ?)").run(SEED_AT, SEED_AT);
    const before = seededCounts(db);
    migrateTo(db, 7);
    expect(seededCounts(db)).toEqual(before);

    expect(db.prepare('SELECT id, store_id, product_id, sku, name, price, status FROM preorders ORDER BY id').all()).toEqual([
      // The lowest of the offer's city prices: 99,990 in Almaty, 101,990 in Astana.
      { id: 1, store_id: 1, product_id: 7, sku: 'SKU-7', name: 'Смартфон Samsung Galaxy A15 128GB', price: 99_990, status: 'active' },
      { id: 2, store_id: 1, product_id: 8, sku: 'SKU-8', name: 'Чехол', price: 2_500, status: 'draft' },
    ]);
    expect(db.prepare('SELECT preorder_id, point_id, days FROM preorder_points ORDER BY preorder_id, point_id').all()).toEqual([
      { preorder_id: 1, point_id: '30067228_PP1', days: 14 },
      { preorder_id: 1, point_id: '30067228_PP2', days: 14 },
      { preorder_id: 2, point_id: '30067228_PP1', days: 5 },
    ]);
    // The rules of the new shape hold for what comes next.
    expect(() => db.prepare("INSERT INTO preorder_points (preorder_id, point_id, days) VALUES (2, '30067228_PP2', 31)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO preorders (store_id, sku, name, price, status, created_at, updated_at) VALUES (1, 'N-1', 'New', 10.5, 'draft', 'x', 'x')").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
