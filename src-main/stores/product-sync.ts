import type { Database } from 'better-sqlite3';
import type { StoreSummary } from '../../src-shared/domain/store';
import { productsRepo } from '../db/repos/products-repo';
import type { SyncedOffer } from '../db/repos/products-repo';
import { storesRepo } from '../db/repos/stores-repo';
import { readOfferPages, type OfferPagesOptions } from '../kaspi/offer-pages';
import type { CabinetOffer } from '../kaspi/types';
import type { Logger } from '../logging/logger';
import { offerCities } from './offer-cities';
import type { SessionManager } from './session-manager';

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  total: number;
}

/**
 * Every page of the cabinet's own-offer list (kaspi-api.md §6), active and inactive, read as
 * offer-pages.ts reads them (to `total`, paced, retried) and each page saved in its own
 * transaction. The store's points are read first, so every availability maps to its city. Offers
 * the pass did not see are marked removed only when both lists were read to their end: a sync
 * cut short, or one whose list changed while read, never hides products.
 */
export async function syncProducts(deps: {
  db: Database;
  sessions: SessionManager;
  store: StoreSummary;
  now: () => Date;
  logger?: Logger;
  paging?: OfferPagesOptions;
  onProgress(progress: { done: number; total: number; finished: boolean }): void;
}): Promise<SyncResult> {
  const { store } = deps;
  const products = productsRepo(deps.db);
  const startedAt = deps.now().toISOString();
  const before = new Set(products.list({ storeId: store.id, includeRemoved: true, limit: 1_000_000, offset: 0 }).items.map((p) => p.sku));
  const pointCity = await refreshPoints(deps);
  const seen = new Set<string>();
  const totals = { active: 0, inactive: 0 };
  let complete = true;

  for (const active of [true, false]) {
    const result = await readOfferPages(
      (page, size) => deps.sessions.withCabinet(store.accountId, store.id, (cabinet) => cabinet.listOffers({ merchantUid: store.merchantUid, page, size, active })),
      (page) => {
        totals[active ? 'active' : 'inactive'] = page.total ?? 0;
        products.savePage(store.id, page.offers.map((offer) => toSynced(offer, active, pointCity)), startedAt);
        for (const offer of page.offers) seen.add(offer.sku);
        deps.onProgress({ done: seen.size, total: Math.max(seen.size, totals.active + totals.inactive), finished: false });
      },
      // The second list follows the first after the same pause as any two pages.
      { ...deps.paging, pauseFirst: !active },
    );
    complete &&= result.complete;
  }
  let removed = 0;
  if (complete) removed = products.markMissingRemoved(store.id, startedAt);
  else deps.logger?.warn('offer list not read to its end; no product marked removed', { storeId: store.id, seen: seen.size, ...totals });
  deps.onProgress({ done: seen.size, total: seen.size, finished: true });
  const added = [...seen].filter((sku) => !before.has(sku)).length;
  return { added, updated: seen.size - added, removed, total: seen.size };
}

/**
 * The store's points as the cabinet has them now (a point added since the store was connected
 * has a city too); returns point id → city id.
 */
async function refreshPoints(deps: { db: Database; sessions: SessionManager; store: StoreSummary }): Promise<Map<string, string | null>> {
  const { store } = deps;
  const names = new Map(store.cities.map((c) => [c.id, c.name]));
  const points = await deps.sessions.withCabinet(store.accountId, store.id, async (cabinet) => {
    const merchant = await cabinet.merchant(store.merchantUid);
    if (merchant.points.some((p) => p.cityId && !names.has(p.cityId))) {
      for (const c of await cabinet.cities()) if (!names.has(c.id)) names.set(c.id, c.name);
    }
    return merchant.points;
  });
  // A cabinet that answers with no points at all is not believed: the stored ones stay.
  if (points.length === 0) return new Map(store.points.map((p) => [p.id, p.cityId]));
  const cities = [...new Set(points.map((p) => p.cityId).filter((c): c is string => !!c))].map((id) => ({ id, name: names.get(id) ?? id }));
  storesRepo(deps.db).setPoints(store.id, points.map((p) => ({ id: p.storeId, name: p.name, cityId: p.cityId, enabled: p.enabled })), cities);
  return new Map(points.map((p) => [p.storeId, p.cityId]));
}

function toSynced(offer: CabinetOffer, listedActive: boolean, pointCity: ReadonlyMap<string, string | null>): SyncedOffer {
  const { listed, unlisted } = offerCities(offer, pointCity);
  return {
    sku: offer.sku,
    masterSku: offer.masterSku,
    title: offer.title,
    brand: offer.brand,
    category: offer.category,
    imageUrl: offer.imageUrl,
    active: listedActive && offer.active,
    preorderDays: Math.max(0, ...offer.availabilities.map((a) => a.preOrder)),
    cityPrices: listed,
    unlistedPrices: unlisted,
    availabilities: offer.availabilities.map((a) => ({ pointId: a.storeId, available: a.available, preorderDays: a.preOrder, stockCount: a.stockCount })),
  };
}
