import type { Reason } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import type { PricingRules } from '../../src-shared/domain/rules';
import type { KillSwitchVerdict, PairMemory } from '../../src-shared/pricing';

/** The engine's time: main's one clock (src-main/time/clock.ts), a virtual one in tests. */
export type { Clock } from '../time/clock';

/**
 * Errors the adapters throw: the one Kaspi error classification (src-shared/domain/kaspi-error.ts).
 * The engine reacts to: ip-banned / method-blocked (that IP cools down), account-blocked (that
 * account waits out its block), session-expired (one re-login, then the store waits for the user),
 * timeout / network (a push may have landed: read back before deciding again), anything else
 * (server, not-json, bad-request...) backs off.
 */
export { KaspiError, isKaspiError } from '../../src-shared/domain/kaspi-error';
export type { KaspiErrorKind } from '../../src-shared/domain/kaspi-error';

export interface OfferQuery {
  /** Whose check this is: a proxy pool may keep lanes per store. */
  storeId: number;
  productId: number;
  /** The public catalogue id offer-view takes (kaspi-api.md §0). */
  masterSku: string;
  cityId: string;
}

/**
 * Competitor offers (public storefront). The engine keeps the per-IP budget per lane: expose one
 * lane per exit IP, or, over a proxy pool that budgets and rotates IPs itself, a single lane with
 * `offersPerSecondPerLane` set to the pool's total rate.
 */
export interface OfferSource {
  lanes(): readonly string[];
  fetchOffers(query: OfferQuery, lane: string): Promise<Offer[]>;
  /**
   * Only a replay of recorded markets knows this (the backtest): the offers of `query` stay as they
   * are until this time. The engine then skips the looks that would see nothing new (quiet-looks.ts).
   */
  quietUntil?(query: OfferQuery, now: number): number;
}

export interface PushRequest {
  storeId: number;
  merchantId: string;
  productId: number;
  sku: string;
  cityPrices: readonly { cityId: string; price: number }[];
}

/** The cabinet price push; returns Kaspi's async job id. The per-account budget is kept by the engine. */
export interface PricePusher {
  push(request: PushRequest): Promise<{ jobId: string }>;
}

/** Renews a store's cabinet session; throws when it cannot (the user must log in again). */
export interface SessionKeeper {
  relogin(storeId: number): Promise<void>;
}

export interface StoreInfo {
  storeId: number;
  /** Our merchant uid: finds our own offer in the offer list and names the push budget. */
  merchantId: string;
  name: string;
}

export interface ProductInfo {
  storeId: number;
  productId: number;
  masterSku: string;
  sku: string;
  rules: PricingRules;
  /** Cities the offer is listed in; rules.cities narrows them when not empty. */
  cities: readonly string[];
  /** Stock on sale and where it is sold on pre-order (issue #16); absent: priced on the market alone. */
  stock?: { units: number | null; preOrderCities: readonly string[] };
}

/** Stores and their repriced products; every store's merchant id counts as "own" for every other. */
export interface ProductSource {
  stores(): Promise<StoreInfo[]>;
  products(storeId: number): Promise<ProductInfo[]>;
  /** The repriced products among these ids (the others are not repriced now); lets an edit reload only what it touched. */
  productsByIds?(productIds: readonly number[]): Promise<ProductInfo[]>;
}

/** design.md §5: a row is planned before the push and completed in the same row after it. */
export const JOURNAL_STATUSES = ['planned', 'pushed', 'failed', 'verified', 'mismatch', 'dry_run'] as const;
export type JournalStatus = (typeof JOURNAL_STATUSES)[number];

export interface JournalPlan {
  storeId: number;
  productId: number;
  cityId: string;
  oldPrice: number | null;
  newPrice: number;
  reason: Reason;
  dryRun: boolean;
  at: number;
}

export interface JournalEntry extends Omit<JournalPlan, 'dryRun' | 'at'> {
  id: number;
  status: JournalStatus;
  jobId: string | null;
  error: string | null;
  createdAt: number;
  pushedAt: number | null;
  verifiedAt: number | null;
}

export interface JournalStore {
  /** Writes the row (status planned, or dry_run) and returns its id; must be durable before it returns. */
  plan(entry: JournalPlan): Promise<number>;
  markPushed(id: number, jobId: string, at: number): Promise<void>;
  markFailed(id: number, error: string, at: number): Promise<void>;
  /** Kaspi shows the new price. Also valid from planned: a push whose answer was lost. */
  markVerified(id: number, at: number): Promise<void>;
  /** Pushed, but Kaspi still shows another price after every read-back. */
  markMismatch(id: number, observedPrice: number | null, at: number): Promise<void>;
  /** Rows still planned or pushed: a restart reads them back before deciding again. */
  listUnfinished(): Promise<JournalEntry[]>;
  /** Pushes since a moment, to restore cooldowns and daily caps after a restart. */
  changesSince(since: number): Promise<{ productId: number; cityId: string; at: number }[]>;
}

/** A kill-switch stop as kept: the verdict and when it tripped. */
export type KillSwitchStop = KillSwitchVerdict & { at: number };

export interface PairMemoryRow {
  productId: number;
  cityId: string;
  memory: PairMemory;
}

/**
 * What the engine learns and must not forget across a restart: each (product, city)'s market memory
 * (rival floors, price-war scores, hold times), each merchant account's 429 block, each store's
 * kill-switch stop. Writes may be batched; `load` is called once at start.
 */
export interface EngineMemoryStore {
  load(): Promise<{ pairs: PairMemoryRow[]; blocks: { merchantId: string; until: number }[]; stops: { storeId: number; stop: KillSwitchStop }[] }>;
  savePairs(rows: readonly PairMemoryRow[]): Promise<void>;
  saveBlock(merchantId: string, until: number): Promise<void>;
  saveStop(storeId: number, stop: KillSwitchStop | null): Promise<void>;
}
