import type { Database } from 'better-sqlite3';
import { kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import { readStored, writeStored } from './settings-repo';

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

interface Cursor {
  productId: number;
  cityId: string;
  position: number | null;
  countedTo: number;
  spanFrom: number | null;
  spanTo: number | null;
  spanPosition: number | null;
  cumTracked: number;
  cumFirst: number;
  dirty: boolean;
}

/**
 * The read model behind "what the repricing earned": from the offer snapshots (written when our
 * place, our price or the best rival changes) and the price journal — how long the bot watched
 * each product in each city at which place (position_spans), how many prices it pushed
 * (product_change_days), and the same per store and day (store_city_days). Between two
 * snapshots the first one's place holds; after the last one it holds while the bot watches (the
 * engine runs and the product's bot is on). Time when the app was closed or the bot stopped is
 * not counted, so a rate per watched day is a rate the bot saw.
 *
 * Refreshed incrementally by snapshot and journal id, in one transaction; cursors are held in
 * memory during a refresh and written back once.
 */
export function positionModel(db: Database, deps: { now(): number; watching(): boolean }) {
  const insertSpan = db.prepare('INSERT INTO position_spans (product_id, city_id, from_ms, to_ms, position, cum_tracked_ms, cum_first_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const extendSpan = db.prepare('UPDATE position_spans SET to_ms = ?, cum_tracked_ms = ?, cum_first_ms = ? WHERE product_id = ? AND city_id = ? AND from_ms = ?');
  const putCursor = db.prepare(`INSERT INTO position_cursor (product_id, city_id, position, counted_to_ms, span_from_ms, span_to_ms, span_position, cum_tracked_ms, cum_first_ms)
    VALUES (@productId, @cityId, @position, @countedTo, @spanFrom, @spanTo, @spanPosition, @cumTracked, @cumFirst)
    ON CONFLICT (product_id, city_id) DO UPDATE SET position = excluded.position, counted_to_ms = excluded.counted_to_ms, span_from_ms = excluded.span_from_ms,
      span_to_ms = excluded.span_to_ms, span_position = excluded.span_position, cum_tracked_ms = excluded.cum_tracked_ms, cum_first_ms = excluded.cum_first_ms`);
  const addChange = db.prepare(`
    INSERT INTO product_change_days (product_id, city_id, day, changes, cum_changes)
    SELECT @p, @c, @day, 1, coalesce((SELECT cum_changes FROM product_change_days WHERE product_id = @p AND city_id = @c AND day < @day ORDER BY day DESC LIMIT 1), 0) + 1 WHERE true
    ON CONFLICT (product_id, city_id, day) DO UPDATE SET changes = changes + 1, cum_changes = cum_changes + 1`);
  const addLaterChange = db.prepare('UPDATE product_change_days SET cum_changes = cum_changes + 1 WHERE product_id = ? AND city_id = ? AND day > ?');
  const addStoreDay = db.prepare(`
    INSERT INTO store_city_days (store_id, city_id, day, tracked_ms, first_ms, changes) VALUES (@s, @c, @day, @t, @f, @ch)
    ON CONFLICT (day, store_id, city_id) DO UPDATE SET tracked_ms = tracked_ms + @t, first_ms = first_ms + @f, changes = changes + @ch`);

  let firstRefresh = true;

  /**
   * One step: at most `limit` new snapshots and journal rows. `more` says there are others left
   * (a first build over months of history goes in steps, so the app stays responsive); only a
   * step that caught up counts the time up to now.
   */
  const refresh = db.transaction((limit: number = Number.MAX_SAFE_INTEGER): { snapshots: number; changes: number; more: boolean } => {
    const now = deps.now();
    const progress: Progress = readStored<Progress>(db, KEY) ?? { snapshotId: 0, journalId: 0, tickMs: null };
    const storeOf = new Map((db.prepare('SELECT id, store_id, bot_enabled FROM products').all() as { id: number; store_id: number; bot_enabled: number }[]).map((p) => [p.id, p]));
    const cursors = new Map<string, Cursor>();
    for (const r of db.prepare('SELECT * FROM position_cursor').all() as { product_id: number; city_id: string; position: number | null; counted_to_ms: number; span_from_ms: number | null; span_to_ms: number | null; span_position: number | null; cum_tracked_ms: number; cum_first_ms: number }[]) {
      cursors.set(`${r.product_id}|${r.city_id}`, { productId: r.product_id, cityId: r.city_id, position: r.position, countedTo: r.counted_to_ms, spanFrom: r.span_from_ms, spanTo: r.span_to_ms, spanPosition: r.span_position, cumTracked: r.cum_tracked_ms, cumFirst: r.cum_first_ms, dirty: false });
    }
    const storeDays = new Map<string, { s: number; c: string; day: number; t: number; f: number; ch: number }>();
    const addStore = (productId: number, cityId: string, day: number, t: number, f: number, ch: number): void => {
      const s = storeOf.get(productId)?.store_id;
      if (s === undefined) return;
      const key = `${s}|${cityId}|${day}`;
      const row = storeDays.get(key) ?? { s, c: cityId, day, t: 0, f: 0, ch: 0 };
      row.t += t;
      row.f += f;
      row.ch += ch;
      storeDays.set(key, row);
    };

    /** Counts [from, to) at the cursor's place: the open span grows, or a new one starts. */
    const credit = (c: Cursor, from: number, to: number): void => {
      if (to <= from) return;
      const len = to - from;
      const first = c.position === 1 ? len : 0;
      c.cumTracked += len;
      c.cumFirst += first;
      if (c.spanFrom !== null && c.spanTo === from && c.spanPosition === c.position) {
        extendSpan.run(to, c.cumTracked, c.cumFirst, c.productId, c.cityId, c.spanFrom);
      } else {
        insertSpan.run(c.productId, c.cityId, from, to, c.position, c.cumTracked, c.cumFirst);
        c.spanFrom = from;
        c.spanPosition = c.position;
      }
      c.spanTo = to;
      c.dirty = true;
      for (let start = from; start < to; ) {
        const day = kzDay(start);
        const end = Math.min(to, kzDayStart(day + 1));
        addStore(c.productId, c.cityId, day, end - start, c.position === 1 ? end - start : 0, 0);
        start = end;
      }
    };

    if (firstRefresh && progress.tickMs !== null && now - progress.tickMs > GAP_MS) {
      // The app was closed: nobody watched, nothing is credited for that time.
      for (const c of cursors.values()) if (c.countedTo < now) Object.assign(c, { countedTo: now, dirty: true });
    }
    firstRefresh = false;

    let snapshots = 0;
    let more = false;
    const nextSnapshots = db.prepare<[number, number], { id: number; product_id: number; city_id: string; taken_at: string; our_position: number | null }>(
      'SELECT id, product_id, city_id, taken_at, our_position FROM offer_snapshots WHERE id > ? ORDER BY id LIMIT ?',
    );
    for (;;) {
      const rows = nextSnapshots.all(progress.snapshotId, Math.min(BATCH, limit - snapshots));
      for (const s of rows) {
        progress.snapshotId = s.id;
        if (!storeOf.has(s.product_id)) continue;
        const at = Math.min(Date.parse(s.taken_at), now);
        const key = `${s.product_id}|${s.city_id}`;
        let c = cursors.get(key);
        if (!c) {
          c = { productId: s.product_id, cityId: s.city_id, position: s.our_position, countedTo: at, spanFrom: null, spanTo: null, spanPosition: null, cumTracked: 0, cumFirst: 0, dirty: true };
          cursors.set(key, c);
          continue;
        }
        if (at > c.countedTo) {
          credit(c, c.countedTo, at);
          c.countedTo = at;
        }
        c.position = s.our_position;
        c.dirty = true;
      }
      snapshots += rows.length;
      if (snapshots >= limit) {
        more = true;
        break;
      }
      if (rows.length < BATCH) break;
    }

    let changes = 0;
    const nextJournal = db.prepare<[number, number], { id: number; product_id: number; city_id: string; status: string; created_at: string; pushed_at: string | null }>(
      'SELECT id, product_id, city_id, status, created_at, pushed_at FROM price_journal WHERE id > ? ORDER BY id LIMIT ?',
    );
    let journalRows = 0;
    for (let reading = true; reading; ) {
      const rows = nextJournal.all(progress.journalId, Math.min(BATCH, limit - journalRows));
      for (const j of rows) {
        // A push still on its way may yet land: wait for it rather than miss it.
        if (j.status === 'planned' && now - Date.parse(j.created_at) < PLANNED_GIVE_UP_MS) {
          reading = false;
          break;
        }
        progress.journalId = j.id;
        journalRows++;
        if ((j.status === 'pushed' || j.status === 'verified' || j.status === 'mismatch') && storeOf.has(j.product_id)) {
          const day = kzDay(Date.parse(j.pushed_at ?? j.created_at));
          addChange.run({ p: j.product_id, c: j.city_id, day });
          addLaterChange.run(j.product_id, j.city_id, day);
          addStore(j.product_id, j.city_id, day, 0, 0, 1);
          changes++;
        }
      }
      if (journalRows >= limit && rows.length > 0) {
        more = true;
        reading = false;
      }
      if (rows.length < BATCH) reading = false;
    }

    // Up to now at the last known place, for products the running bot watches; others only move on.
    const watching = deps.watching();
    for (const c of more ? [] : cursors.values()) {
      if (c.countedTo >= now) continue;
      if (watching && storeOf.get(c.productId)?.bot_enabled === 1) credit(c, c.countedTo, now);
      c.countedTo = now;
      c.dirty = true;
    }
    for (const c of cursors.values()) if (c.dirty) putCursor.run(c);
    for (const row of storeDays.values()) addStoreDay.run(row);
    if (!more) progress.tickMs = now;
    writeStored(db, KEY, progress);
    return { snapshots, changes, more };
  });

  return { refresh };
}
export type PositionModel = ReturnType<typeof positionModel>;
