import { afterEach, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderRow } from '../../../src-shared/contract/orders';
import { kzDate, kzDay } from '../../../src-shared/domain/kazakhstan-time';
import { parseCsv } from '../../../src-shared/csv';
import { call } from '../../support/call-app';
import { useTempDir } from '../../support/temp-dir';
import { ordersApp } from './support/orders-app';

const tempDir = useTempDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

type Page = { total: number; rows: OrderRow[] };

describe('the Orders page over SQLite', () => {
  it('filters by tab, outcome, city, day and product, searches by code and phone, sorts, windows, counts and exports', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'demo' });
    closers.push(env.close);
    const { app, sim, uid } = env;
    await env.sync();
    const orders = sim.orders(uid);
    const list = (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => call<Page>(app, 'orders.list', { filter, limit: 500, ...extra });

    const counts = await call<Record<string, number>>(app, 'orders.counts', { filter: {} });
    expect(counts['all']).toBe(orders.length);
    expect(counts['archive']).toBe(orders.filter((o) => o.tab === 'ARCHIVED').length);
    expect(counts['completed']).toBe(orders.filter((o) => o.status === 'COMPLETED').length);
    expect(counts['kaspi_delivery']).toBe(orders.filter((o) => o.tab.startsWith('KASPI_DELIVERY')).length);

    const cancelled = await list({ tab: 'archive', outcome: 'cancelled' });
    expect(cancelled.rows.map((r) => r.code).sort()).toEqual(orders.filter((o) => o.status === 'CANCELLED').map((o) => o.code).sort());
    const astana = await list({ cityId: '710000000' });
    expect(astana.total).toBe(orders.filter((o) => o.cityId === '710000000').length);

    const today = kzDay(Date.now());
    const yesterday = await list({ from: kzDate(today - 1), to: kzDate(today - 1) });
    expect(yesterday.total).toBe(orders.filter((o) => kzDay(o.creationDate) === today - 1).length);

    const one = orders[5]!;
    const productId = (app.db.prepare('SELECT id FROM products WHERE master_sku = ?').get(one.entries[0]!.productId) as { id: number }).id;
    const ofProduct = await list({ productId });
    expect(ofProduct.total).toBe(orders.filter((o) => o.entries.some((e) => e.productId === one.entries[0]!.productId)).length);

    expect((await list({ search: one.code })).rows.map((r) => r.code)).toEqual([one.code]);
    const byPhone = await list({ search: `+7 ${one.customer.cellPhone.slice(1, 4)} ${one.customer.cellPhone.slice(4)}` });
    expect(byPhone.rows.map((r) => r.code)).toContain(one.code);
    expect(byPhone.rows.every((r) => orders.find((o) => o.code === r.code)!.customer.cellPhone === one.customer.cellPhone)).toBe(true);
    const byTail = await list({ search: one.customer.cellPhone.slice(-4) });
    expect(byTail.rows.map((r) => r.code)).toContain(one.code);
    expect((await list({ search: one.customer.firstName })).rows.map((r) => r.code)).toContain(one.code);

    const byTotal = await list({}, { sort: { key: 'total', dir: 'asc' } });
    expect(byTotal.rows.map((r) => r.totalPrice)).toEqual([...byTotal.rows.map((r) => r.totalPrice)].sort((a, b) => a - b));
    const newest = await list({});
    expect(newest.rows[0]!.createdAt).toBe(Math.max(...orders.map((o) => o.creationDate)));
    const window = await call<Page>(app, 'orders.list', { filter: {}, offset: 40, limit: 20 });
    expect(window.total).toBe(orders.length);
    expect(window.rows.map((r) => r.code)).toEqual(newest.rows.slice(40, 60).map((r) => r.code));

    const { csv, rows } = await call<{ csv: string; rows: number; fileName: string }>(app, 'orders.exportCsv', { filter: { tab: 'archive', outcome: 'cancelled' } });
    expect(rows).toBe(cancelled.total);
    const parsed = parseCsv(csv);
    expect(parsed.separator).toBe(';');
    expect(parsed.records[0]!.cells[0]).toBe('Номер заказа');
    expect(parsed.records.slice(1).map((r) => r.cells[0]).sort()).toEqual(cancelled.rows.map((r) => r.code).sort());
  }, 90_000);

  it('guards exported text cells against formula injection', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'small' });
    closers.push(env.close);
    await env.sync();
    env.app.db.prepare("UPDATE orders SET customer_name = '=HYPERLINK(\"http://evil\")' WHERE id = (SELECT min(id) FROM orders)").run();
    const { csv } = await call<{ csv: string }>(env.app, 'orders.exportCsv', { filter: {}, language: 'en' });
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(csv).not.toMatch(/;=HYPERLINK/);
  }, 60_000);

  it('accepts a new order through the shop API after journaling it, and reads Kaspi again', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'small' });
    closers.push(env.close);
    const { app, sim, uid } = env;
    const fresh = sim.createOrder(uid);
    await env.sync();
    const row = (await call<Page>(app, 'orders.list', { filter: { search: fresh.code } })).rows[0]!;
    const before = await call<OrderDetail>(app, 'orders.detail', { orderId: row.id });
    expect(['NEW', 'SIGN_REQUIRED']).toContain(fresh.tab);
    expect(before.canAccept).toBe(true);
    const after = await call<OrderDetail>(app, 'orders.accept', { orderId: row.id });
    expect(sim.orders(uid).find((o) => o.code === fresh.code)!.status).toBe('ACCEPTED_BY_MERCHANT');
    expect(after).toMatchObject({ status: 'ACCEPTED_BY_MERCHANT', canAccept: false, actions: [{ action: 'accept', status: 'done', error: null }] });
    expect(after.state).not.toBe('new');
    await expect(call(app, 'orders.accept', { orderId: row.id })).rejects.toMatchObject({ code: 'conflict' });
  }, 60_000);
});
