import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { Jar, MC_HEADERS, loginByPassword, mcGet, mcPost } from './helpers';
import { CABINET_DOCUMENTS } from '../../../src-main/kaspi/graphql';

const demo = SCENARIO_CREDENTIALS.demo;

// kaspi-api.md §2, §3, §6, §7a: the cabinet with a live session.
describe('cabinet (mc) endpoints', () => {
  let sim: KaspiSim;
  let jar: Jar;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'demo', seed: 3, timeScale: 1000 });
    jar = await loginByPassword(sim, demo.owner.email, demo.owner.password);
  });
  afterAll(() => sim.close());
  const gql = async (operationName: string, variables: Record<string, unknown> = {}, query = CABINET_DOCUMENTS[operationName] ?? `query ${operationName} { __typename }`): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string }[] } }> => {
    const res = await mcPost(jar, `${sim.urls.mc}/mc/facade/graphql?opName=${operationName}`, { operationName, variables, query });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
  };

  it('lists several shops for one phone login (§2)', async () => {
    const phoneJar = new Jar();
    await phoneJar.fetch(`${sim.urls.idmc}/login`);
    await phoneJar.fetch(`${sim.urls.idmc}/api/p/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _ph: demo.phone.phone }) });
    await phoneJar.fetch(`${sim.urls.idmc}/api/p/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _c: sim.lastSmsCode(demo.phone.phone) }) });
    await phoneJar.follow(`${sim.urls.idmc}/`);
    expect(await (await mcGet(phoneJar, `${sim.urls.mc}/s/m`)).json()).toEqual({ merchants: [{ uid: '30067228' }, { uid: '30067229' }] });
  });

  it('pages own offers with m, p, l, a and the documented fields (§6)', async () => {
    const url = (p: number, l: number, a = true): string => `${sim.urls.mc}/bff/offer-view/list?m=30067228&p=${p}&l=${l}&a=${a}&t=&c=&lowStock=false&notSpecifiedStock=false`;
    const first = (await (await mcGet(jar, url(0, 100))).json()) as { total: number; data: Record<string, unknown>[] };
    const active = sim.state.world.ownOffers('30067228').filter((o) => o.availabilities.some((a) => a.available === 'yes')).length;
    // `total` also counts a stale index entry (slot 37) that no page renders: the first page is short.
    expect(first.total).toBe(active + 1);
    expect(active).toBeGreaterThan(100);
    expect(first.data).toHaveLength(99);
    const all: Record<string, unknown>[] = [];
    const sizes: number[] = [];
    for (let p = 0; p * 50 < first.total; p++) {
      const page = (await (await mcGet(jar, url(p, 50))).json()) as { total: number; data: Record<string, unknown>[] };
      sizes.push(page.data.length);
      all.push(...page.data);
    }
    expect(sizes[0]).toBe(49);
    expect(sizes.slice(1, -1).every((n) => n === 50)).toBe(true);
    expect(all).toHaveLength(active);
    expect(new Set(all.map((o) => o['sku'])).size).toBe(active);
    const inactive = (await (await mcGet(jar, url(0, 100, false))).json()) as { total: number; data: Record<string, unknown>[] };
    expect(inactive.data.every((o) => o['available'] === false)).toBe(true);
    expect(active + inactive.total).toBe(sim.state.world.ownOffers('30067228').length);
    const o = first.data[0] as Record<string, unknown>;
    for (const f of ['offerId', 'sku', 'masterSku', 'masterTitle', 'title', 'model', 'brand', 'masterCategory', 'minPrice', 'maxPrice', 'price', 'points', 'available', 'availabilities', 'stocks', 'images', 'shopLink', 'updatedAt']) expect(o).toHaveProperty(f);
    expect(o['masterCategory']).toMatch(/^Master - /);
    expect(o['shopLink']).toMatch(new RegExp(`-${String(o['masterSku'])}/$`));
    expect((o['availabilities'] as { storeId: string }[])[0]?.storeId).toMatch(/^30067228_PP\d$/);
    // With city pricing, price is 0, minPrice carries the cheapest city and allCityPrices each city (§6).
    const perCity = all.find((x) => x['price'] === 0);
    expect(perCity?.['minPrice']).toBeGreaterThan(0);
    for (const [cityId, v] of Object.entries(perCity?.['allCityPrices'] as Record<string, { price: number }>)) {
      expect(cityId).toMatch(/^\d{9}$/);
      expect(Number.isInteger(v.price)).toBe(true);
    }
    // One price for all its cities: in price, no allCityPrices; some are on sale at one point only.
    const single = all.filter((x) => (x['price'] as number) > 0);
    expect(single.every((x) => !('allCityPrices' in x) && x['minPrice'] === x['price'])).toBe(true);
    expect(single.some((x) => (x['availabilities'] as unknown[]).length === 1)).toBe(true);
    // A point without a stock figure reads stockCount 0 with stockSpecified false.
    const noStock = all.flatMap((x) => x['availabilities'] as { stockSpecified: boolean; stockCount: number }[]).find((a) => !a.stockSpecified);
    expect(noStock?.stockCount).toBe(0);
  });

  it('lists an offer whose only point in a city is off sale with that city in allCityPrices and the point "no" (small scenario)', async () => {
    const small = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 1000 });
    try {
      const smallJar = await loginByPassword(small, SCENARIO_CREDENTIALS.small.owner.email, SCENARIO_CREDENTIALS.small.owner.password);
      const page = (await (await mcGet(smallJar, `${small.urls.mc}/bff/offer-view/list?m=30000001&p=0&l=100&a=true`)).json()) as { total: number; data: Record<string, unknown>[] };
      expect(page).toMatchObject({ total: 12 });
      expect(page.data).toHaveLength(11);
      const redmond = page.data.find((o) => o['masterSku'] === '100000011');
      expect(redmond).toMatchObject({ price: 0, allCityPrices: { '750000000': { price: 30_000 }, '710000000': { price: 30_500 } }, availabilities: [{ storeId: '30000001_PP1', available: 'yes' }, { storeId: '30000001_PP2', available: 'no' }] });
      expect(page.data.find((o) => o['masterSku'] === '100000007')).toMatchObject({ price: 45_000, availabilities: [{ storeId: '30000001_PP1', available: 'yes' }] });
      expect(page.data.find((o) => o['masterSku'] === '100000007')).not.toHaveProperty('allCityPrices');
    } finally {
      await small.close();
    }
  });

  it('forbids another merchant id and needs the session cookies', async () => {
    expect((await mcGet(jar, `${sim.urls.mc}/bff/offer-view/list?m=30067229&p=0&l=10&a=true`)).status).toBe(403);
    expect((await fetch(`${sim.urls.mc}/bff/offer-view/list?m=30067228&p=0&l=10&a=true`, { headers: MC_HEADERS })).status).toBe(401);
  });

  it('answers getMerchant with points, getPointList and getCities (§3)', async () => {
    const m = await gql('getMerchant', { id: '30067228' });
    expect(m.body.data).toMatchObject({ merchant: { id: '30067228', name: 'ИП FIRST PROJECT', logo: { url: expect.any(String) } } });
    const points = (m.body.data?.['merchant'] as { points: { id: string; name: string; enabled: boolean; virtual: boolean; city: { id: string; name: string } }[] }).points;
    expect(points).toHaveLength(5);
    expect(points[0]).toMatchObject({ id: '30067228_PP1', name: 'PP1', enabled: true, virtual: false, city: { id: '750000000', name: 'Алматы' } });
    const cities = await gql('getCities');
    expect((cities.body.data?.['cities'] as unknown[]).length).toBeGreaterThanOrEqual(28);
    expect(cities.body.data?.['cities']).toContainEqual({ id: '471010000', name: 'Актау' });
    const other = await gql('getMerchant', { id: '30067229' });
    expect(other.body.errors?.[0]?.message).toBeTruthy();
    const unknown = await gql('noSuchOperation', {}, CABINET_DOCUMENTS['getCities']);
    expect(unknown.body.errors?.[0]?.message).toMatch(/Unknown operation/);
    const pointList = await gql('getPointList', { id: '30067228' }, 'query getPointList($id: String!) { merchant(id: $id) { points { id enabled city { name } address { streetName streetNumber building phone name } } } }');
    expect((pointList.body.data?.['merchant'] as { points: unknown[] }).points).toHaveLength(5);
    const token = await gql('getTokenApi', { id: '30067228' }, 'query getTokenApi($id: String!) { merchant(id: $id) { integration { token } } }');
    expect(token.body.data).toEqual({ merchant: { integration: { token: demo.apiTokens['30067228'] } } });
  });

  it('validates every document against the cabinet schema and answers errors[] like a GraphQL server', async () => {
    const invalid = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await gql('q', variables, query);
      expect(res.status).toBe(200);
      expect(res.body.data).toBeUndefined();
      return (res.body.errors ?? []).map((e) => e.message).join(' | ');
    };
    expect(await invalid('query q { merchant(id: "30067228") { id }')).toMatch(/Syntax Error/);
    expect(await invalid('query q { merchant(id: "30067228") { id nickname } }')).toMatch(/Cannot query field "nickname"/);
    expect(await invalid('query q($id: String!, $unused: Int) { merchant(id: $id) { id } }', { id: '30067228' })).toMatch(/Variable "\$unused" is never used/);
    expect(await invalid('query q($id: String) { merchant(id: $id) { id } }', { id: '30067228' })).toMatch(/Variable "\$id" of type "String" used in position expecting type "String!"/);
    expect(await invalid('query q($input: OrdersInput) { merchant(id: "30067228") { id } }')).toMatch(/Unknown type "OrdersInput"/);
    const missing = await gql('getOrders', { merchantUid: '30067228', page: 0, input: { presetFilter: 'NEW' } });
    expect(missing.body.data).toBeUndefined();
    expect(missing.body.errors?.map((e) => e.message).join(' ')).toMatch(/\$advancedInput|\$withAdvancedOrders/);
  });

  it('serves at most 10 orders a page, the size the cabinet UI uses', async () => {
    const vars = (size: number) => ({ merchantUid: '30067228', size, page: 0, input: { presetFilter: 'ARCHIVED', orderCode: '', cityId: '' }, advancedInput: { orderCode: '', phoneNumber: '', productCode: '' }, withAdvancedOrders: false });
    const big = await gql('getOrders', vars(50));
    expect(big.body.errors?.[0]?.message).toMatch(/size must be between 1 and 10/);
    const ok = await gql('getOrders', vars(10));
    expect(ok.body.errors).toBeUndefined();
    expect((ok.body.data?.['merchant'] as { orders: { orders: { orders: unknown[] } } }).orders.orders.orders).toHaveLength(10);
  });

  it('answers getOrders, getOrderCounters and getOrderDetails (§3, §7a)', async () => {
    // A buyer just ordered: the order waits in NEW (or SIGN_REQUIRED on credit) for the seller.
    const fresh = sim.createOrder('30067228');
    const counters = await gql('getOrderCounters', { merchantUid: '30067228' });
    const counts = (counters.body.data?.['merchant'] as { orders: { counts: { tab: string; count: number }[] } }).orders.counts;
    expect(counts.map((c) => c.tab)).toEqual(expect.arrayContaining(['NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY_CARGO_ASSEMBLY']));
    const newCount = counts.find((c) => c.tab === fresh.tab)?.count ?? 0;
    const orders = await gql('getOrders', { merchantUid: '30067228', size: 10, page: 0, input: { presetFilter: fresh.tab, orderCode: '', cityId: '' }, advancedInput: { orderCode: '', phoneNumber: '', productCode: '' }, withAdvancedOrders: false });
    const list = (orders.body.data?.['merchant'] as { orders: { orders: { total: number; orders: Record<string, unknown>[] } } }).orders.orders;
    expect(list.total).toBe(newCount);
    expect(list.total).toBeGreaterThan(0);
    const order = list.orders[0] as Record<string, unknown>;
    for (const f of ['code', 'customer', 'totalPrice', 'creationTime', 'status', 'entries', 'destination', 'steps', 'kaspiDelivery', 'delivery']) expect(order).toHaveProperty(f);
    expect(order).not.toHaveProperty('payments');
    const details = await gql('getOrderDetails', { merchantUid: '30067228', orderCode: order['code'] });
    const detail = (details.body.data?.['merchant'] as { orderDetail: { code: string; customer: { phoneNumber: string } } }).orderDetail;
    expect(detail.code).toBe(order['code']);
    expect(detail.customer.phoneNumber).toBe('+0(000)-000-00-00');
    const empty = await gql('getOrders', { merchantUid: '30067228', size: 10, page: 0, input: { presetFilter: 'NEW', orderCode: '000', cityId: '' }, advancedInput: { orderCode: '', phoneNumber: '', productCode: '' }, withAdvancedOrders: false });
    expect(empty.body.data).toEqual({ merchant: { id: '30067228', orders: { orders: { total: 0, orders: [] } } } });
  });

  it('answers orderTabs/active with an array of tab objects (§7a REST)', async () => {
    const res = await mcGet(jar, `${sim.urls.mc}/mc/api/orderTabs/active?count=100&selectedTabs=DELIVERY&selectedTabs=NEW&startIndex=0&loadPoints=false&_m=30067228`);
    expect(res.status).toBe(200);
    const tabs = (await res.json()) as { tab: string; orders: { createDate: number; totalPrice: number; entries: { masterProductCode: string; name: string; quantity: number; totalPrice: number }[] }[] }[];
    expect(tabs.map((t) => t.tab)).toEqual(['DELIVERY', 'NEW']);
    const order = tabs.flatMap((t) => t.orders)[0];
    expect(order?.createDate).toBeTypeOf('number');
    expect(order?.entries[0]).toMatchObject({ masterProductCode: expect.any(String), name: expect.any(String), quantity: expect.any(Number), totalPrice: expect.any(Number) });
  });

  it('answers offer details for a list of skus with cities[] and availabilities (§5)', async () => {
    const [a, b] = sim.state.world.ownOffers('30067228');
    const res = await mcPost(jar, `${sim.urls.mc}/offers/api/v1/offer/details?m=30067228`, { sku: [a?.merchantSku, b?.merchantSku, 'no-such'] });
    expect(res.status).toBe(200);
    const items = (await res.json()) as { sku: string; cities: { cityId: string; price: number; points: { pointId: string; available: boolean }[] }[]; availabilities: unknown[] }[];
    expect(items.map((i) => i.sku)).toEqual([a?.merchantSku, b?.merchantSku]);
    expect(items[0]?.cities[0]?.points[0]?.pointId).toMatch(/^30067228_PP\d$/);
    expect(items[0]?.availabilities.length).toBeGreaterThan(0);
  });

  it('searches orders by phone with withAdvancedOrders (advancedOrders field)', async () => {
    const order = sim.orders('30067228')[0];
    const res = await gql('getOrders', { merchantUid: '30067228', size: 10, page: 0, input: { presetFilter: 'NEW', orderCode: '', cityId: '' }, advancedInput: { orderCode: '', phoneNumber: order?.customer.cellPhone ?? '', productCode: '' }, withAdvancedOrders: true });
    const adv = (res.body.data?.['merchant'] as { orders: { advancedOrders: { total: number; orders: { code: string }[] } } }).orders.advancedOrders;
    expect(adv.orders.map((o) => o.code)).toContain(order?.code);
  });

  it('expires sessions at once or after N requests (control)', async () => {
    const mine = await loginByPassword(sim, demo.owner.email, demo.owner.password);
    const live = sim.sessions().filter((s) => !s.expired).length;
    expect(live).toBeGreaterThan(0);
    const s = sim.sessions().find((x) => x.session === mine.cookies.get('mc-session'));
    expect(s).toBeTruthy();
    sim.state.sessions.expire({ accountId: s?.accountId, afterRequests: 2 });
    expect((await mcGet(mine, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect((await mcGet(mine, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect((await mcGet(mine, `${sim.urls.mc}/s/m`)).status).toBe(401);
    const again = await loginByPassword(sim, demo.owner.email, demo.owner.password);
    expect((await mcGet(again, `${sim.urls.mc}/s/m`)).status).toBe(200);
    sim.expireSessions({ login: demo.owner.email });
    expect((await mcGet(again, `${sim.urls.mc}/s/m`)).status).toBe(401);
    expect((await mcGet(again, `${sim.urls.mc}/bff/offer-view/list?m=30067228&p=0&l=1&a=true`)).status).toBe(401);
    // includeNew: every session created from now on dies after N requests, until switched off.
    sim.expireSessions({ afterRequests: 1, includeNew: true });
    const short = await loginByPassword(sim, demo.owner.email, demo.owner.password);
    expect((await mcGet(short, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect((await mcGet(short, `${sim.urls.mc}/s/m`)).status).toBe(401);
    sim.expireSessions({ includeNew: false, login: 'demo@demper.test' });
    jar = await loginByPassword(sim, demo.owner.email, demo.owner.password);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
  });
});
