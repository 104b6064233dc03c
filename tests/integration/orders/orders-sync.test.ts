import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderRow, OrderSyncStatus } from '../../../src-shared/contract/orders';
import { call } from '../../support/call-app';
import { useTempDir } from '../../support/temp-dir';
import type { App } from '../../../src-main/app/create-app';
import { ordersApp } from './support/orders-app';

const tempDir = useTempDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

type Env = Awaited<ReturnType<typeof ordersApp>>;
async function setup(opts: Parameters<typeof ordersApp>[1] = {}): Promise<Env> {
  const env = await ordersApp(tempDir(), opts);
  closers.push(env.close);
  return env;
}

const allOrders = async (app: App): Promise<OrderRow[]> => (await call<{ rows: OrderRow[] }>(app, 'orders.list', { filter: { tab: 'all' }, limit: 500 })).rows;
const count = (app: App, sql: string, ...args: unknown[]): number => (app.db.prepare(sql).get(...args) as { n: number }).n;
const simState = (o: { tab: string }) => (o.tab.startsWith('KASPI_DELIVERY') ? 'kaspi_delivery' : o.tab === 'ARCHIVED' ? 'archive' : o.tab.toLowerCase());

describe('orders sync from the shop API', () => {
  it('backfills every order of the history in 14-day windows, with entries, phones sealed, and nothing twice on the next pass', async () => {
    const { app, sim, uid, sync, storeId } = await setup({ scenario: 'demo' });
    const status = await sync();
    expect(status.problem).toBeNull();
    const expected = sim.orders(uid);
    const rows = await allOrders(app);
    expect(rows.map((r) => r.code).sort()).toEqual(expected.map((o) => o.code).sort());
    for (const o of expected) {
      const row = rows.find((r) => r.code === o.code)!;
      expect({ state: row.state, total: row.totalPrice, created: row.createdAt, units: row.units, pending: row.entriesPending, tail: row.phoneTail, source: row.source })
        .toEqual({ state: simState(o), total: o.totalPrice, created: o.creationDate, units: o.entries.reduce((n, e) => n + e.quantity, 0), pending: false, tail: o.customer.cellPhone.slice(-4), source: 'shop_api' });
    }
    // The phone is encrypted at rest and only the drawer unseals it; it never reaches the log.
    const sealed = app.db.prepare('SELECT phone_enc FROM orders LIMIT 1').get() as { phone_enc: string };
    expect(sealed.phone_enc).toMatch(/^k1:/);
    const one = expected[0]!;
    const detail = await call<OrderDetail>(app, 'orders.detail', { orderId: rows.find((r) => r.code === one.code)!.id });
    expect(detail.phone).toBe(one.customer.cellPhone);
    expect(detail.entries.map((e) => ({ sku: e.sku, masterSku: e.masterSku, quantity: e.quantity, totalPrice: e.totalPrice, linked: e.productId !== null }))).toEqual(
      one.entries.map((e) => ({ sku: e.merchantSku, masterSku: e.productId, quantity: e.quantity, totalPrice: e.totalPrice, linked: true })),
    );
    expect(readFileSync(app.paths.logFile, 'utf8')).not.toContain(one.customer.cellPhone);

    const [state] = await call<OrderSyncStatus[]>(app, 'orders.syncStatus');
    expect(state).toMatchObject({ source: 'shop_api', backfill: { done: true }, entriesPending: 0, orders: expected.length, problem: null });
    const history = count(app, 'SELECT count(*) AS n FROM order_status_history');
    const entries = count(app, 'SELECT count(*) AS n FROM order_entries');
    await sync();
    expect(count(app, 'SELECT count(*) AS n FROM orders WHERE store_id = ?', storeId)).toBe(expected.length);
    expect(count(app, 'SELECT count(*) AS n FROM order_status_history')).toBe(history);
    expect(count(app, 'SELECT count(*) AS n FROM order_entries')).toBe(entries);
  }, 60_000);

  it('picks up new orders and status changes on the next pass, with the time of each change, and rings for the new one', async () => {
    const { app, sim, uid, sync } = await setup({ scenario: 'small' });
    await sync();
    const alerts: unknown[] = [];
    app.events.subscribe((event, payload) => event === 'orders.alert' && alerts.push(payload));
    const fresh = sim.createOrder(uid);
    const moving = sim.orders(uid).find((o) => o.tab !== 'ARCHIVED' && o.code !== fresh.code) ?? fresh;
    const changedAt = Date.now() - 60_000;
    sim.state.orders.move(moving, 'ARCHIVED', 'CANCELLED', changedAt);
    await sync();

    const rows = await allOrders(app);
    const added = rows.find((r) => r.code === fresh.code);
    expect(added).toMatchObject({ state: simState(fresh) === 'archive' ? 'archive' : simState(fresh), totalPrice: fresh.totalPrice });
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'new_order', code: fresh.code, totalPrice: fresh.totalPrice }));
    const moved = await call<OrderDetail>(app, 'orders.detail', { orderId: rows.find((r) => r.code === moving.code)!.id });
    expect(moved).toMatchObject({ state: 'archive', outcome: 'cancelled', status: 'CANCELLED' });
    const last = moved.history.at(-1)!;
    expect(last).toMatchObject({ state: 'archive', outcome: 'cancelled', status: 'CANCELLED' });
    // The shop API gives no change time: the change is dated when the app saw it, never before the order.
    expect(last.at).toBeGreaterThanOrEqual(moved.createdAt);
    expect(moved.history.length).toBeGreaterThanOrEqual(2);
    // A cancelled sale no longer counts.
    expect(count(app, 'SELECT count(*) AS n FROM order_entries e JOIN orders o ON o.id = e.order_id WHERE o.code = ? AND e.counted = 1', moving.code)).toBe(0);
  }, 60_000);

  it('waits out a 429 from Kaspi and finishes the pass without duplicates', async () => {
    const { app, sim, uid, sync } = await setup({ scenario: 'small', sim: { timeScale: 1 }, config: { ordersOverrides: { backfillDays: 20 } } });
    sim.setLimits({ shopApi: { maxPerWindow: 4, windowMs: 1_000 } });
    const before = sim.state.shopApiRefused;
    const status = await sync();
    expect(sim.state.shopApiRefused).toBeGreaterThan(before);
    expect(status.problem).toBeNull();
    expect((await allOrders(app)).map((r) => r.code).sort()).toEqual(sim.orders(uid).map((o) => o.code).sort());
  }, 90_000);

  it('does not let one order Kaspi refuses the entries of hold up the others', async () => {
    const { app, sim, uid, sync, storeId } = await setup({ scenario: 'small' });
    const now = Date.now();
    app.db.prepare(`INSERT INTO orders (store_id, code, kaspi_id, source, state, created_ms, day, total_price, entries_state, first_seen_ms, status_changed_ms, updated_ms)
      VALUES (?, '999000111', 'gone-from-kaspi', 'shop_api', 'archive', ?, 0, 100, 'pending', ?, ?, ?)`).run(storeId, now, now, now, now);
    await sync();
    expect(count(app, "SELECT count(*) AS n FROM orders WHERE entries_state = 'pending'")).toBe(0);
    expect(count(app, "SELECT count(*) AS n FROM order_entries e JOIN orders o ON o.id = e.order_id WHERE o.code = '999000111'")).toBe(0);
    expect(count(app, 'SELECT count(*) AS n FROM order_entries')).toBe(sim.orders(uid).reduce((n, o) => n + o.entries.length, 0));
  }, 60_000);

  it('shows a rejected token on the store and in the log, keeps what it has, and carries on once the token is right', async () => {
    const { app, sim, uid, sync, storeId, token } = await setup({ scenario: 'small' });
    await sync();
    const stored = (await allOrders(app)).length;
    await call(app, 'stores.setShopToken', { storeId, token: 'c2ltLWV4cGlyZWQtdG9rZW4tMDAwMDAwMDAwMDAwMDA=' });
    sim.createOrder(uid);
    const failed = await sync();
    expect(failed.problem).toMatchObject({ code: 'orders.token_rejected', message: expect.stringMatching(/токен/i) });
    expect(failed.problem!.retryAt).toBeGreaterThan(Date.now());
    expect((await allOrders(app)).length).toBe(stored);
    const log = readFileSync(app.paths.logFile, 'utf8');
    expect(log).toMatch(/orders sync failed/);
    expect(log).not.toContain('c2ltLWV4cGlyZWQtdG9rZW4tMDAwMDAwMDAwMDAwMDA=');
    await call(app, 'stores.setShopToken', { storeId, token });
    const ok = await sync();
    expect(ok.problem).toBeNull();
    expect((await allOrders(app)).length).toBe(stored + 1);
  }, 60_000);
});

describe('orders sync from the cabinet (no token)', () => {
  it('reads every tab and the archive by days, masks nothing it does not know, and says what the source cannot give', async () => {
    const { app, sim, uid, sync } = await setup({ scenario: 'small', token: false });
    const status = await sync();
    expect(status).toMatchObject({ source: 'cabinet', problem: null, limits: expect.arrayContaining(['phone_masked', 'page_size_10']) });
    const rows = await allOrders(app);
    expect(rows.map((r) => r.code).sort()).toEqual(sim.orders(uid).map((o) => o.code).sort());
    expect(rows.every((r) => r.source === 'cabinet' && r.phoneMasked && r.phoneTail === null)).toBe(true);
  }, 60_000);
});

describe('both sources', () => {
  it('produce the same order model, each equal to what the simulator holds', async () => {
    const model = async (env: Env) => {
      const rows = await allOrders(env.app);
      const details = await Promise.all(rows.map((r) => call<OrderDetail>(env.app, 'orders.detail', { orderId: r.id })));
      return details
        .map((d) => ({
          code: d.code, state: d.state, outcome: d.outcome, status: d.status, createdAt: d.createdAt, totalPrice: d.totalPrice, units: d.units, cityId: d.cityId, pointId: d.pointId,
          entries: d.entries.map((e) => ({ sku: e.sku, masterSku: e.masterSku, quantity: e.quantity, totalPrice: e.totalPrice, linked: e.productId !== null })),
        }))
        .sort((x, y) => x.code.localeCompare(y.code));
    };
    const truth = (env: Env) => env.sim.orders(env.uid)
      .map((o) => ({
        code: o.code, state: simState(o), outcome: o.tab === 'ARCHIVED' ? ({ COMPLETED: 'completed', CANCELLED: 'cancelled', RETURNED: 'returned' } as Record<string, string>)[o.status] ?? null : null,
        status: o.status, createdAt: o.creationDate, totalPrice: o.totalPrice, units: o.entries.reduce((n, e) => n + e.quantity, 0), cityId: o.cityId, pointId: o.pickupPointId,
        entries: o.entries.map((e) => ({ sku: e.merchantSku, masterSku: e.productId, quantity: e.quantity, totalPrice: e.totalPrice, linked: true })),
      }))
      .sort((x, y) => x.code.localeCompare(y.code));
    const shop = await setup({ scenario: 'small', token: true });
    await shop.sync();
    const cabinet = await setup({ scenario: 'small', token: false });
    await cabinet.sync();
    expect((await model(shop)).length).toBeGreaterThan(5);
    expect(await model(shop)).toEqual(truth(shop));
    expect(await model(cabinet)).toEqual(truth(cabinet));
  }, 90_000);
});
