import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { ALMATY, ASTANA, browserHeaders, offersRequest } from './helpers';

// kaspi-api.md §4: POST /yml/offer-view/offers/{id}.
describe('storefront offers', () => {
  let sim: KaspiSim;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 1000 });
    sim.setLimits({ offers: { maxPerWindow: 10_000 } });
  });
  afterAll(() => sim.close());

  it('lists offers cheapest first with the documented fields, own offer included', async () => {
    const res = await offersRequest(sim, '100000010', { cityId: ALMATY, id: '100000010', merchantUID: [], limit: 50, page: 0, sortOption: 'PRICE', highRating: null, searchText: null, zoneId: ['Magnum_ZONE1'], installationId: '-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { offers: Record<string, unknown>[]; total: number; offersCount: number };
    expect(body.total).toBe(6);
    expect(body.offersCount).toBe(6);
    const prices = body.offers.map((o) => o['price'] as number);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(body.offers.map((o) => o['merchantId'])).toContain('30000001');
    const first = body.offers[0] as Record<string, unknown>;
    for (const field of ['masterSku', 'masterCategory', 'merchantId', 'merchantName', 'merchantSku', 'merchantRating', 'merchantReviewsQuantity', 'title', 'price', 'kaspiDelivery', 'deliveryType', 'deliveryDuration', 'delivery', 'kdPickupDate', 'availabilityDate', 'preorder', 'deliveryOptions', 'purchaseCount', 'merchantSegmentId']) {
      expect(first).toHaveProperty(field);
    }
    expect(first['masterSku']).toBe('100000010');
    expect(Number.isInteger(first['price'])).toBe(true);
    expect(body).toMatchObject({ badges: [], loanPicker: { present: true }, productCardInfo: { badges: [] } });
    expect(new Set(body.offers.map((o) => o['deliveryDuration']))).toEqual(new Set(['TODAY', 'TOMORROW', 'TILL_3_DAYS', 'TILL_5_DAYS', 'TILL_7_DAYS']));
  });

  it('works with only {cityId} in the body, as CDF sends it', async () => {
    const res = await offersRequest(sim, '100000001', { cityId: ALMATY });
    const body = (await res.json()) as { offers: { merchantId: string; price: number }[] };
    expect(body.offers.map((o) => [o.merchantId, o.price])).toEqual([['31000001', 399_500], ['30000001', 400_000]]);
  });

  it('answers per city: city prices and offers sold in one city only', async () => {
    const almaty = (await (await offersRequest(sim, '100000009', { cityId: ALMATY })).json()) as { offers: { merchantId: string; price: number }[] };
    const astana = (await (await offersRequest(sim, '100000009', { cityId: ASTANA })).json()) as { offers: { merchantId: string; price: number }[] };
    expect(almaty.offers.find((o) => o.merchantId === '30000001')?.price).toBe(160_000);
    expect(astana.offers.find((o) => o.merchantId === '30000001')?.price).toBe(165_000);
    const onlyAlmaty = (await (await offersRequest(sim, '100000007', { cityId: ASTANA })).json()) as { offers: unknown[]; total: number };
    expect(onlyAlmaty).toMatchObject({ offers: [], total: 0 });
  });

  it('leaves out an offer that is not on sale', async () => {
    const body = (await (await offersRequest(sim, '100000008', { cityId: ALMATY })).json()) as { offers: { merchantId: string }[] };
    expect(body.offers.map((o) => o.merchantId)).toEqual(['31000001']);
  });

  it('pages with page and limit', async () => {
    const p0 = (await (await offersRequest(sim, '100000010', { cityId: ALMATY, limit: 4, page: 0 })).json()) as { offers: { merchantId: string }[]; total: number };
    const p1 = (await (await offersRequest(sim, '100000010', { cityId: ALMATY, limit: 4, page: 1 })).json()) as { offers: { merchantId: string }[]; total: number };
    expect(p0.offers).toHaveLength(4);
    expect(p1.offers).toHaveLength(2);
    expect(p0.total).toBe(6);
    expect(new Set([...p0.offers, ...p1.offers].map((o) => o.merchantId)).size).toBe(6);
  });

  it('returns 200 with no offers for a combined master_merchant sku (§0)', async () => {
    const res = await offersRequest(sim, '100000001_900000001', { cityId: ALMATY });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ offers: [], total: 0, offersCount: 0 });
  });

  it('needs a cityId', async () => {
    expect((await offersRequest(sim, '100000001', { id: '100000001' })).status).toBe(400);
  });

  it('answers GET with 405', async () => {
    const res = await fetch(`${sim.urls.storefront}/yml/offer-view/offers/100000001`, { headers: browserHeaders('100000001', ALMATY) });
    expect(res.status).toBe(405);
  });

  it('blocks requests without the whole browser header set with a 403 HTML page', async () => {
    const full = browserHeaders('100000001', ALMATY);
    const without = (...names: string[]): Record<string, string> => Object.fromEntries(Object.entries(full).filter(([k]) => !names.includes(k)));
    const cases: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { ...full, 'user-agent': 'python-requests/2.31' },
      { ...full, 'user-agent': 'curl/8.5.0' },
      { ...full, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36' },
      without('origin', 'referer'),
      without('origin'),
      without('referer'),
      // fetch() fills in a missing Accept and Accept-Language: empty ones stand for "not sent".
      { ...full, accept: '' },
      { ...full, 'accept-language': '' },
      { ...full, 'accept-encoding': 'identity' },
      without('sec-fetch-site'),
      { ...full, 'sec-fetch-site': 'cross-site' },
      { ...full, origin: 'https://evil.example', referer: 'https://evil.example/' },
      { ...full, origin: `${sim.urls.storefront}` },
      { ...full, 'content-type': 'text/plain' },
    ];
    for (const headers of cases) {
      const res = await offersRequest(sim, '100000001', { cityId: ALMATY }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('answers from the product page of the city asked for: the Referer, x-ks-city and the city cookie agree with cityId', async () => {
    const full = browserHeaders('100000001', ALMATY);
    expect((await offersRequest(sim, '100000001', { cityId: ALMATY }, { ...full, 'x-ks-city': ALMATY, cookie: `kaspi.storefront.cookie.city=${ALMATY}` })).status).toBe(200);
    const cases: Record<string, string>[] = [
      { ...full, referer: 'https://kaspi.kz/' },
      { ...full, referer: `https://kaspi.kz/shop/p/-100000001/?c=${ASTANA}` },
      { ...full, referer: 'https://kaspi.kz/shop/p/-100000001/' },
      { ...full, referer: `https://kaspi.kz/shop/p/-100000002/?c=${ALMATY}` },
      { ...full, 'x-ks-city': ASTANA },
      { ...full, cookie: `kaspi.storefront.cookie.city=${ASTANA}` },
    ];
    for (const headers of cases) {
      const res = await offersRequest(sim, '100000001', { cityId: ALMATY }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/Referer|x-ks-city|cookie/);
    }
  });

  it('sends gzip to a client that offers it, plain text to one that does not', async () => {
    const { request } = await import('undici');
    const headers = browserHeaders('100000010', ALMATY);
    const packed = await request(`${sim.urls.storefront}/yml/offer-view/offers/100000010`, { method: 'POST', headers, body: JSON.stringify({ cityId: ALMATY }) });
    expect(packed.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(JSON.parse(gunzipSync(Buffer.from(await packed.body.arrayBuffer())).toString('utf8'))).toMatchObject({ total: 6 });
    // Without gzip on offer the same server answers in plain text (the login page here).
    const page = await request(`${sim.urls.idmc}/login`);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(await page.body.text()).toContain('<html');
  });

  it('shows a new competitor price set through the handle', async () => {
    sim.setPrice({ productId: '100000006', merchantUid: '30000001', price: 299_000 });
    const body = (await (await offersRequest(sim, '100000006', { cityId: ALMATY })).json()) as { offers: { price: number }[] };
    expect(body.offers[0]?.price).toBe(299_000);
  });
});
