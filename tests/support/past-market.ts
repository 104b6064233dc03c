import type { App } from '../../src-main/app/create-app';
import { snapshotsRepo, summarise } from '../../src-main/db/repos/snapshots-repo';
import type { KaspiSim } from '../sim/kaspi';

/**
 * Writes what a bot watching the simulator's past days would have recorded: one offer snapshot
 * per change of our place, from the places the simulator drew its order history from, and then
 * its first look at the live storefront, which closes the past. For the demo (a few days of
 * history on first open) and for tests of the analytics; the app itself only ever records
 * snapshots of what it saw.
 */
export function importPastMarket(app: App, sim: KaspiSim, storeId: number, merchantUid: string, sinceMs: number): number {
  const ids = new Map((app.db.prepare('SELECT id, master_sku FROM products WHERE store_id = ?').all(storeId) as { id: number; master_sku: string | null }[]).map((p) => [p.master_sku, p.id]));
  const snapshots = snapshotsRepo(app.db);
  let written = 0;
  const places = sim.pastPlaces(merchantUid, sinceMs).sort((a, b) => a.from - b.from);
  app.db.transaction(() => {
    for (const place of places) {
      const productId = ids.get(place.productId);
      if (productId === undefined) continue;
      const wrote = snapshots.record({
        productId, cityId: place.cityId, takenAt: new Date(place.from).toISOString(), ourPrice: place.ourPrice, ourPosition: place.position,
        bestRivalPrice: place.bestRivalPrice, bestRivalMerchantId: 'past', bestRivalName: null, rivalsCount: 1, offers: [],
      });
      if (wrote) written++;
    }
    const now = new Date().toISOString();
    for (const key of new Set(places.map((p) => `${p.productId}|${p.cityId}`))) {
      const [masterSku, cityId] = key.split('|') as [string, string];
      const productId = ids.get(masterSku);
      if (productId === undefined) continue;
      const offers = sim.offers(masterSku, cityId).map((o) => ({ merchantId: o.merchantId, merchantName: o.merchantName, price: o.price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null }));
      if (snapshots.record(summarise(productId, cityId, offers, [merchantUid], now))) written++;
    }
  })();
  return written;
}
