import type { Offer } from '../../src-shared/domain/offer';
import type { PricingRules, StoreRuleDefaults } from '../../src-shared/domain/rules';
import type { StoreInfo } from '../demper/ports';
import type { StoredOverrides } from '../rules/resolve';

/**
 * What the app recorded of a period, everything a backtest needs and nothing it must ask the
 * database for again: read by the backtest repository (in the worker), replayed by run-backtest.ts.
 */
export interface RecordedPeriod {
  fromMs: number;
  toMs: number;
  /** Every store of the app: each one's merchant id is "own" for the others, as live. */
  stores: StoreInfo[];
  products: RecordedProduct[];
  listings: RecordedListing[];
  /** How each rival answered our moves per (product, city), as the demper learnt it: `${productId}:${cityId}` → merchant id → reaction. */
  reactions: Record<string, Record<string, RivalReaction>>;
  /** What live did: every price change it sent to Kaspi in the period. */
  pushes: RecordedPush[];
  /** Decisions live journaled in dry run (it pushed nothing). */
  dryRunDecisions: number;
}

export interface RecordedProduct {
  storeId: number;
  productId: number;
  masterSku: string;
  sku: string;
  title: string;
  storeDefaults: StoreRuleDefaults;
  overrides: StoredOverrides;
  /** The rules live runs with now; null when they do not resolve (no floor). */
  liveRules: PricingRules | null;
  /** Cities the offer is listed in, in the order the demper reads them. */
  cities: string[];
}

/** One (product, city): the market as the bot saw it, each row a look where something changed. */
export interface RecordedListing {
  productId: number;
  cityId: string;
  /** Ascending by time; the first row may be older than the period (the market when it began). */
  rows: RecordedRow[];
}

export interface RecordedRow {
  at: number;
  /** Cheapest first, ours included when listed. */
  offers: Offer[];
}

/** A rival that answers our moves, as the demper learnt it here. */
export interface RivalReaction {
  /** How long it takes to answer a move. */
  answerMs: number;
  /** The lowest price it goes to (its floor when sure, else the lowest it has held). */
  floor: number;
  /** How far under the cheapest other offer it goes. */
  step: number;
}

export interface RecordedPush {
  productId: number;
  cityId: string;
  price: number;
  /** When live decided it (the journal row), and when Kaspi answered the push (null: never answered). */
  plannedAt: number;
  answeredAt: number | null;
}

export const listingKey = (productId: number, cityId: string): string => `${productId}:${cityId}`;
