import type { App } from '../../src-main/app/create-app';
import { snapshotsRepo, summarise } from '../../src-main/db/repos/snapshots-repo';
import type { Offer } from '../../src-shared/domain/offer';
import type { KaspiSim } from '../sim/kaspi';

type PastPlace = ReturnType<KaspiSim['pastPlaces']>[number];
type Seller = { merchantId: string; merchantName: string; price: number };

const offerOf = (s: Seller): Offer => ({ merchantId: s.merchantId, merchantName: s.merchantName, price: s.price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null });

/**
 * The rivals' prices in one past place, consistent with it and moving as little as it allows:
 * each seller keeps its price from the place before (at first, its price on the storefront now)
 * unless the place needs it elsewhere. As many sellers as our place says sit under our price, the
 * cheapest of them at the place's best rival price; the others above it, the cheapest at the best
 * rival price when we were first. Where fewer sellers are on the storefront than our place needs,
 * all sit under us.
 */
export function pastRivals(place: PastPlace, before: readonly Seller[]): Seller[] {
  const ours = place.ourPrice;
  const gap = Math.max(1, place.position === 1 ? place.bestRivalPrice - ours : Math.round((ours - place.bestRivalPrice) / (place.position - 1)));
  const rivals = before.map((r) => ({ ...r })).sort((a, b) => a.price - b.price || a.merchantId.localeCompare(b.merchantId));
  const need = Math.min(place.position - 1, rivals.length);
  // The `need` cheapest go (or stay) under us, in [best, ours); the rest above us.
  rivals.forEach((r, k) => {
    if (k < need) r.price = r.price >= place.bestRivalPrice && r.price < ours ? r.price : Math.max(place.bestRivalPrice, ours - gap);
    else if (r.price <= ours || (place.position === 1 && r.price < place.bestRivalPrice)) r.price = place.position === 1 ? place.bestRivalPrice : ours + gap;
  });
  if (rivals.length > 0) rivals.reduce((a, b) => (b.price < a.price ? b : a)).price = place.bestRivalPrice;
  return rivals;
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
  const lastPrices = new Map<string, Seller[]>();
  const rivalsOf = (masterSku: string, cityId: string): Seller[] => {
    const key = `${masterSku}|${cityId}`;
    let list = lastPrices.get(key);
    if (!list) {
      list = sim.offers(masterSku, cityId).filter((o) => o.merchantId !== merchantUid).map(({ merchantId, merchantName, price }) => ({ merchantId, merchantName, price }));
      list.sort((a, b) => a.price - b.price || a.merchantId.localeCompare(b.merchantId));
      lastPrices.set(key, list);
    }
    return list;
  };
  app.db.transaction(() => {
    for (const place of places) {
      const productId = ids.get(place.productId);
      if (productId === undefined) continue;
      const key = `${place.productId}|${place.cityId}`;
      const rivals = pastRivals(place, rivalsOf(place.productId, place.cityId));
      lastPrices.set(key, rivals);
      const best = rivals.find((r) => r.price === place.bestRivalPrice);
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
