import { json, type Ctx } from './http';
import { ORDER_TABS, type OrderTab } from './model';
import type { SimState } from './sim-state';

/**
 * `GET /mc/api/orderTabs/active?count&selectedTabs&startIndex&loadPoints&_m` (kaspi-api.md §7a
 * REST). A JSON array of tab objects, each with `orders[]`; `selectedTabs` may repeat.
 */
export function orderTabsActive(sim: SimState, ctx: Ctx, merchantUid: string): void {
  const q = ctx.query;
  const asked = q.getAll('selectedTabs').flatMap((t) => t.split(',')).filter((t): t is OrderTab => (ORDER_TABS as readonly string[]).includes(t));
  const tabs = asked.length > 0 ? asked : ORDER_TABS.filter((t) => t !== 'ARCHIVED');
  const count = Math.max(1, Number.parseInt(q.get('count') ?? '100', 10) || 100);
  const start = Math.max(0, Number.parseInt(q.get('startIndex') ?? '0', 10) || 0);
  const orders = sim.orders.forMerchant(merchantUid);
  json(ctx.res, 200, tabs.map((tab) => {
    const inTab = orders.filter((o) => o.tab === tab);
    return {
      tab,
      totalCount: inTab.length,
      orders: inTab.slice(start, start + count).map((o) => ({
        id: o.id,
        code: o.code,
        createDate: o.creationDate,
        totalPrice: o.totalPrice,
        status: o.status,
        customerName: `${o.customer.firstName} ${o.customer.lastName}`,
        entries: o.entries.map((e) => ({ masterProductCode: e.productId, merchantProductCode: e.merchantSku, name: e.name, quantity: e.quantity, totalPrice: e.totalPrice })),
      })),
    };
  }));
}
