import type { Database } from 'better-sqlite3';
import type { StoreSummary } from '../../src-shared/domain/store';
import { productsRepo } from '../db/repos/products-repo';
import type { SyncedOffer } from '../db/repos/products-repo';
import type { CabinetOffer } from '../kaspi/types';
import type { SessionManager } from './session-manager';

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  total: number;
}

const PAGE_SIZE = 100;

/**
 * Every page of the cabinet's own-offer list (kaspi-api.md §6), active and inactive, each page in
 * its own transaction. Offers the finished pass did not see are marked removed — only after every
 * page arrived, so a sync cut short by a network error never hides products.
 */
export async function syncProducts(deps: {
  db: Database;
  sessions: SessionManager;
  store: StoreSummary;
  now: () => Date;
  onProgress(progress: { done: number; total: number; finished: boolean }): void;
}): Promise<SyncResult> {
  const { store } = deps;
  const products = productsRepo(deps.db);
  const startedAt = deps.now().toISOString();
  const before = new Set(products.list({ storeId: store.id, includeRemoved: true, limit: 1_000_000, offset: 0 }).items.map((p) => p.sku));
  let added = 0;
  let seen = 0;
  const totals = { active: 0, inactive: 0 };

  for (const active of [true, false]) {
    for (let page = 0; ; page++) {
      const result = await deps.sessions.withCabinet(store.accountId, store.id, (cabinet) =>
        cabinet.listOffers({ merchantUid: store.merchantUid, page, size: PAGE_SIZE, active }),
      );
      totals[active ? 'active' : 'inactive'] = result.total;
      const offers = result.offers.map((offer) => toSynced(offer, active, store.cities.map((c) => c.id)));
      products.savePage(store.id, offers, startedAt);
      added += offers.filter((o) => !before.has(o.sku)).length;
      seen += offers.length;
      deps.onProgress({ done: seen, total: Math.max(seen, totals.active + totals.inactive), finished: false });
      if (result.offers.length + result.skipped < PAGE_SIZE) break;
    }
  }
  const removed = products.markMissingRemoved(store.id, startedAt);
  deps.onProgress({ done: seen, total: seen, finished: true });
  return { added, updated: seen - added, removed, total: seen };
}

/** An offer with one price for all cities (no allCityPrices) gets it in each city the store sells in. */
function toSynced(offer: CabinetOffer, listedActive: boolean, storeCities: string[]): SyncedOffer {
  const single = offer.price;
  const cityPrices = offer.cityPrices.length > 0 || single === null ? offer.cityPrices : storeCities.map((cityId) => ({ cityId, price: single }));
  const clampDays = (days: number) => Math.min(30, Math.max(0, Math.trunc(days)));
  return {
    sku: offer.sku,
    masterSku: offer.masterSku,
    title: offer.title,
    brand: offer.brand,
    category: offer.category,
    imageUrl: offer.imageUrl,
    active: listedActive && offer.active,
    preorderDays: clampDays(Math.max(0, ...offer.availabilities.map((a) => a.preOrder))),
    cityPrices,
    availabilities: offer.availabilities.map((a) => ({ pointId: a.storeId, available: a.available, preorderDays: clampDays(a.preOrder), stockCount: a.stockCount })),
  };
}
