import { afterEach, describe, expect, it } from 'vitest';
import type { ProductEarnings, SalesTotals } from '../../../src-shared/contract/analytics';
import { kzDate, kzDay } from '../../../src-shared/domain/kazakhstan-time';
import { createSqliteJournal } from '../../../src-main/db/repos/journal-repo';
import { call } from '../../support/call-app';
import { importPastMarket } from '../../support/past-market';
import { useTempDir } from '../../support/temp-dir';
import { ordersApp } from './support/orders-app';

const tempDir = useTempDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const DAY = 86_400_000;
type Overview = { totals: SalesTotals; previous: SalesTotals; series: { period: string; revenue: number; firstShare: number | null }[]; byStore: { key: string; revenue: number }[]; byCity: { key: string; revenue: number }[]; firstShare: number | null; entriesPending: number };

describe('analytics over synced orders and the market the bot saw', () => {
  it('counts sales, where our offer stood for each, watched time, margin where a cost is known, and the bot changes against the sales after', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'demo' });
    closers.push(env.close);
    const { app, sim, uid, storeId } = env;
    const now = Date.now();
    expect(importPastMarket(app, sim, storeId, uid, now - 5 * DAY)).toBeGreaterThan(100);
    app.analytics.refresh();
    await env.sync();
    app.analytics.refresh();

    const scope = { from: kzDate(kzDay(now) - 5), to: kzDate(kzDay(now)) };
    const orders = sim.orders(uid);
    const sold = orders.filter((o) => o.status !== 'CANCELLED' && o.status !== 'RETURNED');
    const overview = await call<Overview>(app, 'analytics.overview', { scope });
    expect(overview.totals).toMatchObject({
      revenue: sold.reduce((s, o) => s + o.totalPrice, 0),
      orders: sold.length,
      units: sold.reduce((s, o) => s + o.entries[0]!.quantity, 0),
      cancelled: orders.filter((o) => o.status === 'CANCELLED').length,
      returned: orders.filter((o) => o.status === 'RETURNED').length,
      margin: null,
      marginCoverage: 0,
    });
    expect(overview.previous.revenue).toBe(0);
    expect(overview.series.reduce((s, p) => s + p.revenue, 0)).toBe(overview.totals.revenue);
    expect(overview.byCity.reduce((s, c) => s + c.revenue, 0)).toBe(overview.totals.revenue);
    expect(overview.byStore).toEqual([expect.objectContaining({ key: String(storeId), revenue: overview.totals.revenue })]);
    // The simulator put our offers first in about 60 % of its 4-hour slots.
    expect(overview.firstShare).toBeGreaterThan(0.45);
    expect(overview.firstShare).toBeLessThan(0.75);
    expect(overview.entriesPending).toBe(0);

    // Each sale knows where our offer stood when the buyer chose: exactly as the simulator decided.
    const products = await call<{ rows: ProductEarnings[]; lostRevenue: number; unitsFirstShare: number }>(app, 'analytics.products', { scope });
    const units = (o: (typeof sold)[number]) => o.entries[0]!.quantity;
    expect(products.rows.reduce((s, r) => s + r.unitsFirst, 0)).toBe(sold.filter((o) => o.position === 1).reduce((s, o) => s + units(o), 0));
    expect(products.rows.reduce((s, r) => s + r.unitsNotFirst, 0)).toBe(sold.filter((o) => o.position > 1).reduce((s, o) => s + units(o), 0));
    expect(products.rows.reduce((s, r) => s + r.unitsUnknown, 0)).toBe(0);
    expect(products.unitsFirstShare).toBeGreaterThan(0.7);
    const watched = products.rows.filter((r) => r.daysFirst + r.daysNotFirst > 0);
    expect(watched.length).toBe(products.rows.length);
    expect(products.lostRevenue).toBe(products.rows.reduce((s, r) => s + (r.lostRevenue ?? 0), 0));

    // A cost-based floor gives margin to that product's sales only; the rest stays unknown.
    const top = products.rows[0]!;
    await call(app, 'rules.update', { productIds: [top.productId], set: { floor: { kind: 'cost', cost: Math.round(top.avgPrice! / 2), commissionPercent: 10, fixedFees: 100, minMargin: { unit: 'tenge', value: 0 } } } });
    const withCost = await call<Overview>(app, 'analytics.overview', { scope });
    const expectedMargin = Math.round(top.revenue - top.units * (Math.round(top.avgPrice! / 2) + 100) - top.revenue * 0.1);
    expect(withCost.totals.margin).toBe(expectedMargin);
    expect(withCost.totals.marginCoverage).toBeCloseTo(top.revenue / withCost.totals.revenue, 2);

    // Bot price changes count in the read model and are set against the sales of the day after.
    const journal = createSqliteJournal(app.db);
    const sale = sold.find((o) => o.creationDate > now - 3 * DAY)!;
    const productId = (app.db.prepare('SELECT id FROM products WHERE store_id = ? AND master_sku = ?').get(storeId, sale.entries[0]!.productId) as { id: number }).id;
    const at = sale.creationDate - 3_600_000;
    const id = await journal.plan({ storeId, productId, cityId: sale.cityId, oldPrice: 100_000, newPrice: 99_999, reason: { code: 'undercut' } as never, dryRun: false, at });
    await journal.markPushed(id, 'job-1', at);
    app.analytics.refresh();
    const one = await call<{ earnings: ProductEarnings; daily: { period: string; units: number }[]; changes: { at: number; unitsAfter: number; unitsBefore: number }[] }>(app, 'analytics.product', { scope: { ...scope, productId } });
    expect(one.earnings.botChanges).toBe(1);
    expect(one.changes).toHaveLength(1);
    const unitsAfter = sold.filter((o) => o.entries[0]!.productId === sale.entries[0]!.productId && o.cityId === sale.cityId && o.creationDate >= at && o.creationDate < at + DAY).reduce((s, o) => s + units(o), 0);
    expect(one.changes[0]).toMatchObject({ at, unitsAfter });
    expect(one.daily).toHaveLength(6);
    expect(one.daily.reduce((s, d) => s + d.units, 0)).toBe(one.earnings.units);

    const csv = await call<{ csv: string }>(app, 'analytics.exportCsv', { table: 'products', scope });
    expect(csv.csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.csv.split('\r\n').filter(Boolean)).toHaveLength(products.rows.length + 1);
  }, 90_000);
});
