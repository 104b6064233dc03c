import { describe, expect, it } from 'vitest';
import { createDemperMemoryRepo } from '../../../../src-main/db/repos/demper-memory-repo';
import { emptyMemory } from '../../../../src-shared/pricing';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();
const T = Date.parse('2026-03-02T10:00:00Z');

describe('migration 4: demper memory, change-budget blocks, kill-switch stops', () => {
  it('keeps products, journal and pushes, starts with nothing learnt, and learns for the products that were there', async () => {
    const db = files.at(3);
    seedStore(db);
    db.prepare("INSERT INTO offer_pushes (store_id, product_id, sku, body_json, status, created_at) VALUES (1, 7, 'SKU-7', '{}', 'accepted', 'x')").run();
    const before = seededCounts(db);
    migrateTo(db, 4);
    expect(seededCounts(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM offer_pushes').get()).toEqual({ n: 1 });

    const repo = createDemperMemoryRepo(db, () => T);
    expect(await repo.load()).toEqual({ pairs: [], blocks: [], stops: [] });
    const memory = { ...emptyMemory(), firstMs: 60_000 };
    // 99 was never a product: its memory is dropped, not written against nothing.
    await repo.savePairs([{ productId: 7, cityId: '750000000', memory }, { productId: 99, cityId: '750000000', memory }]);
    expect((await repo.load()).pairs).toEqual([{ productId: 7, cityId: '750000000', memory }]);
    expect(() => db.prepare("INSERT INTO demper_store_stops (store_id, stop_json, stopped_at) VALUES (99, '{}', 'x')").run()).toThrow(/FOREIGN KEY/);
  });
});
