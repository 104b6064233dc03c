import { z } from 'zod';
import { call } from './define';
import { isoDay } from './orders';
import { UNSETTABLE_RULES } from './products';
import type { ProductRuleOverrides } from '../domain/rules';
import { message, messageCode } from '../i18n/message';

const id = z.number().int().positive();

/** Which products a backtest replays: a store's, a selection, or every product with the bot on. */
export const backtestScope = z.object({
  storeId: id.optional(),
  productIds: z.array(id).min(1).max(20_000).optional(),
});
export type BacktestScope = z.infer<typeof backtestScope>;

/** A rule set to test: fields set on top of each product's rules, fields handed back to the store defaults (as rules.update takes them). */
export const backtestRules = z.object({
  set: z.custom<Partial<ProductRuleOverrides>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), messageCode('rules.object_expected')).default({}),
  unset: z.array(z.enum(UNSETTABLE_RULES)).default([]),
});
export type BacktestRules = z.infer<typeof backtestRules>;

/** One side of the comparison over the period: what live did, or what the tested rules would have. */
export const backtestSide = z.object({
  /** Share of the listed time our offers were cheaper than every rival (0..1); null when never listed. */
  firstShare: z.number().nullable(),
  /** Prices sent to Kaspi. */
  changes: z.number().int(),
  pushesPerDay: z.number(),
  /** The lowest price any product reached. */
  lowestPrice: z.number().int().nullable(),
  /** Average margin above the seller's current floor while first (₸); null when never first or no floor. */
  marginWhileFirst: z.number().int().nullable(),
  /** The same over all the listed time, counting 0 when not first (₸): margin kept. */
  marginKept: z.number().int().nullable(),
  /** Minutes an account spent blocked by Kaspi for too many changes. */
  blockedMinutes: z.number(),
});
export type BacktestSide = z.infer<typeof backtestSide>;

const rowSide = backtestSide.pick({ firstShare: true, changes: true, lowestPrice: true, marginKept: true });
export const backtestProductRow = z.object({ productId: id, sku: z.string(), title: z.string(), live: rowSide, backtest: rowSide });
export type BacktestProductRow = z.infer<typeof backtestProductRow>;

export const backtestResult = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  products: z.number().int(),
  pairs: z.number().int(),
  /** Products of the scope with no recorded market in the period (nothing to replay). */
  noData: z.number().int(),
  /** Products whose tested rules do not resolve (no floor, a ceiling under the floor...). */
  invalid: z.array(z.object({ productId: id, sku: z.string(), problem: message })),
  live: backtestSide,
  backtest: backtestSide,
  /** Live was in dry run: it decided and journaled, and pushed nothing. */
  liveDryRunDecisions: z.number().int(),
  /** The tested rules never went under their floor: always 0, shown as proof. */
  floorViolations: z.number().int(),
  rows: z.array(backtestProductRow),
  /** Offer reads the replay made, and the wall time it took. */
  looks: z.number().int(),
  wallMs: z.number().int(),
});
export type BacktestResult = z.infer<typeof backtestResult>;

export const BACKTEST_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const backtestRun = z.object({
  id: z.string(),
  state: z.enum(BACKTEST_STATES),
  /** 0..1 of the period replayed. */
  progress: z.number(),
  startedAt: z.number(),
  scope: backtestScope,
  from: isoDay,
  to: isoDay,
  /** null: the rules live runs with. */
  rules: backtestRules.nullable(),
  result: backtestResult.nullable(),
  error: message.nullable(),
  /** The rule-change journal entry made when the seller applied these rules. */
  appliedChangeId: id.nullable(),
});
export type BacktestRun = z.infer<typeof backtestRun>;

export const backtestCalls = {
  /** Replays the recorded market of the period with the rules, off the main thread; progress comes as `backtest.progress`. */
  'backtest.start': call(z.object({ scope: backtestScope, from: isoDay, to: isoDay, rules: backtestRules.nullable().default(null) }), backtestRun),
  'backtest.get': call(z.object({ id: z.string() }), backtestRun),
  'backtest.list': call(z.object({}), z.object({ runs: z.array(backtestRun) })),
  'backtest.cancel': call(z.object({ id: z.string() }), backtestRun),
  /** The tested rules onto the products, through the rules' validation, journaled (undo on the Insights page). */
  'backtest.apply': call(z.object({ id: z.string() }), z.object({ changeId: id, updated: z.number().int() })),
};

export const backtestEvents = {
  'backtest.progress': z.object({ id: z.string(), state: z.enum(BACKTEST_STATES), progress: z.number() }),
};
