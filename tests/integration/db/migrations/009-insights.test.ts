import { describe, expect, it } from 'vitest';
import { insightsRepo } from '../../../../src-main/db/repos/insights-repo';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 9: competition insights and the rule changes made from them', () => {
  it('keeps what was there, and the first refresh learns the rivals from the history recorded before it', () => {
    const db = files.at(6);
    seedStore(db);
    const offers = JSON.stringify([
      { merchantId: 'rival', merchantName: 'Магазин X', price: 99_500 },
      { merchantId: '30067228', merchantName: 'Shop', price: 99_990 },
    ]);
    db.prepare("INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json) VALUES (7, '750000000', '2026-03-01T11:00:00.000Z', 99990, 2, 99500, 'rival', ?)").run(offers);
    const before = seededCounts(db);
    migrateTo(db, 9);
    expect(seededCounts(db)).toEqual(before);

    const repo = insightsRepo(db);
    expect(repo.rivals()).toEqual([]);
    expect(repo.refresh({ ownMerchantIds: ['30067228'], utcOffsetMinutes: 300 }).snapshots).toBe(2);
    expect(repo.rivals().map((rival) => rival.merchantId)).toEqual(['rival']);
    expect(db.prepare('SELECT product_id, city_id FROM insight_pairs').all()).toEqual([{ product_id: 7, city_id: '750000000' }]);
    // A second refresh reads nothing twice: the cursor moved with what was learnt.
    expect(repo.refresh({ ownMerchantIds: ['30067228'], utcOffsetMinutes: 300 }).snapshots).toBe(0);
    expect(() => db.prepare("INSERT INTO rule_changes (at_ms, source, kind, change_json, products_json) VALUES (1, 'elsewhere', 'x', '{}', '[]')").run()).toThrow(/CHECK/);
  });
});
