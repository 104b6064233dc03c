import { describe, expect, it } from 'vitest';
import { offerStateRepo } from '../../../../src-main/db/repos/offer-state-repo';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 3: offer state for faithful pushes', () => {
  it('reads an offer synced before it whole (listed prices, points with stock and pre-orders), with no unlisted prices and no push sent yet', () => {
    const db = files.at(2);
    seedStore(db);
    const before = seededCounts(db);
    migrateTo(db, 3);
    expect(seededCounts(db)).toEqual(before);

    const offers = offerStateRepo(db);
    expect(offers.state(7)).toMatchObject({
      merchantUid: '30067228',
      sku: 'SKU-7',
      listedPrices: [{ cityId: '710000000', price: 101_990 }, { cityId: '750000000', price: 99_990 }],
      unlistedPrices: [],
      availabilities: [
        { storeId: '30067228_PP1', available: true, preOrder: 0, stockCount: 5 },
        { storeId: '30067228_PP2', available: true, preOrder: 3, stockCount: null },
      ],
      storeCities: ['710000000', '750000000'],
    });
    expect(offers.lastSentSince(7, null)).toBeUndefined();
  });

  it('journals a push for a product that existed before it, and refuses one for a product that does not', () => {
    const db = files.at(2);
    seedStore(db);
    migrateTo(db, 3);
    const offers = offerStateRepo(db);
    const body = { cityPrices: [{ cityId: '750000000', value: 98_990 }], availabilities: [] };
    const id = offers.recordSending({ storeId: 1, productId: 7, sku: 'SKU-7', body, at: '2026-03-02T00:00:00.000Z' });
    offers.answered(id, { status: 'accepted', jobId: 'job-1', at: '2026-03-02T00:00:01.000Z' });
    expect(offers.lastSentSince(7, '2026-03-01T00:00:00.000Z')).toMatchObject({ status: 'accepted', jobId: 'job-1', body });
    expect(() => offers.recordSending({ storeId: 1, productId: 99, sku: 'X', body, at: 'x' })).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO product_unlisted_prices (product_id, city_id, price, updated_at) VALUES (7, '351010000', 99.5, 'x')").run()).toThrow(/CHECK/);
  });
});
