import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { killSwitchVerdict } from '../../../src-shared/contract/demper';
import type { PairMemory } from '../../../src-shared/pricing';
import type { EngineMemoryStore, KillSwitchStop, PairMemoryRow } from '../../demper/ports';
import { relaxedCommit } from '../relaxed-commit';

const nullableNumber = z.number().nullable();
const rivalMemory = z.object({
  price: z.number(),
  seenAt: z.number(),
  movedAt: z.number(),
  low: z.number(),
  heldAt: nullableNumber,
  undercutSince: nullableNumber,
  war: z.number(),
  warAt: z.number(),
  answerMs: nullableNumber,
  answers: z.array(z.number()).optional(),
});
/** A stored memory is checked before the engine trusts it: a row from a broken write is dropped, not half-read. */
const pairMemory = z.object({
  rivals: z.record(z.string(), rivalMemory),
  rangeLow: nullableNumber,
  rangeHigh: nullableNumber,
  rangeSince: nullableNumber,
  suspectSince: nullableNumber,
  firstMs: z.number(),
  losses: z.number(),
  firstSince: nullableNumber,
  probeAt: nullableNumber,
  probeRival: z.string().nullable(),
  probeFrom: nullableNumber,
  recoverAt: nullableNumber.default(null),
}) as z.ZodType<PairMemory>;
const stop = killSwitchVerdict.extend({ at: z.number() });

const iso = (ms: number) => new Date(ms).toISOString();
/** Pair memories per transaction: about 10 ms of work on a shared laptop core. */
const SAVE_STEP = 250;

/**
 * The demper's memory in SQLite (migration 4): per (product, city) what it learnt, per merchant
 * account the end of a Kaspi 429 block of its change budget, per store a kill-switch stop.
 * Pair memories are written in small transactions (the engine saves them once a minute).
 */
export function createDemperMemoryRepo(db: Database, now: () => number): EngineMemoryStore {
  const pairs = db.prepare<[], { product_id: number; city_id: string; memory_json: string }>('SELECT product_id, city_id, memory_json FROM demper_pair_memory');
  const upsertPair = db.prepare(
    `INSERT INTO demper_pair_memory (product_id, city_id, memory_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(product_id, city_id) DO UPDATE SET memory_json = excluded.memory_json, updated_at = excluded.updated_at`,
  );
  const productExists = db.prepare<[number], { id: number }>('SELECT id FROM products WHERE id = ?');
  const blocks = db.prepare<[], { merchant_uid: string; blocked_until: string }>('SELECT merchant_uid, blocked_until FROM change_budget_blocks');
  const upsertBlock = db.prepare(
    'INSERT INTO change_budget_blocks (merchant_uid, blocked_until) VALUES (?, ?) ON CONFLICT(merchant_uid) DO UPDATE SET blocked_until = excluded.blocked_until',
  );
  const stops = db.prepare<[], { store_id: number; stop_json: string }>('SELECT store_id, stop_json FROM demper_store_stops');
  const upsertStop = db.prepare(
    'INSERT INTO demper_store_stops (store_id, stop_json, stopped_at) VALUES (?, ?, ?) ON CONFLICT(store_id) DO UPDATE SET stop_json = excluded.stop_json, stopped_at = excluded.stopped_at',
  );
  const deleteStop = db.prepare('DELETE FROM demper_store_stops WHERE store_id = ?');
  // What was learnt: a power cut may lose the last save (a minute), so commits do not wait for the disk.
  const savePairs = relaxedCommit(db, (rows: readonly PairMemoryRow[], at: string) => {
    for (const r of rows) if (productExists.get(r.productId)) upsertPair.run(r.productId, r.cityId, JSON.stringify(r.memory), at);
  });
  const parse = <T>(schema: z.ZodType<T>, json: string): T | null => {
    try {
      const parsed = schema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  return {
    async load() {
      return {
        pairs: pairs.all().flatMap((r) => {
          const memory = parse(pairMemory, r.memory_json);
          return memory ? [{ productId: r.product_id, cityId: r.city_id, memory }] : [];
        }),
        blocks: blocks.all().map((r) => ({ merchantId: r.merchant_uid, until: Date.parse(r.blocked_until) })),
        stops: stops.all().flatMap((r) => {
          const parsed = parse<KillSwitchStop>(stop, r.stop_json);
          return parsed ? [{ storeId: r.store_id, stop: parsed }] : [];
        }),
      };
    },
    /** In transactions of SAVE_STEP rows with a turn of the event loop between them: 10,000 pairs never hold the main thread at once. */
    async savePairs(rows) {
      const at = iso(now());
      for (let from = 0; from < rows.length; from += SAVE_STEP) {
        if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        savePairs(rows.slice(from, from + SAVE_STEP), at);
      }
    },
    async saveBlock(merchantId, until) {
      upsertBlock.run(merchantId, iso(until));
    },
    async saveStop(storeId, value) {
      if (value) upsertStop.run(storeId, JSON.stringify(value), iso(value.at));
      else deleteStop.run(storeId);
    },
  };
}
