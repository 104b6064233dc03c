import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { buildPriceListXlsx, type PriceListRow } from '../../../src-main/kaspi/price-list-file';
import { ALMATY, ASTANA, MC_HEADERS, loginByPassword, mcPost, offersRequest, waitFor, type Jar } from './helpers';

const small = SCENARIO_CREDENTIALS.small;
const UID = small.merchantUid;
const LENOVO = '100000006_900000006';
const JBL = '100000005_900000005';

const row = (over: Partial<PriceListRow> & { sku: string }): PriceListRow => ({
  model: 'Lenovo IdeaPad 3 16/512Gb', brand: 'Lenovo', price: 295_000, preorder: 7,
  points: { PP1: 'yes', PP2: 'yes', PP3: '', PP4: '', PP5: '' }, ...over,
});

// kaspi-api.md §5 "File upload": the Excel price list as a job, its rows judged one by one.
describe('Excel price-list upload', () => {
  let sim: KaspiSim;
  let jar: Jar;
  beforeEach(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 0.001 });
    sim.setLimits({ offers: { maxPerWindow: 10_000 }, pushApplyDelayMs: 200_000 });
    jar = await loginByPassword(sim, small.owner.email, small.owner.password);
  });
  afterEach(() => sim.close());

  const upload = async (rows: PriceListRow[]): Promise<Response> => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await buildPriceListXlsx(rows))], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'preorders.xlsx');
    return jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/upload?merchantUid=${UID}`, { method: 'POST', headers: MC_HEADERS, body: form });
  };
  const status = async (id: string): Promise<{ status: string; rows: { sku: string; status: string; message: string | null }[] }> =>
    (await jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/upload/${id}?merchantUid=${UID}`, { headers: MC_HEADERS })).json() as never;
  const storefront = async (productId: string, cityId = ALMATY): Promise<{ merchantId: string; price: number; preorder: number; delivery: string } | undefined> => {
    const body = (await (await offersRequest(sim, productId, { cityId })).json()) as { offers: { merchantId: string; price: number; preorder: number; delivery: string }[] };
    return body.offers.find((o) => o.merchantId === UID);
  };

  it('answers a job id, reports PROCESSING, then applies the good rows and refuses each bad one with its reason', async () => {
    const res = await upload([
      row({ sku: LENOVO, preorder: 10 }),
      row({ sku: JBL, model: 'JBL Tune 520BT белый', brand: 'JBL', price: 19_000, preorder: 31 }),
      row({ sku: '100000004_900000004', model: 'Sony WH-1000XM5 черный', brand: 'Sony', points: { PP1: '', PP2: '', PP3: 'yes', PP4: '', PP5: '' } }),
      row({ sku: 'no-such-article', model: 'Nothing like it' }),
    ]);
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect((await status(id)).status).toBe('PROCESSING');
    const done = await waitFor(() => status(id), (s) => s.status === 'DONE');
    expect(done.rows.map((r) => [r.sku, r.status])).toEqual([[LENOVO, 'OK'], [JBL, 'ERROR'], ['100000004_900000004', 'ERROR'], ['no-such-article', 'ERROR']]);
    expect(done.rows[1]?.message).toMatch(/preorder "31".*1 to 30/);
    expect(done.rows[2]?.message).toMatch(/PP3 is not a point of sale/);
    expect(done.rows[3]?.message).toMatch(/no catalogue card/);
    const lenovo = sim.state.world.ownOffer(UID, LENOVO);
    expect(lenovo?.availabilities.filter((a) => a.available === 'yes').map((a) => [a.storeId, a.preOrder])).toEqual([[`${UID}_PP1`, 10], [`${UID}_PP2`, 10]]);
    expect(sim.state.world.ownOffer(UID, JBL)?.availabilities.every((a) => a.preOrder === 0)).toBe(true);
  });

  it('shows a pre-order offer on the storefront with its delivery date days ahead', async () => {
    const before = await storefront('100000006');
    expect(before?.preorder).toBe(0);
    const { id } = (await (await upload([row({ sku: LENOVO, preorder: 12 })])).json()) as { id: string };
    await waitFor(() => status(id), (s) => s.status === 'DONE');
    const after = await storefront('100000006', ASTANA);
    expect(after).toMatchObject({ preorder: 12, price: 295_000 });
    const days = Math.round((Date.parse(after?.delivery ?? '') - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);
    expect(days).toBe(12);
  });

  it('lists a new article whose model matches a catalogue card', async () => {
    sim.state.world.products.set('100000099', { masterSku: '100000099', title: 'Bosch Serie 4 белый', brand: 'Bosch', category: 'Стиральные машины', images: [] });
    const { id } = (await (await upload([row({ sku: 'BOSCH-S4', model: 'Bosch Serie 4 белый', brand: 'Bosch', price: 250_000, preorder: 5 })])).json()) as { id: string };
    const done = await waitFor(() => status(id), (s) => s.status === 'DONE');
    expect(done.rows).toEqual([expect.objectContaining({ sku: 'BOSCH-S4', status: 'OK' })]);
    expect(await storefront('100000099')).toMatchObject({ price: 250_000, preorder: 5 });
  });

  it('counts each good row in the per-account change limit and blocks the account past it', async () => {
    sim.setLimits({ pushes: { maxChanges: 3, changesWindowMs: 1e9, blockMs: 1e9 } });
    expect((await upload([row({ sku: LENOVO }), row({ sku: JBL, model: 'JBL', preorder: 99 })])).status).toBe(200);
    const push = await mcPost(jar, `${sim.urls.mc}/pricefeed/upload/merchant/process`, {
      merchantUid: UID, sku: LENOVO, availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: null, preOrder: 3 }], cityPrices: [{ cityId: ALMATY, value: 290_000 }],
    });
    expect(push.status).toBe(200);
    // Two more good rows make four changes: the file is refused and the account blocked.
    expect((await upload([row({ sku: LENOVO }), row({ sku: JBL, model: 'JBL' })])).status).toBe(429);
    const after = await mcPost(jar, `${sim.urls.mc}/pricefeed/upload/merchant/process`, {
      merchantUid: UID, sku: LENOVO, availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: null }], cityPrices: [{ cityId: ALMATY, value: 290_000 }],
    });
    expect(after.status).toBe(429);
  });

  it('refuses a file without the price-list columns, and a job of another merchant', async () => {
    const form = new FormData();
    const { buildXlsx } = await import('../../../src-main/kaspi/price-list-file');
    form.append('file', new Blob([Buffer.from(await buildXlsx([['SKU', 'price'], [LENOVO, 1000]]))]), 'x.xlsx');
    const res = await jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/upload?merchantUid=${UID}`, { method: 'POST', headers: MC_HEADERS, body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/columns missing: model/);
    expect((await jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/upload/nope?merchantUid=${UID}`, { headers: MC_HEADERS })).status).toBe(404);
  });
});
