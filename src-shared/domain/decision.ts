import { z } from 'zod';
import { price } from './money';
import { strategy } from './rules';

/** Why the decision came out as it did; one code per outcome the user can tell apart. */
export const REASON_CODES = [
  'undercut', // one step under the rival we target
  'match', // same price as the rival we target
  'top_n', // one step under the rival at the target place
  'raise_alone', // no eligible rival: up to the ceiling
  'raise_gap', // we lead by more than a step: up to one step under the next rival
  'at_target', // already at the price the strategy wants
  'monitor', // monitor-only strategy
  'no_ceiling_alone', // alone, but no ceiling to raise toward
  'rival_below_floor_hold', // rival under our floor and the rule says hold
  'rival_below_floor_floor', // rival under our floor: go to the floor
  'rival_below_floor_next', // rival under our floor: compete for the next place
  'price_war_hold', // the targeted rival answers every move: do not feed the war
  'price_war_next', // ...and since that rival keeps the place anyway, earn more on the next place up
  'rival_floor', // one step under the lowest price the rival holds (its floor): it cannot follow
  'probe_floor', // the rival answers every cut and its floor is unknown: one move to our floor finds it
  'probe_back', // the probe found the rival's floor under ours: back to the price we had before it
  'recover', // first just under a rival sitting at its floor: back up under the next seller, the rival follows up and the margin comes back
  'suspect_price', // the rival's price looks wrong (far below its history, under cost...): held, the kill switch counts it
  'no_stock', // no stock at any point (the seller's figures): nothing to sell, so nothing to reprice
  'low_stock_hold', // stock at or under the threshold: no undercutting, the price is held
  'low_stock_raise', // stock at or under the threshold: raised toward the ceiling (the seller enabled it)
  'preorder_hold', // sold on pre-order here: the set price is held (or not cut, by the seller's pre-order strategy)
  'not_listed', // our offer is not on sale in this city
  'rules_invalid', // floor above ceiling: nothing is safe to do
] as const;
export const reasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof reasonCode>;

/** Guards that changed or stopped the strategy's price; applied last and in one place. */
export const GUARDS = ['floor', 'ceiling', 'min_price', 'max_drop', 'cooldown', 'daily_cap'] as const;
export const guard = z.enum(GUARDS);
export type Guard = z.infer<typeof guard>;

export const targetedRival = z.object({
  merchantId: z.string(),
  merchantName: z.string(),
  price,
  /** 1-based place of that rival among the rivals we compete with. */
  place: z.number().int().min(1),
});
export type TargetedRival = z.infer<typeof targetedRival>;

/** How a move means to keep first place: just under the rival's price, or under the price it cannot go below. */
export const APPROACHES = ['ride', 'rival_floor', 'probe'] as const;
export const approach = z.enum(APPROACHES);
export type Approach = z.infer<typeof approach>;

/** Why a sharp drop is not trusted: what looked wrong about the price that drove it. */
export const DROP_ANOMALIES = [
  'under_cost', // the rival sells under our cost
  'far_under_history', // far under the lowest price the product has shown
  'far_under_our_price', // no history, and a small fraction of our own price (a parse error, a price per gram)
  'outlier_rival', // far under every other rival
  'rival_collapse', // the rival itself just fell sharply (one rival's cascade, or a bad read)
  'rule_overshoot', // our new price is far under what the market explains: our own rules
] as const;
export const dropAnomaly = z.enum(DROP_ANOMALIES);
export type DropAnomaly = z.infer<typeof dropAnomaly>;

/** What the engine has learnt about a rival's floor: the lowest price it holds, and how sure that is. */
export const rivalFloor = z.object({
  price,
  /** It sat at this price while undercut (it stopped following): the floor, not only a bound. */
  sure: z.boolean(),
});
export type RivalFloor = z.infer<typeof rivalFloor>;

export const reason = z.object({
  code: reasonCode,
  strategy,
  /** Our price before the decision (null when our offer is not listed). */
  previousPrice: price.nullable(),
  /** The price the decision lands on (equal to previousPrice on hold). */
  price: price.nullable(),
  /** What the strategy asked for before the guards (null when it asked for nothing). */
  proposedPrice: z.number().int().nullable(),
  target: targetedRival.nullable(),
  /** The step in tenge as applied (a % step already converted). */
  step: z.number().int().min(0),
  floor: price,
  ceiling: price.nullable(),
  /** Guards that fired, in the order they were applied. */
  guards: z.array(guard),
  /** When a cooldown holds the price: the moment it ends (ms since epoch). */
  cooldownUntil: z.number().nullable(),
  /** How many offers were left out, and why. */
  ignored: z.object({
    own: z.number().int().min(0),
    excluded: z.number().int().min(0),
    slower: z.number().int().min(0),
  }),
  /** Rival merchants the price-war detector flagged and this decision refused to undercut. */
  warRivals: z.array(z.string()),
  /** The approach chosen for the move (null when there was nothing to choose). */
  approach: approach.nullable().default(null),
  /** How long first place is expected to hold after this move, learnt from the product's history (ms). */
  expectedHoldMs: z.number().int().min(0).nullable().default(null),
  /** The targeted rival's floor as learnt, when known. */
  rivalFloor: rivalFloor.nullable().default(null),
  /** On suspect_price: what looked wrong. */
  anomalies: z.array(dropAnomaly).default([]),
  /** The units on sale at every point together when stock decided it (no_stock, low_stock_*). */
  stockUnits: z.number().int().min(0).nullable().default(null),
});
export type Reason = z.infer<typeof reason>;

export const decision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), price, reason }),
  z.object({ action: z.literal('hold'), reason }),
]);
export type Decision = z.infer<typeof decision>;
