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

  it('accepts the body INV captured live, answers {id}, and the storefront shows it after the apply delay', async () => {
    sim.setLimits({ pushApplyDelayMs: 500_000 }); // 500 ms at this time scale
    const res = await push({ merchantUid: UID, sku: '100000006_900000006', model: 'Lenovo IdeaPad 3 16/512Gb', availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 1 }], cityPrices: [{ cityId: ALMATY, value: 290_000 }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string };
    expect(body.id).toMatch(/^\w{8,}$/);
    expect(await ownPrice('100000006')).toBe(300_000);
    await waitFor(() => ownPrice('100000006'), (p) => p === 290_000);
    // Availabilities replace the set: PP2 (Астана) is no longer listed.
    expect(await ownPrice('100000006', ASTANA)).toBeUndefined();
    const pushes = sim.pushes({ merchantUid: UID });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ id: body.id, status: 200, sku: '100000006_900000006', body: { cityPrices: [{ cityId: ALMATY, value: 290_000 }] } });
    await waitFor(() => sim.pushes()[0]?.appliedAt, (a) => typeof a === 'number');
  });

  it('accepts the CDF/HAS variant with a top-level price and stockEnabled', async () => {
    const res = await push({ merchantUid: UID, sku: '100000006_900000006', price: 295_000, availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockEnabled: false }, { available: 'yes', storeId: `${UID}_PP2`, stockEnabled: false, preOrder: 3 }] });
    expect(res.status).toBe(200);
    await waitFor(() => ownPrice('100000006', ASTANA), (p) => p === 295_000);
  });

  it('takes an offer off sale with available "no" and back with "yes"', async () => {
    await push({ merchantUid: UID, sku: '100000001_900000001', availabilities: [{ available: 'no', storeId: `${UID}_PP1` }, { available: 'no', storeId: `${UID}_PP2` }] });
    await waitFor(() => ownPrice('100000001'), (p) => p === undefined);
    await push({ merchantUid: UID, sku: '100000001_900000001', availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: null }] });
    await waitFor(() => ownPrice('100000001'), (p) => p === 400_000);
  });

  it('rejects invalid bodies with 400', async () => {
    const bad: unknown[] = [
      { merchantUid: UID, sku: '100000006_900000006', price: 1000.5 },
      { merchantUid: UID, sku: '100000006_900000006', price: 0 },
      { merchantUid: UID, sku: '100000006_900000006' },
      { merchantUid: UID, sku: 'no-such-sku', price: 1000 },
      { merchantUid: UID, sku: '100000006_900000006', cityPrices: [{ cityId: '7500', value: 1000 }] },
      { merchantUid: UID, sku: '100000006_900000006', availabilities: [{ available: 'maybe', storeId: `${UID}_PP1` }] },
      { merchantUid: UID, sku: '100000006_900000006', availabilities: [{ available: 'yes', storeId: 'PP1' }] },
      { merchantUid: UID, sku: '100000006_900000006', price: 1000, preOrder: 31 },
    ];
    for (const body of bad) {
      sim.clearBans();
      expect((await push(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(sim.pushes().every((p) => p.status === 400 && p.id === null)).toBe(true);
  });

  it('forbids another merchant and needs a session', async () => {
    expect((await push({ merchantUid: '31000001', sku: 'x', price: 1 })).status).toBe(403);
    sim.expireSessions();
    expect((await push({ merchantUid: UID, sku: '100000006_900000006', price: 1000 })).status).toBe(401);
  });

  it('answers 429 above the per-second limit and keeps the merchant blocked for blockMs', async () => {
    sim.setLimits({ pushes: { windowMs: 1_000_000, blockMs: 300_000 } }); // window 1 s, block 300 ms at this scale
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await push({ merchantUid: UID, sku: '100000006_900000006', price: 300_000 - i })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(sim.bans().pushes[0]?.key).toBe(UID);
    await new Promise((r) => setTimeout(r, 350));
    // The block is over, but the last second still holds 4 pushes: the next one is over the limit again.
    expect((await push({ merchantUid: UID, sku: '100000006_900000006', price: 299_000 })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await push({ merchantUid: UID, sku: '100000006_900000006', price: 299_000 })).status).toBe(200);
  });

  it('answers 429 past the changes budget in the rolling window', async () => {
    sim.setLimits({ pushes: { maxPerWindow: 1000, maxChanges: 5, changesWindowMs: 1e9, blockMs: 1e9 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await push({ merchantUid: UID, sku: '100000006_900000006', price: 300_000 - i })).status);
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
    await push({ merchantUid: UID, sku: '100000002_900000002', price: 179_000 });
    // Bot 31000002: step 1, floor 177000, reacts in ~30 s (30 ms here).
    await waitFor(() => sim.offers('100000002', ALMATY)[0], (o) => o?.merchantId === '31000002' && o.price === 178_999);
  });
});
