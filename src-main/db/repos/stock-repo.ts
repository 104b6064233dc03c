import type { Database } from 'better-sqlite3';

/** What an offer has to sell, as the pricing decision reads it (src-shared/pricing StockInput, per city). */
export interface OfferStock {
  /** Units on sale at every point together; null when a point on sale keeps no stock figure. */
  units: number | null;
  /** Cities where every point of the offer on sale has pre-order days. */
  preOrderCities: string[];
}

/** Stock and pre-order days per point (product_availabilities, as synced or as the seller last set them). */
export function stockRepo(db: Database) {
  const points = db.prepare<[number, number, number], { product_id: number; stock_count: number | null; preorder_days: number; city_id: string | null }>(
    `SELECT a.product_id, a.stock_count, a.preorder_days, sp.city_id
       FROM product_availabilities a
       -- CROSS JOIN keeps this order: the id range is searched in the availabilities' key, not the whole store scanned for each page.
       CROSS JOIN products p ON p.id = a.product_id
       LEFT JOIN store_points sp ON sp.store_id = p.store_id AND sp.point_id = a.point_id
      WHERE p.store_id = ? AND a.product_id BETWEEN ? AND ? AND a.available = 1`,
  );
  return {
    /** Per product of the store with some point on sale; only products with ids in [fromId, toId] when given (a page of the catalogue). */
    forStore(storeId: number, fromId = 0, toId = Number.MAX_SAFE_INTEGER): Map<number, OfferStock> {
      const acc = new Map<number, { units: number | null; cities: Map<string, boolean> }>();
      for (const r of points.all(storeId, fromId, toId)) {
        let a = acc.get(r.product_id);
        if (!a) acc.set(r.product_id, (a = { units: 0, cities: new Map() }));
        a.units = a.units === null || r.stock_count === null ? null : a.units + r.stock_count;
        if (r.city_id) a.cities.set(r.city_id, (a.cities.get(r.city_id) ?? true) && r.preorder_days > 0);
      }
      const out = new Map<number, OfferStock>();
      for (const [id, a] of acc) out.set(id, { units: a.units, preOrderCities: [...a.cities].filter(([, pre]) => pre).map(([c]) => c) });
      return out;
    },
  };
}
