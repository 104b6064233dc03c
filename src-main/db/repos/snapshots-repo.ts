import type { Database } from 'better-sqlite3';
import type { Offer } from '../../../src-shared/domain/offer';

export interface Snapshot {
  productId: number;
  cityId: string;
  takenAt: string;
  ourPrice: number | null;
  /** 1-based place among all offers by price; null when we are not listed. */
  ourPosition: number | null;
  bestRivalPrice: number | null;
  bestRivalMerchantId: string | null;
  offers: Offer[];
}

interface Row {
  product_id: number;
  city_id: string;
  taken_at: string;
  our_price: number | null;
  our_position: number | null;
  best_rival_price: number | null;
  best_rival_merchant_id: string | null;
  offers_json: string;
}

const toSnapshot = (r: Row): Snapshot => ({
  productId: r.product_id,
  cityId: r.city_id,
  takenAt: r.taken_at,
  ourPrice: r.our_price,
  ourPosition: r.our_position,
  bestRivalPrice: r.best_rival_price,
  bestRivalMerchantId: r.best_rival_merchant_id,
  offers: JSON.parse(r.offers_json) as Offer[],
});

/** What one look at the storefront showed for a product in a city, in our terms. */
export function summarise(productId: number, cityId: string, offers: readonly Offer[], ownMerchantIds: readonly string[], takenAt: string): Snapshot {
  const sorted = [...offers].sort((a, b) => a.price - b.price);
  const ownIndex = sorted.findIndex((o) => ownMerchantIds.includes(o.merchantId));
  const rival = sorted.find((o) => !ownMerchantIds.includes(o.merchantId)) ?? null;
  return {
    productId,
    cityId,
    takenAt,
    ourPrice: ownIndex >= 0 ? sorted[ownIndex]!.price : null,
    ourPosition: ownIndex >= 0 ? ownIndex + 1 : null,
    bestRivalPrice: rival?.price ?? null,
    bestRivalMerchantId: rival?.merchantId ?? null,
    offers: sorted,
  };
}

/**
 * The market as the bot saw it. A new row is written only when our price, our place or the best
 * rival changed since the last one, so a calm catalogue does not fill the disk while the price
 * history chart still has every step.
 */
export function snapshotsRepo(db: Database) {
  const last = db.prepare<[number, string], Row>('SELECT * FROM offer_snapshots WHERE product_id = ? AND city_id = ? ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json)
     VALUES (@productId, @cityId, @takenAt, @ourPrice, @ourPosition, @bestRivalPrice, @bestRivalMerchantId, @offers)`,
  );
  const latest = db.prepare<[], Row>(
    'SELECT s.* FROM offer_snapshots s JOIN (SELECT max(id) AS id FROM offer_snapshots GROUP BY product_id, city_id) m ON m.id = s.id',
  );
  const latestOfProduct = db.prepare<[number], Row>(
    'SELECT s.* FROM offer_snapshots s JOIN (SELECT max(id) AS id FROM offer_snapshots WHERE product_id = ? GROUP BY city_id) m ON m.id = s.id ORDER BY s.city_id',
  );
  const history = db.prepare<[number, string], Row>('SELECT * FROM offer_snapshots WHERE product_id = ? AND taken_at >= ? ORDER BY id');

  return {
    /** Returns whether a row was written. */
    record(snapshot: Snapshot): boolean {
      const prev = last.get(snapshot.productId, snapshot.cityId);
      const same =
        prev &&
        prev.our_price === snapshot.ourPrice &&
        prev.our_position === snapshot.ourPosition &&
        prev.best_rival_price === snapshot.bestRivalPrice &&
        prev.best_rival_merchant_id === snapshot.bestRivalMerchantId;
      if (same) return false;
      insert.run({ ...snapshot, offers: JSON.stringify(snapshot.offers) });
      return true;
    },
    latestAll(): Snapshot[] {
      return latest.all().map(toSnapshot);
    },
    /** A product's latest snapshot in each city it was seen in. */
    latestOf(productId: number): Snapshot[] {
      return latestOfProduct.all(productId).map(toSnapshot);
    },
    history(productId: number, since: string): Snapshot[] {
      return history.all(productId, since).map(toSnapshot);
    },
  };
}
