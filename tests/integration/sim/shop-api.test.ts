import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHeaders } from './helpers';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';

const TOKEN = SCENARIO_CREDENTIALS.demo.apiTokens['30067228'];

// kaspi-api.md §7b: the official shop API on the storefront host.
describe('official shop API', () => {
  let sim: KaspiSim;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'demo', seed: 5, timeScale: 1000 });
  });
  afterAll(() => sim.close());
  const get = (path: string, token: string | null = TOKEN): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/vnd.api+json', 'content-type': 'application/vnd.api+json' };
    if (token) headers['x-auth-token'] = token;
    return fetch(`${sim.urls.storefront}/shop/api/v2${path}`, { headers });
  };
  type Orders = { data: { type: string; id: string; attributes: Record<string, unknown>; relationships: Record<string, unknown>; links: { self: string } }[]; included?: { type: string; id: string; attributes: Record<string, unknown> }[]; meta: { pageCount: number; totalCount: number } };

  it('needs a valid X-Auth-Token', async () => {
    expect((await get('/orders?page[number]=0&page[size]=10', null)).status).toBe(401);
    expect((await get('/orders?page[number]=0&page[size]=10', 'bad-token')).status).toBe(401);
  });

  it('needs page[number] and page[size], with size at most 100', async () => {
    expect((await get('/orders')).status).toBe(400);
    expect((await get('/orders?page[number]=0')).status).toBe(400);
    expect((await get('/orders?page[size]=10')).status).toBe(400);
    expect((await get('/orders?page[number]=0&page[size]=101')).status).toBe(400);
    const ok = await get('/orders?page[number]=0&page[size]=100');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/application\/vnd\.api\+json/);
  });

  it('returns JSON:API orders with the documented attributes, pages and meta', async () => {
    const all = (await (await get('/orders?page[number]=0&page[size]=100')).json()) as Orders;
    expect(all.meta.totalCount).toBe(15);
    const o = all.data[0];
    expect(o?.type).toBe('orders');
    for (const f of ['code', 'totalPrice', 'paymentMode', 'plannedDeliveryDate', 'creationDate', 'deliveryCostForSeller', 'isKaspiDelivery', 'deliveryMode', 'deliveryAddress', 'signatureRequired', 'creditTerm', 'preOrder', 'pickupPointId', 'state', 'approvedByBankDate', 'status', 'customer', 'deliveryCost']) expect(o?.attributes).toHaveProperty(f);
    const customer = o?.attributes['customer'] as { id: string; cellPhone: string };
    expect(customer.cellPhone).toMatch(/^7\d{9}$/);
    // CDF decodes customer.id as Base64 of the phone digits.
    expect(Buffer.from(customer.id, 'base64').toString()).toBe(customer.cellPhone);
    expect(o?.relationships).toHaveProperty('entries');
    expect(o?.links.self).toBe(`${sim.urls.storefront}/shop/api/v2/orders/${o?.id}`);
    const p0 = (await (await get('/orders?page[number]=0&page[size]=10')).json()) as Orders;
    const p1 = (await (await get('/orders?page[number]=1&page[size]=10')).json()) as Orders;
    expect(p0.data).toHaveLength(10);
    expect(p1.data).toHaveLength(5);
    expect(p0.meta).toMatchObject({ pageCount: 2, totalCount: 15 });
  });

  it('filters by state, status, code, creationDate, and includes users', async () => {
    const newOnes = (await (await get('/orders?page[number]=0&page[size]=100&filter[orders][state]=NEW')).json()) as Orders;
    expect(newOnes.data.length).toBeGreaterThan(0);
    expect(newOnes.data.every((o) => o.attributes['state'] === 'NEW' && o.attributes['status'] === 'APPROVED_BY_BANK')).toBe(true);
    const archived = (await (await get('/orders?page[number]=0&page[size]=100&filter[orders][state]=ARCHIVE&filter[orders][status]=COMPLETED')).json()) as Orders;
    expect(archived.data.every((o) => o.attributes['status'] === 'COMPLETED')).toBe(true);
    const one = newOnes.data[0];
    const byCode = (await (await get(`/orders?page[number]=0&page[size]=10&filter[orders][code]=${String(one?.attributes['code'])}&include[orders]=user`)).json()) as Orders;
    expect(byCode.data.map((o) => o.id)).toEqual([one?.id]);
    expect(byCode.included?.[0]).toMatchObject({ type: 'customers', attributes: { cellPhone: expect.any(String) } });
    const now = Date.now();
    const window = (await (await get(`/orders?page[number]=0&page[size]=100&filter[orders][creationDate][$ge]=${now - 24 * 3_600_000}&filter[orders][creationDate][$le]=${now}`)).json()) as Orders;
    expect(window.data.every((o) => (o.attributes['creationDate'] as number) >= now - 24 * 3_600_000)).toBe(true);
    expect((await get(`/orders?page[number]=0&page[size]=10&filter[orders][creationDate][$ge]=${now - 15 * 86_400_000}&filter[orders][creationDate][$le]=${now}`)).status).toBe(400);
  });

  it('lists entries of an order and the product of an entry', async () => {
    const list = (await (await get('/orders?page[number]=0&page[size]=1')).json()) as Orders;
    const id = list.data[0]?.id ?? '';
    const entries = (await (await get(`/orders/${id}/entries`)).json()) as { data: { type: string; id: string; attributes: Record<string, unknown> }[] };
    expect(entries.data[0]?.type).toBe('orderentries');
    for (const f of ['quantity', 'totalPrice', 'basePrice', 'category']) expect(entries.data[0]?.attributes).toHaveProperty(f);
    const product = (await (await get(`/orderentries/${entries.data[0]?.id}/product`)).json()) as { data: { attributes: { code: string } } };
    expect(sim.state.world.products.has(product.data.attributes.code)).toBe(true);
    expect((await get('/orders/nope/entries')).status).toBe(404);
  });

  it('accepts a NEW order through a status change', async () => {
    const order = sim.createOrder('30067228');
    const res = await fetch(`${sim.urls.storefront}/shop/api/v2/orders`, { method: 'POST', headers: { 'x-auth-token': TOKEN, 'content-type': 'application/vnd.api+json' }, body: JSON.stringify({ data: { type: 'orders', id: order.id, attributes: { code: order.code, status: 'ACCEPTED_BY_MERCHANT' } } }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { attributes: { status: string } } }).data.attributes.status).toBe('ACCEPTED_BY_MERCHANT');
  });
});

// kaspi-api.md §8.
describe('reviews', () => {
  let sim: KaspiSim;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 1000 });
  });
  afterAll(() => sim.close());
  /** What Chrome sends for the reviews XHR of a product page (§8): the offer-view set, as a GET. */
  const reviewHeaders = (id: string, cityId = '750000000'): Record<string, string> => {
    const { 'content-type': _type, origin: _origin, ...rest } = browserHeaders(id, cityId);
    return rest;
  };

  it('returns data, summary and groupSummary with withAgg=true', async () => {
    let found = false;
    for (let i = 1; i <= 12 && !found; i++) {
      const id = String(100_000_000 + i);
      const res = await fetch(`${sim.urls.storefront}/yml/review-view/api/v1/reviews/product/${id}?filter=ALL&sort=POPULARITY&limit=50&withAgg=true`, { headers: reviewHeaders(id) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: Record<string, unknown>[]; summary: { global: number; statistic: { rate: number; count: number }[]; reviewsCount: number; ratingCount: number }; groupSummary: { id: string; total: number }[] };
      expect(body.groupSummary.map((g) => g.id)).toEqual(['ALL', 'COMMENT']);
      expect(body.summary.statistic.reduce((s, x) => s + x.count, 0)).toBe(body.summary.ratingCount);
      if (body.data.length === 0) continue;
      found = true;
      expect(body.data[0]).toMatchObject({ id: expect.any(String), author: expect.any(String), date: expect.any(String), rating: expect.any(Number), comment: { text: expect.any(String), plus: expect.any(String), minus: expect.any(String) }, merchant: { name: expect.any(String), code: expect.any(String) } });
      const page = (await (await fetch(`${sim.urls.storefront}/yml/review-view/api/v1/reviews/product/${id}?limit=2&page=0`, { headers: reviewHeaders(id) })).json()) as { data: unknown[]; summary?: unknown };
      expect(page.data.length).toBeLessThanOrEqual(2);
      expect(page.summary).toBeUndefined();
    }
    expect(found).toBe(true);
  });

  it('serves the same summary and group summary on the creview companion endpoints', async () => {
    const agg = (await (await fetch(`${sim.urls.storefront}/yml/review-view/api/v1/reviews/product/100000001?limit=1&withAgg=true`, { headers: reviewHeaders('100000001') })).json()) as { summary: unknown; groupSummary: unknown };
    const summary = (await (await fetch(`${sim.urls.storefront}/yml/creview/rest/misc/product/100000001/summary`)).json()) as { data: unknown };
    const groups = (await (await fetch(`${sim.urls.storefront}/yml/creview/rest/misc/product/100000001/groupsummary`)).json()) as { data: unknown };
    expect(summary.data).toEqual(agg.summary);
    expect(groups.data).toEqual(agg.groupSummary);
  });

  it('answers 429 without the browser header set, 400 when the page is of another city than the city cookie', async () => {
    const url = `${sim.urls.storefront}/yml/review-view/api/v1/reviews/product/100000001?limit=9`;
    const full = reviewHeaders('100000001');
    expect((await fetch(url, { headers: { ...full, 'user-agent': 'python-requests/2.31' } })).status).toBe(429);
    expect((await fetch(url, { headers: { ...full, 'sec-fetch-site': 'cross-site' } })).status).toBe(429);
    expect((await fetch(url, { headers: { ...full, 'accept-encoding': 'identity' } })).status).toBe(429);
    expect((await fetch(url, { headers: { ...full, origin: 'https://evil.example' } })).status).toBe(429);
    expect((await fetch(url, { headers: { ...full, cookie: 'kaspi.storefront.cookie.city=710000000' } })).status).toBe(400);
    expect((await fetch(url, { headers: { ...full, referer: 'https://kaspi.kz/shop/p/-100000001/' } })).status).toBe(400);
    expect((await fetch(url, { headers: full })).status).toBe(200);
  });
});
