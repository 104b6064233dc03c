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
  /** The cheapest rival's shop name, as the storefront shows it. */
  bestRivalName: string | null;
  /** Offers of other merchants than the seller's own stores. */
  rivalsCount: number;
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

/** A row of `offer_latest` with its history row's offers. */
interface LatestRow extends Row {
  best_rival_name: string | null;
  rivals_count: number;
}

const toSnapshot = (r: Row): Omit<Snapshot, 'bestRivalName' | 'rivalsCount'> => ({
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
  const rivals = sorted.filter((o) => !ownMerchantIds.includes(o.merchantId));
  const rival = rivals[0] ?? null;
  return {
    productId,
    cityId,
    takenAt,
    ourPrice: ownIndex >= 0 ? sorted[ownIndex]!.price : null,
    ourPosition: ownIndex >= 0 ? ownIndex + 1 : null,
    bestRivalPrice: rival?.price ?? null,
    bestRivalMerchantId: rival?.merchantId ?? null,
    bestRivalName: rival?.merchantName ?? null,
    rivalsCount: rivals.length,
    offers: sorted,
  };
}

/**
 * The market as the bot saw it. A new history row is written only when our price, our place or
 * the best rival changed since the last one, so a calm catalogue does not fill the disk while the
 * price history chart still has every step; `offer_latest` points at each offer's newest row, so
 * the latest market is read, never searched for in the history.
 */
export function snapshotsRepo(db: Database) {
  const last = db.prepare<[number, string], Pick<LatestRow, 'our_price' | 'our_position' | 'best_rival_price' | 'best_rival_merchant_id'>>(
    'SELECT our_price, our_position, best_rival_price, best_rival_merchant_id FROM offer_latest WHERE product_id = ? AND city_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json)
     VALUES (@productId, @cityId, @takenAt, @ourPrice, @ourPosition, @bestRivalPrice, @bestRivalMerchantId, @offers)`,
  );
  const setLatest = db.prepare(
    `INSERT INTO offer_latest (product_id, city_id, snapshot_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, best_rival_name, rivals_count)
     VALUES (@productId, @cityId, @snapshotId, @takenAt, @ourPrice, @ourPosition, @bestRivalPrice, @bestRivalMerchantId, @bestRivalName, @rivalsCount)
     ON CONFLICT (product_id, city_id) DO UPDATE SET snapshot_id = excluded.snapshot_id, taken_at = excluded.taken_at, our_price = excluded.our_price,
       our_position = excluded.our_position, best_rival_price = excluded.best_rival_price, best_rival_merchant_id = excluded.best_rival_merchant_id,
       best_rival_name = excluded.best_rival_name, rivals_count = excluded.rivals_count`,
  );
  const latestOf = db.prepare<[number], LatestRow>(
    `SELECT s.*, l.best_rival_name, l.rivals_count FROM offer_latest l JOIN offer_snapshots s ON s.id = l.snapshot_id
      WHERE l.product_id = ? ORDER BY l.city_id`,
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
      const snapshotId = insert.run({ ...snapshot, offers: JSON.stringify(snapshot.offers) }).lastInsertRowid;
      setLatest.run({ ...snapshot, snapshotId });
      return true;
    },
    /** The newest look at the storefront per city of a product, offers sorted by price. */
    latestOf(productId: number): Snapshot[] {
      return latestOf.all(productId).map((r) => ({ ...toSnapshot(r), bestRivalName: r.best_rival_name, rivalsCount: r.rivals_count }));
    },
    history(productId: number, since: string): Array<Omit<Snapshot, 'bestRivalName' | 'rivalsCount'>> {
      return history.all(productId, since).map(toSnapshot);
    },
  };
}
