import { describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi';
import { createShopApiClient } from '../../../src-main/kaspi/shop-api';
import { endpointsOf, useKaspiSim } from './support/sim';

const UID = '30067228';
const TOKEN = SCENARIO_CREDENTIALS.demo.apiTokens[UID];
const DAY = 24 * 60 * 60 * 1000;

describe('official shop API client against the simulator', () => {
  // A slow clock (Kaspi time 100× slower): no new order arrives while the test counts them.
  const sim = useKaspiSim({ scenario: 'demo', timeScale: 100 });
  const client = () => createShopApiClient({ endpoints: endpointsOf(sim()), token: TOKEN, timeoutMs: 5_000 });

  it('pages through orders with the required page parameters', async () => {
    const expected = sim().orders(UID);
    const seen: string[] = [];
    let pageCount = 0;
    for (let page = 0; page === 0 || page < pageCount; page++) {
      const res = await client().ordersPage({ page, size: 4 });
      pageCount = res.pageCount;
      expect(res.totalCount).toBe(expected.length);
      seen.push(...res.orders.map((o) => o.code));
    }
    expect(pageCount).toBe(Math.ceil(expected.length / 4));
    expect(seen.sort()).toEqual(expected.map((o) => o.code).sort());
  });

  it('filters by state and status and merges customers from included', async () => {
    const archived = await client().listOrders({ state: 'ARCHIVE', withCustomers: true });
    const expected = sim().orders(UID).filter((o) => o.tab === 'ARCHIVED');
    expect(archived.map((o) => o.code).sort()).toEqual(expected.map((o) => o.code).sort());
    for (const o of archived) {
      const source = expected.find((e) => e.code === o.code);
      expect(o.state).toBe('ARCHIVE');
      expect(o.customer).toMatchObject({ firstName: source?.customer.firstName, lastName: source?.customer.lastName, phone: source?.customer.cellPhone });
    }
    const completed = await client().listOrders({ status: 'COMPLETED' });
    expect(completed.every((o) => o.status === 'COMPLETED')).toBe(true);
    expect(completed.length).toBe(sim().orders(UID).filter((o) => o.status === 'COMPLETED').length);
  });

  it('splits a date range longer than 14 days into windows Kaspi accepts', async () => {
    const fresh = sim().createOrder(UID);
    const now = Date.now();
    const all = await client().listOrders({ from: now - 40 * DAY, to: now + 1_000 });
    expect(all.map((o) => o.code)).toContain(fresh.code);
    expect(all.length).toBe(sim().orders(UID).length);
    await expect(client().ordersPage({ page: 0, from: now - 20 * DAY, to: now })).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('lists the entries of an order', async () => {
    const order = sim().orders(UID)[0];
    if (!order) throw new Error('no orders');
    const entries = await client().entries(order.id);
    expect(entries.map((e) => ({ title: e.title, quantity: e.quantity, totalPrice: e.totalPrice }))).toEqual(order.entries.map((e) => ({ title: e.name, quantity: e.quantity, totalPrice: e.totalPrice })));
  });

  it('explains a rejected token as wrong credentials about the token', async () => {
    const bad = createShopApiClient({ endpoints: endpointsOf(sim()), token: 'not-a-token=' });
    const err = await bad.ordersPage({ page: 0 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'wrong-credentials', status: 401 });
    expect((err as Error).message).toMatch(/токен/i);
  });
});
