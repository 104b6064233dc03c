import { describe, expect, it } from 'vitest';
import { whatsappRepo } from '../../../../src-main/db/repos/whatsapp-repo';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('migration 8: WhatsApp outbox, triggers, contacts and reviews', () => {
  it("keeps the store and its products, and gives the existing store its four triggers, off, with the default cap", () => {
    const db = files.at(6);
    seedStore(db);
    const before = seededCounts(db);
    migrateTo(db, 8);
    expect(seededCounts(db)).toEqual(before);

    const repo = whatsappRepo(db);
    expect(repo.connection().url).toBeNull();
    const triggers = repo.triggers(1, NOW);
    expect(triggers.map((trigger) => [trigger.trigger, trigger.enabled])).toEqual([['accepted', false], ['handed_over', false], ['delivered', false], ['cancelled', false]]);
    expect(repo.dailyCap(1)).toBe(30);
    expect(repo.enabledTriggers()).toEqual([]);

    // One message per order and trigger, ever: the idempotency key is unique.
    const enqueue = db.prepare("INSERT INTO whatsapp_outbox (idem_key, store_id, trigger, state, due_ms, created_ms, updated_ms) VALUES ('1:delivered:7', 1, 'test', 'queued', 0, 0, 0)");
    enqueue.run();
    expect(() => enqueue.run()).toThrow(/UNIQUE/);
    // A review of a product that exists is kept with it; a rating outside 1–5 is refused.
    const review = db.prepare("INSERT INTO reviews (store_id, product_id, master_sku, kaspi_id, rating, author, text, first_seen_ms) VALUES (1, 7, '111', ?, ?, 'Айгерим', 'Отлично', 0)");
    review.run('r1', 5);
    expect(() => review.run('r2', 6)).toThrow(/CHECK/);
  });
});
