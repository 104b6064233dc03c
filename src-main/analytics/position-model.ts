import type { Database } from 'better-sqlite3';
import { kzDay, kzDayStart } from '../../src-shared/domain/order';
import { readStored, writeStored } from '../db/repos/settings-repo';

const KEY = 'analytics.positions';
const BATCH = 20_000;
/** The app was not running for longer than this: that time was not watched and is not counted. */
const GAP_MS = 15 * 60_000;
/** A journal row still planned after this long was never pushed. */
const PLANNED_GIVE_UP_MS = 60 * 60_000;

interface Progress {
  snapshotId: number;
  journalId: number;
  tickMs: number | null;
}

/**
 * The read model behind "what the repricing earned": from the offer snapshots (written when our
 * place, our price or the best rival changes) and the price journal, how long each product was
 * watched in each city per Kazakhstan day, how long it was first, and how many prices the bot
 * changed. Between two snapshots the first one's place holds; after the last one, it holds while
 * the bot watches (the engine runs and the product's bot is on) — time when the app was closed or
 * the bot stopped is not counted, so a rate per watched day is a rate the bot saw.
 *
 * Refreshed incrementally by snapshot and journal id; each day row also carries running totals
 * (cum_*) so any range of days is two lookups per product and city.
 */
export function positionModel(db: Database, deps: { now(): number; watching(): boolean }) {
  const productStore = new Map<number, number>();
  const storeOf = (productId: number): number | undefined => {
    if (!productStore.has(productId)) {
      const row = db.prepare<[number], { store_id: number }>('SELECT store_id FROM products WHERE id = ?').get(productId);
      if (row) productStore.set(productId, row.store_id);
    }
    return productStore.get(productId);
  };
  const getCursor = db.prepare<[number, string], { position: number | null; counted_to_ms: number }>('SELECT position, counted_to_ms FROM position_cursor WHERE product_id = ? AND city_id = ?');
  const putCursor = db.prepare('INSERT INTO position_cursor (product_id, city_id, position, counted_to_ms) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, city_id) DO UPDATE SET position = excluded.position, counted_to_ms = excluded.counted_to_ms');
  const addDay = db.prepare(`
    INSERT INTO product_city_days (product_id, city_id, day, tracked_ms, first_ms, changes, cum_tracked_ms, cum_first_ms, cum_changes)
    SELECT @p, @c, @day, @t, @f, @ch, coalesce(prev.cum_tracked_ms, 0) + @t, coalesce(prev.cum_first_ms, 0) + @f, coalesce(prev.cum_changes, 0) + @ch
      FROM (SELECT 1) LEFT JOIN (SELECT cum_tracked_ms, cum_first_ms, cum_changes FROM product_city_days WHERE product_id = @p AND city_id = @c AND day < @day ORDER BY day DESC LIMIT 1) prev
      WHERE true
    ON CONFLICT (product_id, city_id, day) DO UPDATE SET tracked_ms = tracked_ms + @t, first_ms = first_ms + @f, changes = changes + @ch,
      cum_tracked_ms = cum_tracked_ms + @t, cum_first_ms = cum_first_ms + @f, cum_changes = cum_changes + @ch`);
  const addLater = db.prepare('UPDATE product_city_days SET cum_tracked_ms = cum_tracked_ms + @t, cum_first_ms = cum_first_ms + @f, cum_changes = cum_changes + @ch WHERE product_id = @p AND city_id = @c AND day > @day');
  const lastDayOf = db.prepare<[number, string], { day: number }>('SELECT max(day) AS day FROM product_city_days WHERE product_id = ? AND city_id = ?');
  const addStoreDay = db.prepare(`
    INSERT INTO store_city_days (store_id, city_id, day, tracked_ms, first_ms, changes) VALUES (@s, @c, @day, @t, @f, @ch)
    ON CONFLICT (day, store_id, city_id) DO UPDATE SET tracked_ms = tracked_ms + @t, first_ms = first_ms + @f, changes = changes + @ch`);

  /** Adds to one day of a product in a city, keeping the running totals of the later days right. */
  const add = (p: number, c: string, day: number, t: number, f: number, ch: number): void => {
    if (t === 0 && f === 0 && ch === 0) return;
    const last = lastDayOf.get(p, c)?.day ?? null;
    addDay.run({ p, c, day, t, f, ch });
    if (last !== null && last > day) addLater.run({ p, c, day, t, f, ch });
    const s = storeOf(p);
    if (s !== undefined) addStoreDay.run({ s, c, day, t, f, ch });
  };

  /** Credits [from, to) at one place, split at Kazakhstan midnights. */
  const credit = (p: number, c: string, position: number | null, from: number, to: number): void => {
    for (let start = from; start < to; ) {
      const day = kzDay(start);
      const end = Math.min(to, kzDayStart(day + 1));
      add(p, c, day, end - start, position === 1 ? end - start : 0, 0);
      start = end;
    }
  };

  let firstRefresh = true;

  const refresh = db.transaction((): { snapshots: number; changes: number } => {
    const now = deps.now();
    const progress: Progress = readStored<Progress>(db, KEY) ?? { snapshotId: 0, journalId: 0, tickMs: null };
    if (firstRefresh && progress.tickMs !== null && now - progress.tickMs > GAP_MS) {
      // The app was closed: nobody watched, nothing is credited for that time.
      db.prepare('UPDATE position_cursor SET counted_to_ms = ? WHERE counted_to_ms < ?').run(now, now);
    }
    firstRefresh = false;

    let snapshots = 0;
    for (;;) {
      const rows = db.prepare<[number, number], { id: number; product_id: number; city_id: string; taken_at: string; our_position: number | null }>(
        'SELECT id, product_id, city_id, taken_at, our_position FROM offer_snapshots WHERE id > ? ORDER BY id LIMIT ?',
      ).all(progress.snapshotId, BATCH);
      for (const s of rows) {
        const at = Math.min(Date.parse(s.taken_at), now);
        const cursor = getCursor.get(s.product_id, s.city_id);
        if (cursor && at > cursor.counted_to_ms) credit(s.product_id, s.city_id, cursor.position, cursor.counted_to_ms, at);
        putCursor.run(s.product_id, s.city_id, s.our_position, Math.max(at, cursor?.counted_to_ms ?? at));
        progress.snapshotId = s.id;
      }
      snapshots += rows.length;
      if (rows.length < BATCH) break;
    }

    let changes = 0;
    for (let more = true; more; ) {
      const rows = db.prepare<[number, number], { id: number; product_id: number; city_id: string; status: string; created_at: string; pushed_at: string | null }>(
        'SELECT id, product_id, city_id, status, created_at, pushed_at FROM price_journal WHERE id > ? ORDER BY id LIMIT ?',
      ).all(progress.journalId, BATCH);
      for (const j of rows) {
        // A push still on its way may yet land: wait for it rather than miss it.
        if (j.status === 'planned' && now - Date.parse(j.created_at) < PLANNED_GIVE_UP_MS) {
          more = false;
          break;
        }
        if (j.status === 'pushed' || j.status === 'verified' || j.status === 'mismatch') {
          add(j.product_id, j.city_id, kzDay(Date.parse(j.pushed_at ?? j.created_at)), 0, 0, 1);
          changes++;
        }
        progress.journalId = j.id;
      }
      if (rows.length < BATCH) more = false;
    }

    // Up to now at the last known place, for products the running bot watches; others only move on.
    const watching = deps.watching();
    const open = db.prepare<[number], { product_id: number; city_id: string; position: number | null; counted_to_ms: number; bot: number }>(
      'SELECT c.product_id, c.city_id, c.position, c.counted_to_ms, p.bot_enabled AS bot FROM position_cursor c JOIN products p ON p.id = c.product_id WHERE c.counted_to_ms < ?',
    ).all(now);
    for (const c of open) {
      if (watching && c.bot === 1) credit(c.product_id, c.city_id, c.position, c.counted_to_ms, now);
      putCursor.run(c.product_id, c.city_id, c.position, now);
    }
    progress.tickMs = now;
    writeStored(db, KEY, progress);
    return { snapshots, changes };
  });

  return { refresh };
}
export type PositionModel = ReturnType<typeof positionModel>;
