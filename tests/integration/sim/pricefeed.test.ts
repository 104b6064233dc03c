import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { ALMATY, ASTANA, MC_HEADERS, loginByPassword, mcPost, offersRequest, waitFor, type Jar } from './helpers';

const small = SCENARIO_CREDENTIALS.small;
const UID = small.merchantUid;

// kaspi-api.md §5: POST /pricefeed/upload/merchant/process, its body, its effect and its limits.
describe('pricefeed push', () => {
  let sim: KaspiSim;
  let jar: Jar;
  beforeEach(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 0.001 });
    sim.setLimits({ offers: { maxPerWindow: 10_000 } });
    jar = await loginByPassword(sim, small.owner.email, small.owner.password);
  });
  afterEach(() => sim.close());

  const push = (body: unknown): Promise<Response> => mcPost(jar, `${sim.urls.mc}/pricefeed/upload/merchant/process`, body);
  const ownPrice = async (productId: string, cityId = ALMATY): Promise<number | undefined> => {
    const body = (await (await offersRequest(sim, productId, { cityId })).json()) as { offers: { merchantId: string; price: number }[] };
    return body.offers.find((o) => o.merchantId === UID)?.price;
  };

  const LENOVO = '100000006_900000006';
  const both = (price: number, sku = LENOVO): Record<string, unknown> => ({
    merchantUid: UID, sku, model: 'Lenovo IdeaPad 3 16/512Gb',
    availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 7 }, { available: 'yes', storeId: `${UID}_PP2`, stockCount: 7 }],
    cityPrices: [{ cityId: ALMATY, value: price }, { cityId: ASTANA, value: price }],
  });

  it('accepts the body INV captured live, answers {id}, records it, and the storefront shows it after the apply delay', async () => {
    sim.setLimits({ pushApplyDelayMs: 500_000 }); // 500 ms at this time scale
    const sent = both(290_000);
    const res = await push(sent);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string };
    expect(body.id).toMatch(/^\w{8,}$/);
    expect(await ownPrice('100000006')).toBe(300_000);
    await waitFor(() => ownPrice('100000006'), (p) => p === 290_000);
    expect(await ownPrice('100000006', ASTANA)).toBe(290_000);
    const pushes = sim.pushes({ merchantUid: UID });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ id: body.id, status: 200, sku: LENOVO, body: sent, offSale: [] });
    await waitFor(() => sim.pushes()[0]?.appliedAt, (a) => typeof a === 'number');
  });

  it('takes the offer off sale in every point a body leaves out, and everywhere when it has no availabilities ("Не указано наличие")', async () => {
    sim.setLimits({ pushApplyDelayMs: 0 });
    const onlyAlmaty = await push({ merchantUid: UID, sku: LENOVO, model: 'x', availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 1 }], cityPrices: [{ cityId: ALMATY, value: 299_000 }] });
    expect(onlyAlmaty.status).toBe(200);
    expect(sim.pushes().at(-1)?.offSale).toEqual([`${UID}_PP2`]);
    await waitFor(() => ownPrice('100000006', ASTANA), (p) => p === undefined);
    expect(await ownPrice('100000006')).toBe(299_000);
    const iphone = await push({ merchantUid: UID, sku: '100000001_900000001', model: 'x', cityPrices: [{ cityId: ALMATY, value: 399_000 }] });
    expect(iphone.status).toBe(200);
    expect(sim.pushes().at(-1)?.offSale).toEqual([`${UID}_PP1`, `${UID}_PP2`]);
    await waitFor(() => ownPrice('100000001'), (p) => p === undefined);
    // The cabinet still lists the points, off sale, with their stock.
    const offer = sim.state.world.ownOffer(UID, '100000001_900000001');
    expect(offer?.availabilities).toEqual([{ storeId: `${UID}_PP1`, available: 'no', stockCount: 7, preOrder: 0 }, { storeId: `${UID}_PP2`, available: 'no', stockCount: 7, preOrder: 0 }]);
  });

  it('takes an offer off sale with available "no" and back with "yes"', async () => {
    const sku = '100000001_900000001';
    await push({ merchantUid: UID, sku, availabilities: [{ available: 'no', storeId: `${UID}_PP1`, stockCount: null }, { available: 'no', storeId: `${UID}_PP2`, stockCount: null }], cityPrices: [{ cityId: ALMATY, value: 400_000 }] });
    await waitFor(() => ownPrice('100000001'), (p) => p === undefined);
    await push({ merchantUid: UID, sku, availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: null }, { available: 'no', storeId: `${UID}_PP2`, stockCount: null }], cityPrices: [{ cityId: ALMATY, value: 400_000 }] });
    await waitFor(() => ownPrice('100000001'), (p) => p === 400_000);
  });

  it('refuses the variants only code sends (top-level price or preOrder, stockEnabled), naming the captured shape', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...both(295_000), price: 295_000 }, /top-level price/],
      [{ merchantUid: UID, sku: LENOVO, price: 295_000, availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockEnabled: false }] }, /top-level price/],
      [{ ...both(295_000), availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockEnabled: false }, { available: 'yes', storeId: `${UID}_PP2`, stockEnabled: false, preOrder: 3 }] }, /stockEnabled/],
      [{ ...both(295_000), preOrder: 3 }, /top-level preOrder/],
      [{ ...both(295_000), somethingNew: 1 }, /somethingNew/],
    ];
    for (const [body, message] of cases) {
      const res = await push(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
  });

  it('rejects invalid bodies with 400 and applies none of them', async () => {
    const avail = [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 1 }];
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...both(1000.5) }, /cityPrices\.0\.value/],
      [{ ...both(0) }, /cityPrices\.0\.value/],
      [{ merchantUid: UID, sku: LENOVO, availabilities: avail }, /cityPrices/],
      [{ merchantUid: UID, sku: LENOVO, availabilities: avail, cityPrices: [] }, /at least one city price/],
      [{ ...both(1000, 'no-such-sku') }, /not found/],
      [{ merchantUid: UID, sku: LENOVO, availabilities: avail, cityPrices: [{ cityId: '7500', value: 1000 }] }, /9 digits/],
      [{ merchantUid: UID, sku: LENOVO, availabilities: avail, cityPrices: [{ cityId: '511010000', value: 1000 }] }, /511010000 has no point of sale/],
      [{ merchantUid: UID, sku: LENOVO, availabilities: avail, cityPrices: [{ cityId: ALMATY, value: 1000 }, { cityId: ALMATY, value: 1001 }] }, /listed twice/],
      [{ ...both(1000), availabilities: [{ available: 'maybe', storeId: `${UID}_PP1` }] }, /available/],
      [{ ...both(1000), availabilities: [{ available: 'yes', storeId: 'PP1' }] }, /not a point of merchant/],
      [{ ...both(1000), availabilities: [{ available: 'yes', storeId: '31000001_PP1' }] }, /not a point of merchant/],
      [{ ...both(1000), availabilities: [...avail, ...avail] }, /listed twice/],
      [{ ...both(1000), availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 1.5 }] }, /stockCount/],
      [{ ...both(1000), availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, preOrder: 31 }] }, /preOrder/],
    ];
    for (const [body, message] of bad) {
      sim.clearBans();
      const res = await push(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message: string }).message, JSON.stringify(body)).toMatch(message);
    }
    expect(sim.pushes().every((p) => p.status === 400 && p.id === null)).toBe(true);
    expect(await ownPrice('100000006')).toBe(300_000);
  });

  it('forbids another merchant and needs a session', async () => {
    expect((await push({ ...both(1), merchantUid: '31000001', sku: 'x' })).status).toBe(403);
    sim.expireSessions();
    expect((await push(both(1000))).status).toBe(401);
  });

  it('answers 429 above the per-second limit and keeps the merchant blocked for blockMs', async () => {
    sim.setLimits({ pushes: { windowMs: 1_000_000, blockMs: 300_000 } }); // window 1 s, block 300 ms at this scale
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await push(both(300_000 - i))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(sim.bans().pushes[0]?.key).toBe(UID);
    await new Promise((r) => setTimeout(r, 350));
    // The block is over, but the last second still holds 4 pushes: the next one is over the limit again.
    expect((await push(both(299_000))).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await push(both(299_000))).status).toBe(200);
  });

  it('answers 429 past the changes budget in the rolling window', async () => {
    sim.setLimits({ pushes: { maxPerWindow: 1000, maxChanges: 5, changesWindowMs: 1e9, blockMs: 1e9 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await push(both(300_000 - i))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('takes the XML price list of §9 through the file upload endpoint', async () => {
    const xml = (offers: string, merchant: string = UID): string => `<?xml version="1.0" encoding="utf-8"?>
<kaspi_catalog date="2026-11-26 20:00:00" xmlns="kaspiShopping" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="kaspiShopping http://kaspi.kz/kaspishopping.xsd">
  <company>ИП Тестовый магазин</company><merchantid>${merchant}</merchantid>
  <offers>${offers}</offers>
</kaspi_catalog>`;
    const upload = (file: string): Promise<Response> => {
      const form = new FormData();
      form.append('file', new Blob([file], { type: 'application/xml' }), 'price.xml');
      return jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/upload?merchantUid=${UID}`, { method: 'POST', headers: MC_HEADERS, body: form });
    };
    const good = `<offer sku="100000006_900000006"><model>Lenovo IdeaPad 3 16/512Gb</model><brand>Lenovo</brand>
      <availabilities><availability available="yes" storeId="PP1" preOrder="0" stockCount="3"/><availability available="yes" storeId="PP2"/></availabilities>
      <cityprices><cityprice cityId="${ALMATY}">288000</cityprice><cityprice cityId="${ASTANA}">289000</cityprice></cityprices></offer>`;
    const res = await upload(xml(good));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: expect.any(String) });
    await waitFor(() => ownPrice('100000006', ASTANA), (p) => p === 289_000);
    expect(await ownPrice('100000006')).toBe(288_000);
    expect((await upload(xml(good, '31000001'))).status).toBe(400);
    expect((await upload(xml(good.replace('storeId="PP1"', `storeId="${UID}_PP1"`)))).status).toBe(400);
    expect((await upload(xml(good.replace('288000', '288000.50')))).status).toBe(400);
    expect((await upload(xml(good.replace('100000006_900000006', 'nope')))).status).toBe(400);
  });

  it('lets the undercut bot answer our push once it is applied', async () => {
    sim.setLimits({ pushApplyDelayMs: 0 });
    await push({ ...both(179_000, '100000002_900000002'), model: 'Samsung Galaxy A55 8/256Gb синий' });
    // Bot 31000002: step 1, floor 177000, reacts in ~30 s (30 ms here).
    await waitFor(() => sim.offers('100000002', ALMATY)[0], (o) => o?.merchantId === '31000002' && o.price === 178_999);
  });
});
