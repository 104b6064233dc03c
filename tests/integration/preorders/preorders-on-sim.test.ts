import { afterEach, describe, expect, it } from 'vitest';
import { buildPriceListXlsx, type PointCell } from '../../../src-main/kaspi/price-list-file';
import type { PreorderView } from '../../../src-shared/domain/preorder';
import { renderMessage } from '../../../src-shared/i18n';
import { call, waitFor } from '../../support/demper-on-sim';
import { offersRequest } from '../sim/helpers';
import { useTempDir } from '../../support/temp-dir';
import { acceptedPreorderChanges, MERCHANT, PP1, PP2, preOrdersAtKaspi, preordersApp } from './support/preorders-on-sim';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const LENOVO = '100000006_900000006';

describe('pre-orders on the Kaspi simulator (real HTTP)', () => {
  it('switches an offer to pre-order at two points, shows it active and on the storefront, and back to regular sale', async () => {
    const env = await preordersApp(tempDir());
    stop = env.close;
    const { app, sim } = env;
    const lenovo = env.product('100000006');
    const { ids } = await call<{ ids: number[] }>(app, 'preorders.addFromProducts', { productIds: [lenovo.id], days: 10 });
    expect((await env.entry(LENOVO))?.status).toBe('draft');
    await call(app, 'preorders.setDays', { ids, days: 14, pointId: PP2 });
    await call(app, 'preorders.send', { ids });
    const active = await waitFor(() => env.entry(LENOVO), (e) => e?.status === 'active');
    expect(active?.points.map((p) => [p.pointId, p.days])).toEqual([[PP1, 10], [PP2, 14]]);
    expect(active?.via).toBe('push');
    expect(preOrdersAtKaspi(sim, LENOVO)).toEqual({ [PP1]: 10, [PP2]: 14 });
    const storefront = (await (await offersRequest(sim, '100000006', { cityId: '710000000' })).json()) as { offers: Array<{ merchantId: string; preorder: number }> };
    expect(storefront.offers.find((o) => o.merchantId === MERCHANT)?.preorder).toBe(14);

    await call(app, 'preorders.end', { ids });
    await waitFor(() => env.entry(LENOVO), (e) => e?.status === 'ended');
    expect(preOrdersAtKaspi(sim, LENOVO)).toEqual({ [PP1]: 0, [PP2]: 0 });
    // One push each way, each journaled first: nothing sent twice.
    expect(sim.pushes({ merchantUid: MERCHANT }).filter((p) => p.status === 200 && p.sku === LENOVO)).toHaveLength(2);
    const history = await call<Array<{ event: string; status: string }>>(app, 'preorders.history', { id: ids[0] });
    expect(history.map((h) => h.event)).toEqual(['created', 'edited', 'sending', 'verified', 'ending', 'verified']);
  });

  it('refuses days outside 1–30 and points the store does not have, saving nothing', async () => {
    const env = await preordersApp(tempDir());
    stop = env.close;
    const { app } = env;
    const lenovo = env.product('100000006');
    await expect(call(app, 'preorders.addFromProducts', { productIds: [lenovo.id], days: 31 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(app, 'preorders.addFromProducts', { productIds: [lenovo.id], days: 5, pointIds: [`${MERCHANT}_PP7`] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await env.list()).toEqual([]);
    const { ids } = await call<{ ids: number[] }>(app, 'preorders.addFromProducts', { productIds: [lenovo.id], days: 5 });
    await expect(call(app, 'preorders.setDays', { ids, days: 0.5 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await env.entry(LENOVO))?.points.map((p) => p.days)).toEqual([5, 5]);
  });

  it('imports a price list with good and bad rows, sends the new articles by file, and shows what Kaspi refused', async () => {
    const env = await preordersApp(tempDir());
    stop = env.close;
    const { app, sim } = env;
    sim.state.world.products.set('100000099', { masterSku: '100000099', title: 'Bosch Serie 4 белый', brand: 'Bosch', category: 'Стиральные машины', images: [] });
    const pp = (PP1: PointCell, PP2: PointCell): Record<'PP1' | 'PP2' | 'PP3' | 'PP4' | 'PP5', PointCell> => ({ PP1, PP2, PP3: '', PP4: '', PP5: '' });
    const file = await buildPriceListXlsx([
      { sku: LENOVO, model: 'Lenovo IdeaPad 3 16/512Gb', brand: 'Lenovo', price: 300_000, points: pp('yes', 4), preorder: 7 },
      { sku: 'BOSCH-S4', model: 'Bosch Serie 4 белый', brand: 'Bosch', price: 250_000, points: pp('yes', 'yes'), preorder: 5 },
      { sku: 'GHOST-1', model: 'Nothing Kaspi knows', brand: 'Nobody', price: 1_000, points: pp('yes', ''), preorder: 3 },
      { sku: 'BAD-DAYS', model: 'Something', brand: '', price: 1_000, points: pp('yes', ''), preorder: 45 },
    ]);
    const data = Buffer.from(file).toString('base64');
    type Result = { rows: Array<{ sku: string; errors: unknown[]; changes: Array<{ field: string }> }>; applied: number };
    const preview = await call<Result>(app, 'preorders.importFile', { format: 'xlsx', data, apply: false });
    expect(preview.rows.map((r) => [r.sku, r.errors.length])).toEqual([[LENOVO, 0], ['BOSCH-S4', 0], ['GHOST-1', 0], ['BAD-DAYS', 1]]);
    expect(preview.rows[1]?.changes[0]?.field).toBe('new_article');
    expect(await env.list()).toEqual([]);
    const applied = await call<Result>(app, 'preorders.importFile', { format: 'xlsx', data, apply: true });
    expect(applied.applied).toBe(3);
    const entries = await env.list();
    await call(app, 'preorders.send', { ids: entries.map((e) => e.id) });
    const settled = await waitFor(env.list, (list) => list.every((e) => e.status === 'active' || e.status === 'failed'));
    const by = (sku: string): PreorderView => settled.find((e) => e.sku === sku)!;
    expect(by(LENOVO)).toMatchObject({ status: 'active', via: 'push' });
    expect(by('BOSCH-S4')).toMatchObject({ status: 'active', via: 'file' });
    expect(by('GHOST-1')).toMatchObject({ status: 'failed', via: 'file' });
    expect(renderMessage(by('GHOST-1').error!, 'en')).toMatch(/Kaspi refused the file row: .*no catalogue card/);
    expect(preOrdersAtKaspi(sim, 'BOSCH-S4')).toEqual({ [PP1]: 5, [PP2]: 5 });
    expect(sim.state.world.ownOffer(MERCHANT, LENOVO)?.availabilities.find((a) => a.storeId === PP2)).toMatchObject({ preOrder: 7, stockCount: 4 });

    const csv = await call<{ fileName: string; data: string }>(app, 'preorders.exportFile', { format: 'csv' });
    expect(csv.data).toContain('SKU;model;brand;price;PP1;PP2;PP3;PP4;PP5;preorder');
    expect(csv.data).toContain('BOSCH-S4;Bosch Serie 4 белый;Bosch;250000;yes;yes;;;;5');
    const xlsx = await call<{ fileName: string; data: string }>(app, 'preorders.exportFile', { format: 'xlsx' });
    const back = await call<Result>(app, 'preorders.importFile', { format: 'xlsx', data: xlsx.data, apply: false });
    expect(back.rows.map((r) => r.sku).sort()).toEqual(['BOSCH-S4', 'GHOST-1', LENOVO].sort());
  });

  it('waits out a 429 in the middle and sends every change once', async () => {
    const env = await preordersApp(tempDir());
    stop = env.close;
    const { app, sim } = env;
    const skus = ['100000001', '100000002', '100000003', '100000004'];
    const products = skus.map((m) => env.product(m));
    const { ids } = await call<{ ids: number[] }>(app, 'preorders.addFromProducts', { productIds: products.map((p) => p.id), days: 9 });
    // Two changes per 2 s window: the third change is a 429 and blocks the account for 1.5 s.
    sim.setLimits({ pushes: { maxChanges: 2, changesWindowMs: 2_000_000, blockMs: 1_500_000 } });
    await call(app, 'preorders.send', { ids });
    const done = await waitFor(env.list, (list) => list.every((e) => e.status === 'active'), 40_000);
    expect(done).toHaveLength(4);
    expect(sim.pushes({ merchantUid: MERCHANT }).some((p) => p.status === 429)).toBe(true);
    const accepted = acceptedPreorderChanges(sim);
    for (const p of products) expect(accepted.get(p.sku)).toBe(1);
  }, 60_000);
});
