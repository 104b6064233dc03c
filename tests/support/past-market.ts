import type { App } from '../../src-main/app/create-app';
import { snapshotsRepo, summarise } from '../../src-main/db/repos/snapshots-repo';
import type { Offer } from '../../src-shared/domain/offer';
import type { KaspiSim } from '../sim/kaspi';

type PastPlace = ReturnType<KaspiSim['pastPlaces']>[number];
type Seller = { merchantId: string; merchantName: string; price: number };

const offerOf = (s: Seller): Offer => ({ merchantId: s.merchantId, merchantName: s.merchantName, price: s.price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null });

/**
 * The rivals' prices in one past place, consistent with it: the sellers on the storefront now
 * (cheapest first) in the same order; as many as our place says sit under us, the cheapest at
 * the place's best rival price and each next one a price gap up; the others above us, the first
 * of them a gap over our price (at the best rival price when we were first), never under their
 * price now. Where fewer sellers are on the storefront than our place needs, all sit under us.
 */
export function pastRivals(place: PastPlace, rivals: readonly Seller[]): Seller[] {
  const gap = Math.max(1, place.position === 1 ? place.bestRivalPrice - place.ourPrice : Math.round((place.ourPrice - place.bestRivalPrice) / (place.position - 1)));
  const under = Math.min(place.position - 1, rivals.length);
  return rivals.map((r, k) => {
    if (k < under) return { ...r, price: place.bestRivalPrice + gap * k };
    const above = place.position === 1 ? place.bestRivalPrice + gap * k : place.ourPrice + gap * (k - under + 1);
    return { ...r, price: k === under && place.position === 1 ? place.bestRivalPrice : Math.max(r.price, above) };
  });
}

/**
 * Writes what a bot watching the simulator's past days would have recorded: one offer snapshot
 * per change of our place, from the places the simulator drew its order history from, with the
 * rivals on the storefront now priced around us as each place says (pastRivals), and then its
 * first look at the live storefront, which closes the past. For the demo (a few days of history
 * on first open: rivals, their floors, insights) and for tests of the analytics and insights; the
 * app itself only ever records snapshots of what it saw.
 */
export function importPastMarket(app: App, sim: KaspiSim, storeId: number, merchantUid: string, sinceMs: number): number {
  const ids = new Map((app.db.prepare('SELECT id, master_sku FROM products WHERE store_id = ?').all(storeId) as { id: number; master_sku: string | null }[]).map((p) => [p.master_sku, p.id]));
  const snapshots = snapshotsRepo(app.db);
  let written = 0;
  const places = sim.pastPlaces(merchantUid, sinceMs).sort((a, b) => a.from - b.from);
  const rivalsNow = new Map<string, Seller[]>();
  const rivalsOf = (masterSku: string, cityId: string): Seller[] => {
    const key = `${masterSku}|${cityId}`;
    let list = rivalsNow.get(key);
    if (!list) {
      list = sim.offers(masterSku, cityId).filter((o) => o.merchantId !== merchantUid).map(({ merchantId, merchantName, price }) => ({ merchantId, merchantName, price }));
      list.sort((a, b) => a.price - b.price || a.merchantId.localeCompare(b.merchantId));
      rivalsNow.set(key, list);
    }
    return list;
  };
  app.db.transaction(() => {
    for (const place of places) {
      const productId = ids.get(place.productId);
      if (productId === undefined) continue;
      const rivals = pastRivals(place, rivalsOf(place.productId, place.cityId));
      const best = rivals[0];
      // Our place and the best rival are the simulator's (its orders were drawn from them); the offers are the sellers around us.
      const wrote = snapshots.record({
        productId, cityId: place.cityId, takenAt: new Date(place.from).toISOString(), ourPrice: place.ourPrice, ourPosition: place.position,
        bestRivalPrice: place.bestRivalPrice, bestRivalMerchantId: best?.merchantId ?? 'past', bestRivalName: best?.merchantName ?? null, rivalsCount: rivals.length,
        offers: [{ merchantId: merchantUid, merchantName: '', price: place.ourPrice }, ...rivals].map(offerOf).sort((a, b) => a.price - b.price),
      });
      if (wrote) written++;
    }
    const now = new Date().toISOString();
    for (const key of new Set(places.map((p) => `${p.productId}|${p.cityId}`))) {
      const [masterSku, cityId] = key.split('|') as [string, string];
      const productId = ids.get(masterSku);
      if (productId === undefined) continue;
      const offers = sim.offers(masterSku, cityId).map(offerOf);
      if (snapshots.record(summarise(productId, cityId, offers, [merchantUid], now))) written++;
    }
  })();
  return written;
}
