import { describe, expect, it } from 'vitest';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 1: initial schema', () => {
  it('turns an empty file into the schema a seller’s store, products, prices and journal are written to', () => {
    const db = files.at(0);
    migrateTo(db, 1);
    seedStore(db);
    expect(seededCounts(db)).toEqual({ kaspi_accounts: 1, stores: 1, store_points: 2, store_cities: 2, products: 2, product_city_prices: 3, product_availabilities: 3, offer_snapshots: 1, price_journal: 1 });
    expect(db.prepare('SELECT p.title, c.price FROM products p JOIN product_city_prices c ON c.product_id = p.id WHERE p.id = 7 ORDER BY c.city_id').all()).toEqual([
      { title: 'Смартфон Samsung Galaxy A15 128GB', price: 101_990 },
      { title: 'Смартфон Samsung Galaxy A15 128GB', price: 99_990 },
    ]);
  });

  it('refuses money that is not whole tenge, a zero price and rows that point nowhere', () => {
    const db = files.at(1);
    seedStore(db);
    const price = db.prepare("INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (8, '710000000', ?, 'x')");
    expect(() => price.run(2_500.5)).toThrow(/CHECK/);
    expect(() => price.run(0)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO price_journal (store_id, product_id, city_id, new_price, reason_code, reason_json, status, created_at) VALUES (1, 7, '750000000', 0, 'x', '{}', 'planned', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO products (store_id, sku, title, created_at, updated_at) VALUES (99, 'S', 'T', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO stores (account_id, merchant_uid, name, created_at) VALUES (1, '30067228', 'Twice', 'x')").run()).toThrow(/UNIQUE/);
    // Refused writes leave what was there.
    expect(seededCounts(db).product_city_prices).toBe(3);
  });
});
