import type { Database } from 'better-sqlite3';
import { isKaspiError, KaspiError } from '../../src-shared/domain/kaspi-error';
import { offerStateRepo, type OfferState } from '../db/repos/offer-state-repo';
import { buildPushBody, storeId, type PointAvailability, type PushPriceInput } from '../kaspi/push-body';
import type { SessionManager } from './session-manager';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import { logText } from '../logging/log-text';

/**
 * One change to one offer, sent the way the live captures send it (kaspi-api.md §5): the offer's
 * every point of sale as synced (or as the seller last set them) with only the request's points
 * replaced, and the city prices being changed, all of a product's cities in one push. Kaspi reads
 * the availabilities as the whole set, so a price change never moves stock or pre-orders as a
 * side effect; a change of points alone (pre-orders, stock: issue 16) carries the prices the offer
 * holds, unchanged, as INV's live stock update does. Each body is written to `offer_pushes`
 * before the call and completed after it.
 */
export interface OfferChangeRequest {
  productId: number;
  /** New prices for some of the offer's cities, in one push; cities left out keep theirs. */
  cityPrices?: readonly { cityId: string; price: number }[];
  /** New state for some of the offer's points, by store id; the others keep theirs. */
  availabilities?: readonly PointAvailability[];
}

export interface OfferPusher {
  push(request: OfferChangeRequest): Promise<{ jobId: string }>;
}

const refused = (reason: Message): KaspiError => new KaspiError('bad-request', msg('push.change_not_sent', { reason }));

/**
 * Bodies older than this are dropped: at Kaspi's 250 changes per 30 minutes a store sends at most
 * ~12,000 a day (a few MB); the price journal keeps the why of every change for longer.
 */
export const PUSH_LOG_DAYS = 30;
const DAY_MS = 86_400_000;

/** Outcomes after which the push may have landed: the answer, not the change, was lost. */
const MAYBE_LANDED = ['timeout', 'network', 'server'] as const;

export function createOfferPusher(deps: { db: Database; sessions: SessionManager; now?: () => Date }): OfferPusher {
  const repo = offerStateRepo(deps.db);
  const now = (): Date => deps.now?.() ?? new Date();
  const at = (): string => now().toISOString();
  let prunedDay = -1;
  const pruneDaily = (): void => {
    const day = Math.floor(now().getTime() / DAY_MS);
    if (day === prunedDay) return;
    prunedDay = day;
    repo.pruneBefore(new Date(now().getTime() - PUSH_LOG_DAYS * DAY_MS).toISOString());
  };

  return {
    async push(request) {
      const state = repo.state(request.productId);
      if (!state) throw refused(msg('push.product_removed'));
      const lastSent = request.cityPrices?.length ? [] : (repo.lastSentSince(state.productId, state.syncedAt)?.body.cityPrices ?? []);
      const input = offerInput(state, lastSent, request);
      const body = buildPushBody(input);
      pruneDaily();
      const id = repo.recordSending({ storeId: state.storeId, productId: state.productId, sku: state.sku, body, at: at() });
      try {
        // No automatic re-login here: the engine calls its session keeper once and retries itself.
        const { jobId } = await deps.sessions.client(state.accountId, state.storeId).pushPrice(input);
        repo.answered(id, { status: 'accepted', jobId, at: at() });
        if (request.availabilities?.length) repo.setAvailabilities(state.productId, input.availabilities);
        return { jobId };
      } catch (error) {
        const maybe = MAYBE_LANDED.some((kind) => isKaspiError(error, kind));
        repo.answered(id, { status: maybe ? 'unknown' : 'refused', error: logText(error), at: at() });
        if (maybe && request.availabilities?.length) repo.setAvailabilities(state.productId, input.availabilities);
        throw error;
      }
    },
  };
}

/**
 * The body to send: the stored points with the request's ones replaced, and the request's city
 * prices, or (a change of points alone) every price the offer holds, listed or not, as last sent
 * since the sync when that is newer (a push Kaspi has not applied yet must not be undone).
 */
export function offerInput(state: OfferState, lastSent: readonly { cityId: string; value: number }[], request: OfferChangeRequest): PushPriceInput {
  const cities = new Set(state.storeCities);
  for (const p of request.cityPrices ?? []) if (!cities.has(p.cityId)) throw refused(msg('push.city_without_point', { cityId: p.cityId }));
  const points = new Map(state.availabilities.map((a) => [a.storeId, a]));
  for (const a of request.availabilities ?? []) points.set(storeId(state.merchantUid, a.storeId), { ...a, storeId: storeId(state.merchantUid, a.storeId) });
  return {
    merchantUid: state.merchantUid,
    sku: state.sku,
    model: state.title,
    cityPrices: request.cityPrices?.length ? request.cityPrices : heldPrices(state, lastSent),
    availabilities: [...points.values()],
  };
}

function heldPrices(state: OfferState, lastSent: readonly { cityId: string; value: number }[]): { cityId: string; price: number }[] {
  const prices = new Map<string, number>();
  for (const p of [...state.unlistedPrices, ...state.listedPrices]) prices.set(p.cityId, p.price);
  for (const p of lastSent) if (prices.has(p.cityId)) prices.set(p.cityId, p.value);
  // Only cities with a point of the store: Kaspi refuses a price where the merchant sells nothing.
  const cities = new Set(state.storeCities);
  return [...prices].filter(([cityId]) => cities.has(cityId)).map(([cityId, price]) => ({ cityId, price }));
}
