import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHeaders } from './helpers';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';

const TOKEN = SCENARIO_CREDENTIALS.demo.apiTokens['30067228'];

// kaspi-api.md §7b: the official shop API on the storefront host, as strict as Kaspi may be.
describe('official shop API', () => {
  let sim: KaspiSim;
  const DAY = 86_400_000;
  let now = 0;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'demo', seed: 5, timeScale: 1000 });
    // Kaspi time runs 1000× slower here, so the per-second rate window would last 17 minutes.
    sim.setLimits({ shopApi: { maxPerWindow: 10_000 } });
    now = Date.now();
  });
  afterAll(() => sim.close());
  const get = (path: string, token: string | null = TOKEN, headers: Record<string, string> = { accept: 'application/vnd.api+json', 'content-type': 'application/vnd.api+json' }): Promise<Response> => {
    const all = { ...headers };
    if (token) all['x-auth-token'] = token;
    return fetch(`${sim.urls.storefront}/shop/api/v2${path}`, { headers: all });
  };
  /** A valid list query: a state and a window of at most 14 days, plus whatever is given. */
  const list = (extra = '', state = 'ARCHIVE', from = now - 5 * DAY, to = now): string =>
    `/orders?page[number]=0&page[size]=100&filter[orders][state]=${state}&filter[orders][creationDate][$ge]=${from}&filter[orders][creationDate][$le]=${to}${extra}`;
  type Orders = { data: { type: string; id: string; attributes: Record<string, unknown>; relationships: Record<string, unknown>; links: { self: string } }[]; included?: { type: string; id: string; attributes: Record<string, unknown> }[]; meta: { pageCount: number; totalCount: number } };
  const detail = async (res: Response) => ((await res.json()) as { errors: { detail: string }[] }).errors[0]?.detail ?? '';

  it('needs a valid X-Auth-Token and the JSON:API media type', async () => {
    expect((await get(list(), null)).status).toBe(401);
    expect((await get(list(), 'bad-token')).status).toBe(401);
    expect((await get(list(), TOKEN, { accept: 'application/json' })).status).toBe(406);
    expect((await get(list(), TOKEN, { accept: 'application/vnd.api+json' })).status).toBe(200);
  });

  it('needs page[number] and page[size] (size at most 100), a state and both creationDate bounds within 14 days', async () => {
    const window = `&filter[orders][state]=NEW&filter[orders][creationDate][$ge]=${now - DAY}&filter[orders][creationDate][$le]=${now}`;
    expect((await get(`/orders?${window.slice(1)}`)).status).toBe(400);
    expect((await get(`/orders?page[number]=0${window}`)).status).toBe(400);
    expect((await get(`/orders?page[size]=10${window}`)).status).toBe(400);
    expect((await get(`/orders?page[number]=0&page[size]=101${window}`)).status).toBe(400);
    const noState = await get(`/orders?page[number]=0&page[size]=10&filter[orders][creationDate][$ge]=${now - DAY}&filter[orders][creationDate][$le]=${now}`);
    expect(noState.status).toBe(400);
    expect(await detail(noState)).toMatch(/state/);
    const noUpper = await get(`/orders?page[number]=0&page[size]=10&filter[orders][state]=NEW&filter[orders][creationDate][$ge]=${now - DAY}`);
    expect(noUpper.status).toBe(400);
    expect(await detail(noUpper)).toMatch(/creationDate/);
    expect((await get(`/orders?page[number]=0&page[size]=10&filter[orders][state]=NEW`)).status).toBe(400);
    expect((await get(list('', 'ARCHIVE', now - 15 * DAY, now))).status).toBe(400);
    expect((await get(list('', 'ARCHIVE', now, now - DAY))).status).toBe(400);
    expect((await get(list('', 'SOMETHING'))).status).toBe(400);
    const ok = await get(list());
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/application\/vnd\.api\+json/);
  });

  it('takes deliveryType only with a state that does not already say how the order travels', async () => {
    for (const state of ['PICKUP', 'DELIVERY', 'KASPI_DELIVERY']) expect((await get(list('&filter[orders][deliveryType]=PICKUP', state))).status).toBe(400);
    expect((await get(list('&filter[orders][deliveryType]=BY_AIR', 'ARCHIVE'))).status).toBe(400);
    const pickups = (await (await get(list('&filter[orders][deliveryType]=PICKUP', 'ARCHIVE'))).json()) as Orders;
    expect(pickups.data.every((o) => String(o.attributes['deliveryMode']).endsWith('PICKUP'))).toBe(true);
  });

  it('returns JSON:API orders with the documented attributes, pages and meta', async () => {
    const expected = sim.orders('30067228').filter((o) => o.tab === 'ARCHIVED' && o.creationDate >= now - 5 * DAY && o.creationDate <= now);
    const all = (await (await get(list())).json()) as Orders;
    expect(all.meta.totalCount).toBe(expected.length);
    const o = all.data[0];
    expect(o?.type).toBe('orders');
    for (const f of ['code', 'totalPrice', 'paymentMode', 'plannedDeliveryDate', 'creationDate', 'deliveryCostForSeller', 'isKaspiDelivery', 'deliveryMode', 'deliveryAddress', 'signatureRequired', 'creditTerm', 'preOrder', 'pickupPointId', 'state', 'approvedByBankDate', 'status', 'customer', 'deliveryCost']) expect(o?.attributes).toHaveProperty(f);
    const customer = o?.attributes['customer'] as { id: string; cellPhone: string };
    expect(customer.cellPhone).toMatch(/^7\d{9}$/);
    // CDF decodes customer.id as Base64 of the phone digits.
    expect(Buffer.from(customer.id, 'base64').toString()).toBe(customer.cellPhone);
    expect(o?.relationships).toHaveProperty('entries');
    expect(o?.links.self).toBe(`${sim.urls.storefront}/shop/api/v2/orders/${o?.id}`);
    const page = (n: number) => get(list().replace('page[number]=0&page[size]=100', `page[number]=${n}&page[size]=10`));
    const p0 = (await (await page(0)).json()) as Orders;
    const last = Math.ceil(expected.length / 10) - 1;
    const pl = (await (await page(last)).json()) as Orders;
    expect(p0.data).toHaveLength(10);
    expect(pl.data).toHaveLength(expected.length - last * 10);
    expect(p0.meta).toMatchObject({ pageCount: last + 1, totalCount: expected.length });
  });

  it('filters by state, status and code, and includes users', async () => {
    const newOnes = (await (await get(list('', 'NEW', now - 14 * DAY, now))).json()) as Orders;
    expect(newOnes.data.every((o) => o.attributes['state'] === 'NEW' && o.attributes['status'] === 'APPROVED_BY_BANK')).toBe(true);
    const completed = (await (await get(list('&filter[orders][status]=COMPLETED'))).json()) as Orders;
    expect(completed.data.length).toBeGreaterThan(0);
    expect(completed.data.every((o) => o.attributes['status'] === 'COMPLETED')).toBe(true);
    const one = completed.data[0];
    const byCode = (await (await get(list(`&filter[orders][code]=${String(one?.attributes['code'])}&include[orders]=user`))).json()) as Orders;
    expect(byCode.data.map((o) => o.id)).toEqual([one?.id]);
    expect(byCode.included?.[0]).toMatchObject({ type: 'customers', attributes: { cellPhone: expect.any(String) } });
  });

  it('lists entries of an order, with their products included when asked, and the product of an entry', async () => {
    const id = ((await (await get(list())).json()) as Orders).data[0]?.id ?? '';
    const entries = (await (await get(`/orders/${id}/entries`)).json()) as { data: { type: string; id: string; attributes: Record<string, unknown> }[]; included?: unknown };
    expect(entries.data[0]?.type).toBe('orderentries');
    expect(entries.included).toBeUndefined();
    for (const f of ['quantity', 'totalPrice', 'basePrice', 'category']) expect(entries.data[0]?.attributes).toHaveProperty(f);
    const product = (await (await get(`/orderentries/${entries.data[0]?.id}/product`)).json()) as { data: { attributes: { code: string } } };
    expect(sim.state.world.products.has(product.data.attributes.code)).toBe(true);
    const withProducts = (await (await get(`/orders/${id}/entries?include[orderentries]=product,merchantProduct`)).json()) as { data: { relationships: { product: { data: { type: string; id: string } }; merchantProduct: { data: { type: string; id: string } } } }[]; included: { type: string; id: string; attributes: { code: string } }[] };
    const rel = withProducts.data[0]?.relationships;
    expect(withProducts.included.find((x) => x.type === rel?.product.data.type && x.id === rel.product.data.id)?.attributes.code).toBe(product.data.attributes.code);
    expect(withProducts.included.some((x) => x.type === 'merchantproducts' && x.id === rel?.merchantProduct.data.id)).toBe(true);
    expect((await get(`/orders/${id}/entries?include[orderentries]=warehouse`)).status).toBe(400);
    expect((await get('/orders/nope/entries')).status).toBe(404);
  });

  it('answers 429 with Retry-After over the request rate of a token', async () => {
    const fast = await startKaspiSim({ scenario: 'demo', seed: 5, timeScale: 1 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await fetch(`${fast.urls.storefront}/shop/api/v2${list()}`, { headers: { accept: 'application/vnd.api+json', 'x-auth-token': TOKEN } })).status);
      expect(codes.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(codes.slice(6)).toContain(429);
      const limited = await fetch(`${fast.urls.storefront}/shop/api/v2${list()}`, { headers: { accept: 'application/vnd.api+json', 'x-auth-token': TOKEN } });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await fast.close();
    }
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
