import { describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi';
import { createCabinetClient } from '../../../src-main/kaspi/cabinet';
import { endpointsOf, httpSession, useKaspiSim } from './support/sim';

const creds = SCENARIO_CREDENTIALS.small;
const UID = creds.merchantUid;

describe('cabinet orders against the simulator', () => {
  // A slow clock (Kaspi time 100× slower): no order arrives or moves while the test counts.
  const sim = useKaspiSim({ scenario: 'small', timeScale: 100 });
  const client = async () => createCabinetClient({ endpoints: endpointsOf(sim()), cookies: await httpSession(sim(), creds.owner.email, creds.owner.password), timeoutMs: 5_000 });

  it('reads cabinet orders, counters, details and the active order tabs', async () => {
    const c = await client();
    const counts = await c.orderCounters(UID);
    const known = sim().orders(UID).filter((o) => o.tab !== 'ARCHIVED');
    expect(counts.reduce((s, x) => s + x.count, 0)).toBe(known.length);
    const busiest = [...counts].sort((a, b) => b.count - a.count)[0];
    if (!busiest || busiest.count === 0) throw new Error('scenario has no orders');
    const page = await c.orders({ merchantUid: UID, tab: busiest.tab, page: 0 });
    expect(page.total).toBe(busiest.count);
    const first = page.orders[0];
    expect(first?.code).toMatch(/\d+/);
    expect(first?.entries.length).toBeGreaterThan(0);
    expect(first?.createdAt).toBeGreaterThan(0);
    const detail = await c.orderDetails(UID, first?.code ?? '');
    expect(detail.code).toBe(first?.code);
    expect(detail.customerPhone).toBe('+0(000)-000-00-00');
    const tabs = await c.activeOrderTabs({ merchantUid: UID, tabs: [busiest.tab] });
    expect(tabs).toHaveLength(1);
    expect(tabs[0]?.orders.map((o) => o.code)).toContain(first?.code);
    await expect(c.orderDetails(UID, 'no-such-order')).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(c.orders({ merchantUid: UID, tab: 'NEW', page: 0, size: 50 })).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('reads the archive by days and final statuses, every page of it', async () => {
    const c = await client();
    const archived = sim().orders(UID).filter((o) => o.tab === 'ARCHIVED');
    const codes: string[] = [];
    for (let page = 0; ; page++) {
      const res = await c.orders({ merchantUid: UID, tab: 'ARCHIVED', page, archive: { fromDate: '2000-01-01T00:00:00+05:00', toDate: '2100-01-01T00:00:00+05:00', statuses: ['COMPLETED', 'CANCELLED', 'RETURNED'] } });
      codes.push(...res.orders.map((o) => o.code));
      if ((page + 1) * 10 >= res.total) break;
    }
    expect(codes.sort()).toEqual(archived.map((o) => o.code).sort());
    const one = await c.orders({ merchantUid: UID, tab: 'ARCHIVED', page: 0, archive: { fromDate: '2000-01-01T00:00:00+05:00', toDate: '2000-01-02T00:00:00+05:00', statuses: ['COMPLETED'] } });
    expect(one.total).toBe(0);
  });

  it('reads where an order goes and until when a new one waits for the seller', async () => {
    const c = await client();
    const fresh = sim().createOrder(UID);
    const res = await c.orders({ merchantUid: UID, tab: fresh.tab, page: 0, orderCode: fresh.code });
    expect(res.orders[0]).toMatchObject({ code: fresh.code, cityId: fresh.cityId, pointId: fresh.pickupPointId, acceptDeadline: fresh.acceptBy, entries: [{ masterSku: fresh.entries[0]?.productId, sku: fresh.entries[0]?.merchantSku }] });
  });
});
