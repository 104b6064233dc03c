import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim } from '../../sim/kaspi';
import { createShopApiClient, SHOP_ORDER_STATES } from '../../../src-main/kaspi/shop-api';
import { RequestPacer } from '../../../src-main/kaspi/pacer';
import { endpointsOf, useKaspiSim } from './support/sim';

const UID = '30067228';
const TOKEN = SCENARIO_CREDENTIALS.demo.apiTokens[UID];
const DAY = 24 * 60 * 60 * 1000;

describe('official shop API client against the simulator', () => {
  // A slow clock (Kaspi time 100× slower): no order arrives or moves while the test counts them.
  const sim = useKaspiSim({ scenario: 'demo', timeScale: 100 });
  const client = () => {
    sim().setLimits({ shopApi: { maxPerWindow: 100_000 } });
    return createShopApiClient({ endpoints: endpointsOf(sim()), token: TOKEN, timeoutMs: 5_000, pacer: new RequestPacer(0) });
  };
  const now = Date.now();

  it('reads every page of a window, a state at a time', async () => {
    const all: string[] = [];
    let largestPage = 0;
    for (const state of SHOP_ORDER_STATES) {
      const pages: number[] = [];
      const orders = await client().listOrders({ state, from: now - 5 * DAY, to: now }, (page) => void pages.push(page.length));
      expect(orders.every((o) => o.state === state)).toBe(true);
      if (orders.length > 100) expect(pages.length).toBe(Math.ceil(orders.length / 100));
      all.push(...orders.map((o) => o.code));
      largestPage = Math.max(largestPage, ...pages);
    }
    // A page is parsed 25 orders a turn of the event loop: some page here is longer, and loses nothing.
    expect(largestPage).toBeGreaterThan(25);
    const expected = sim().orders(UID).filter((o) => o.creationDate >= now - 5 * DAY && o.creationDate <= now);
    expect(all.sort()).toEqual(expected.map((o) => o.code).sort());
  });

  it('filters by status and merges customers from included', async () => {
    const archived = await client().listOrders({ state: 'ARCHIVE', status: 'COMPLETED', from: now - 5 * DAY, to: now, withCustomers: true });
    const expected = sim().orders(UID).filter((o) => o.tab === 'ARCHIVED' && o.status === 'COMPLETED' && o.creationDate >= now - 5 * DAY);
    expect(archived.map((o) => o.code).sort()).toEqual(expected.map((o) => o.code).sort());
    for (const o of archived) {
      const source = expected.find((e) => e.code === o.code);
      expect(o.customer).toMatchObject({ firstName: source?.customer.firstName, lastName: source?.customer.lastName, phone: source?.customer.cellPhone });
      expect(o.town).toBe(source?.address.town);
    }
  });

  it('splits a range longer than 14 days into windows Kaspi accepts, and refuses what Kaspi refuses before sending it', async () => {
    const fresh = sim().createOrder(UID);
    const all = await client().listOrders({ state: 'NEW', from: now - 40 * DAY, to: Date.now() + 1_000 });
    expect(all.map((o) => o.code)).toContain(fresh.code);
    await expect(client().ordersPage({ state: 'NEW', page: 0, from: now - 20 * DAY, to: now })).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(client().ordersPage({ state: 'PICKUP', deliveryType: 'PICKUP', page: 0, from: now - DAY, to: now })).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(client().ordersPage({ state: 'ARCHIVE', page: 0, size: 101, from: now - DAY, to: now })).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('lists the entries of an order with their products', async () => {
    const order = sim().orders(UID)[0];
    if (!order) throw new Error('no orders');
    const entries = await client().entries(order.id);
    expect(entries.map((e) => ({ masterSku: e.masterSku, sku: e.sku, title: e.title, quantity: e.quantity, totalPrice: e.totalPrice }))).toEqual(
      order.entries.map((e) => ({ masterSku: e.productId, sku: e.merchantSku, title: e.name, quantity: e.quantity, totalPrice: e.totalPrice })),
    );
  });

  it('explains a rejected token as wrong credentials about the token', async () => {
    const bad = createShopApiClient({ endpoints: endpointsOf(sim()), token: 'not-a-token=' });
    const err = await bad.ordersPage({ state: 'NEW', page: 0, from: now - DAY, to: now }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'wrong-credentials', status: 401 });
    expect((err as Error).message).toMatch(/токен/i);
  });
});

describe('the shop API client keeps under the documented request rate', () => {
  it('reads a month of two states from a simulator that answers 429 over 6 requests a second, without one 429', async () => {
    const sim = await startKaspiSim({ scenario: 'demo', seed: 3, timeScale: 1 });
    try {
      const statuses: number[] = [];
      const client = createShopApiClient({ endpoints: endpointsOf(sim), token: TOKEN, timeoutMs: 5_000, retry: { attempts: 1 } });
      const started = Date.now();
      let pages = 0;
      for (const state of ['NEW', 'ARCHIVE'] as const) await client.listOrders({ state, from: started - 30 * DAY, to: started }, () => void pages++).then(() => statuses.push(200));
      expect(statuses).toEqual([200, 200]);
      // 3 windows per state: at most 5 a second means this took at least (requests − 1) / 5 s.
      expect(pages).toBeGreaterThanOrEqual(6);
      expect(Date.now() - started).toBeGreaterThanOrEqual((pages - 1) * 200 - 50);
    } finally {
      await sim.close();
    }
  });
});

describe('entries without included products', () => {
  it('asks for each entry product at its own address (§7b)', async () => {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
      if (req.url?.startsWith('/shop/api/v2/orders/O1/entries')) res.end(JSON.stringify({ data: [{ type: 'orderentries', id: 'E1', attributes: { quantity: 2, totalPrice: 1000, basePrice: 500, title: 'Товар' } }] }));
      else res.end(JSON.stringify({ data: { type: 'masterproducts', id: '111', attributes: { code: '111', name: 'Товар' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = createShopApiClient({ endpoints: { idmcUrl: url, mcUrl: url, storefrontUrl: url }, token: 't', pacer: new RequestPacer(0) });
      expect(await client.entries('O1')).toEqual([{ id: 'E1', masterSku: '111', sku: null, title: 'Товар', quantity: 2, basePrice: 500, totalPrice: 1000, category: null }]);
      expect(paths).toEqual(['/shop/api/v2/orders/O1/entries?include%5Borderentries%5D=product%2CmerchantProduct', '/shop/api/v2/orderentries/E1/product']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
