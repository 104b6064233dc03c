import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { positionModel } from '../../../src-main/db/repos/position-model';
import { analyticsRepo } from '../../../src-main/db/repos/analytics-repo';
import { snapshotsRepo } from '../../../src-main/db/repos/snapshots-repo';
import { migrate } from '../../../src-main/db/migrate';
import { kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';

const HOUR = 3_600_000;

function world() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const at = new Date().toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(at, at);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '1', 'S', ?)").run(at);
  db.prepare("INSERT INTO products (id, store_id, sku, title, bot_enabled, created_at, updated_at) VALUES (1, 1, 'A', 'A', 1, ?, ?), (2, 1, 'B', 'B', 0, ?, ?)").run(at, at, at, at);
  let now = kzDayStart(kzDay(Date.UTC(2026, 2, 10))) + 20 * HOUR;
  let watching = true;
  const model = positionModel(db, { now: () => now, watching: () => watching });
  const snap = (productId: number, position: number | null, takenAt: number) =>
    snapshotsRepo(db).record({ productId, cityId: '750000000', takenAt: new Date(takenAt).toISOString(), ourPrice: 100, ourPosition: position, bestRivalPrice: 101, bestRivalMerchantId: 'x', offers: [] });
  return { db, model, snap, repo: analyticsRepo(db), at: (ms: number) => (now = ms), now: () => now, watch: (on: boolean) => (watching = on) };
}

describe('the first-place read model', () => {
  it('counts each place from its snapshot to the next, split at Kazakhstan midnight, with running totals for any range', () => {
    const w = world();
    const day = kzDay(w.now());
    const start = w.now();
    w.snap(1, 1, start); // first from 20:00…
    w.snap(1, 3, start + 6 * HOUR); // …third from 02:00 the next day
    w.at(start + 10 * HOUR);
    w.model.refresh();
    const d0 = w.repo.watchOf([1], { fromDay: day, toDay: day }).get(1)!;
    const d1 = w.repo.watchOf([1], { fromDay: day + 1, toDay: day + 1 }).get(1)!;
    expect(d0).toEqual({ trackedMs: 4 * HOUR, firstMs: 4 * HOUR, changes: 0 });
    expect(d1).toEqual({ trackedMs: 6 * HOUR, firstMs: 2 * HOUR, changes: 0 });
    expect(w.repo.watchOf([1], { fromDay: day, toDay: day + 1 }).get(1)).toEqual({ trackedMs: 10 * HOUR, firstMs: 6 * HOUR, changes: 0 });
    // Another refresh later on adds only the new time.
    w.at(start + 12 * HOUR);
    w.model.refresh();
    expect(w.repo.watchOf([1], { fromDay: day, toDay: day + 1 }).get(1)).toEqual({ trackedMs: 12 * HOUR, firstMs: 6 * HOUR, changes: 0 });
    expect(w.repo.watchDays({ fromDay: day, toDay: day + 1 }).get(day)).toEqual({ trackedMs: 4 * HOUR, firstMs: 4 * HOUR, changes: 0 });
    expect(w.repo.watchDays({ fromDay: day, toDay: day + 1, productId: 1 }).get(day + 1)).toEqual({ trackedMs: 8 * HOUR, firstMs: 2 * HOUR, changes: 0 });
  });

  it('does not count time the bot did not watch: the engine stopped, the product bot off, or the app closed', () => {
    const w = world();
    const day = kzDay(w.now());
    w.snap(1, 1, w.now());
    w.snap(2, 1, w.now());
    w.model.refresh();
    w.watch(false);
    w.at(w.now() + HOUR);
    w.model.refresh();
    w.watch(true);
    w.at(w.now() + HOUR);
    w.model.refresh();
    const range = { fromDay: day, toDay: day + 1 };
    expect(w.repo.watchOf([1], range).get(1)?.trackedMs).toBe(HOUR);
    expect(w.repo.watchOf([2], range).get(2)?.trackedMs ?? 0).toBe(0);

    // A restart after hours away: the closed hours are not counted.
    const again = positionModel(w.db, { now: () => w.now(), watching: () => true });
    w.at(w.now() + 5 * HOUR);
    again.refresh();
    w.at(w.now() + HOUR);
    again.refresh();
    expect(w.repo.watchOf([1], range).get(1)?.trackedMs).toBe(2 * HOUR);
  });

  it('counts the price changes the bot pushed, never dry runs, and keeps a late change in the right day', () => {
    const w = world();
    const day = kzDay(w.now());
    w.snap(1, 2, w.now() - 30 * HOUR);
    w.model.refresh();
    const insert = w.db.prepare("INSERT INTO price_journal (store_id, product_id, city_id, new_price, reason_code, reason_json, status, created_at, pushed_at) VALUES (1, 1, '750000000', 99, 'x', '{}', ?, ?, ?)");
    const iso = (ms: number) => new Date(ms).toISOString();
    insert.run('verified', iso(w.now() - HOUR), iso(w.now() - HOUR));
    insert.run('dry_run', iso(w.now() - HOUR), null);
    insert.run('verified', iso(w.now() - 26 * HOUR), iso(w.now() - 26 * HOUR));
    w.model.refresh();
    expect(w.repo.changesOf(1, { fromDay: day, toDay: day })).toBe(1);
    expect(w.repo.changesOf(1, { fromDay: day - 1, toDay: day - 1 })).toBe(1);
    expect(w.repo.changesOf(1, { fromDay: day - 1, toDay: day })).toBe(2);
    expect(w.repo.changesOf(1, { fromDay: day - 1, toDay: day, cityId: '710000000' })).toBe(0);
  });
});

describe('building the read model over a long history', () => {
  it('goes in steps that each say whether more is left, and ends where one big step ends', () => {
    const steps = world();
    const whole = world();
    const start = steps.now() - 48 * HOUR;
    for (const w of [steps, whole]) for (let i = 0; i < 30; i++) w.snap(1, i % 3 === 0 ? 1 : 2, start + i * HOUR);
    let rounds = 0;
    for (let more = true; more; rounds++) more = steps.model.refresh(7).more;
    expect(rounds).toBeGreaterThan(2);
    whole.model.refresh();
    const range = { fromDay: kzDay(start), toDay: kzDay(steps.now()) };
    expect(steps.repo.watchOf([1], range).get(1)).toEqual(whole.repo.watchOf([1], range).get(1));
    expect(whole.repo.watchOf([1], range).get(1)?.trackedMs).toBe(48 * HOUR);
  });
});
