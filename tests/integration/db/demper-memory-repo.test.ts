import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/db/connection';
import { createDemperMemoryRepo } from '../../../src-main/db/repos/demper-memory-repo';
import type { KillSwitchStop } from '../../../src-main/demper/ports';
import { emptyMemory } from '../../../src-shared/pricing';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const T = Date.parse('2026-12-01T10:00:00Z');

function seeded() {
  const path = join(tempDir(), 'app.db');
  const db = openDatabase(path);
  const now = new Date(T).toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(now, now);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30000001', 'Shop', ?)").run(now);
  for (const id of [7, 8]) db.prepare("INSERT INTO products (id, store_id, sku, title, created_at, updated_at) VALUES (?, 1, ?, 'Phone', ?, ?)").run(id, `SKU${id}`, now, now);
  return { db, path };
}

const stop: KillSwitchStop = { trip: true, cause: 'many_suspect', suspect: 6, considered: 10, share: 0.6, byAnomaly: { far_under_our_price: 6 }, rivals: [], productIds: [7], moves: [], at: T };

describe('the demper’s memory in SQLite', () => {
  it('keeps what was learnt, a Kaspi 429 block and a kill-switch stop across a restart', async () => {
    const { db, path } = seeded();
    const repo = createDemperMemoryRepo(db, () => T);
    const memory = { ...emptyMemory(), firstMs: 600_000, losses: 2 };
    memory.rivals['bot'] = { price: 1_000, seenAt: T, movedAt: T, low: 950, heldAt: 950, undercutSince: null, war: 2.5, warAt: T, answerMs: 20_000 };
    await repo.savePairs([{ productId: 7, cityId: '750000000', memory }]);
    await repo.saveBlock('30000001', T + 30 * 60_000);
    await repo.saveStop(1, stop);
    db.close();

    const reopened = openDatabase(path);
    const loaded = await createDemperMemoryRepo(reopened, () => T).load();
    expect(loaded.pairs).toEqual([{ productId: 7, cityId: '750000000', memory }]);
    expect(loaded.blocks).toEqual([{ merchantId: '30000001', until: T + 30 * 60_000 }]);
    expect(loaded.stops).toEqual([{ storeId: 1, stop }]);
    reopened.close();
  });

  it('drops a row it cannot trust instead of reading half of it, and forgets a lifted stop', async () => {
    const { db } = seeded();
    const repo = createDemperMemoryRepo(db, () => T);
    await repo.savePairs([{ productId: 7, cityId: '750000000', memory: emptyMemory() }]);
    db.prepare("INSERT INTO demper_pair_memory (product_id, city_id, memory_json, updated_at) VALUES (8, '750000000', '{\"rivals\": 5}', 'x')").run();
    await repo.saveStop(1, stop);
    await repo.saveStop(1, null);
    const loaded = await repo.load();
    expect(loaded.pairs.map((p) => p.productId)).toEqual([7]);
    expect(loaded.stops).toEqual([]);
    db.close();
  });

  it('forgets the memory of a product that is deleted, and skips a product it no longer has', async () => {
    const { db } = seeded();
    const repo = createDemperMemoryRepo(db, () => T);
    await repo.savePairs([{ productId: 7, cityId: '750000000', memory: emptyMemory() }, { productId: 99, cityId: '750000000', memory: emptyMemory() }]);
    db.prepare('DELETE FROM products WHERE id = 7').run();
    expect((await repo.load()).pairs).toEqual([]);
    db.close();
  });

  it('loads every pair it saved, in pages, letting other work run before the load ends', async () => {
    const { db } = seeded();
    const now = new Date(T).toISOString();
    const ids = Array.from({ length: 300 }, (_, i) => 100 + i);
    for (const id of ids) db.prepare("INSERT INTO products (id, store_id, sku, title, created_at, updated_at) VALUES (?, 1, ?, 'Phone', ?, ?)").run(id, `SKU${id}`, now, now);
    const repo = createDemperMemoryRepo(db, () => T);
    // Two cities per product: 600 pairs, more than two pages, a page edge falling between one product's cities.
    const saved = ids.flatMap((id) => ['710000000', '750000000'].map((cityId) => ({ productId: id, cityId, memory: { ...emptyMemory(), losses: id } })));
    await repo.savePairs(saved);
    let ranDuringLoad = false;
    setImmediate(() => (ranDuringLoad = true));
    const loaded = await repo.load();
    expect(ranDuringLoad).toBe(true);
    expect(loaded.pairs).toEqual(saved);
    db.close();
  });
});
