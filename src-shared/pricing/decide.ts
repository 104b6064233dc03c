import type { Approach, Decision, Reason, ReasonCode, TargetedRival } from '../domain/decision';
import type { Offer } from '../domain/offer';
import type { PricingRules } from '../domain/rules';
import { amountOf, floorPrice } from '../domain/rules';
import { applyGuards, NO_GUARD_STATE } from './guards';
import type { GuardState } from './guards';
import { selectRivals } from './eligible-rivals';
import type { MarketKnowledge } from './market-memory';

/** What the offer has to sell, from the stock and pre-order days per point (issue #16). */
export interface StockInput {
  /** Units on sale at every point together; null when some point keeps no stock figure (unknown). */
  units: number | null;
  /** Sold on pre-order here: every point of the offer on sale in this city has pre-order days. */
  preOrder: boolean;
}

export interface DecideInput {
  rules: PricingRules;
  /** Our offer: merchant id and the price Kaspi shows now (null when not on sale in this city). */
  our: { merchantId: string; price: number | null };
  /** Every merchant id of the user's stores: never competed with. */
  ownMerchantIds: readonly string[];
  /** All offers for the product in one city, ours included or not. */
  offers: readonly Offer[];
  guard?: GuardState;
  /** What the engine has learnt of this market (rival floors, answer times, how long first place holds). */
  knowledge?: MarketKnowledge;
  /** Stock and pre-order; absent: priced on the market alone. */
  stock?: StockInput;
  now: number;
}

/** Nothing learnt yet: every rival is ridden just under, first place expected to hold half an hour. */
export const NO_KNOWLEDGE: MarketKnowledge = { rivalFloors: {}, answerMs: {}, holdMs: 30 * 60_000, affordEveryMs: 0, probeAllowed: false, probing: false, restorePrice: null, recoverAllowed: false };

/**
 * After a move to just under a rival's floor, first place is expected to hold at least this long:
 * that rival cannot follow, only another seller's move ends it.
 */
export const FLOOR_HOLD_MS = 2 * 3_600_000;

/** A cut whose first place is expected to last less than this is not worth a change. */
export const MIN_WORTHWHILE_HOLD_MS = 60_000;

interface Proposal {
  code: ReasonCode;
  /** null: the strategy asks to keep the current price. */
  price: number | null;
  target: TargetedRival | null;
  step: number;
  approach?: Approach;
  holdMs?: number;
  /** Rivals this proposal refuses to feed (their answers come too fast for a move to hold). */
  war?: string[];
}

const rivalAt = (rivals: readonly Offer[], i: number): TargetedRival | null => {
  const r = rivals[i];
  return r ? { merchantId: r.merchantId, merchantName: r.merchantName, price: r.price, place: i + 1 } : null;
};

/** The step below a rival's price the strategy keeps (match keeps none). */
const stepFor = (rules: PricingRules, rival: Offer): number => (rules.strategy === 'match' ? 0 : amountOf(rules.step, rival.price));

/**
 * The price the strategy wants for the place it aims at. Undercut is top-N with N = 1; match sits on
 * the rival's price. The same formula lowers and raises, so a rule that dropped a price brings it
 * back up when the rival goes up or leaves.
 */
function propose(rules: PricingRules, rivals: readonly Offer[], current: number, floor: number): Proposal {
  const place = rules.strategy === 'top_n' ? rules.targetPosition - 1 : 0;
  const priceFor = (r: Offer) => {
    const step = stepFor(rules, r);
    return { price: r.price - step, step };
  };
  const alone = (code: ReasonCode): Proposal =>
    rules.ceiling === null
      ? { code: code === 'raise_alone' ? 'no_ceiling_alone' : code, price: null, target: null, step: 0 }
      : { code, price: rules.ceiling, target: null, step: 0 };

  const target = rivals[place];
  if (!target) return alone('raise_alone');
  const wanted = priceFor(target);
  // The place asked for, not a better one: a step under the N-th rival that reaches the rival ahead
  // of it (closer than a step) would tie or pass that rival and start the fight the place avoids.
  const ahead = rivals[place - 1];
  if (ahead && wanted.price <= ahead.price) {
    wanted.price = Math.min(target.price, ahead.price + 1);
    wanted.step = target.price - wanted.price;
  }
  if (wanted.price >= floor) {
    const code: ReasonCode = wanted.price > current ? 'raise_gap' : wanted.price === current ? 'at_target' : rules.strategy === 'match' ? 'match' : rules.strategy === 'top_n' ? 'top_n' : 'undercut';
    // A raise smaller than the step is not worth a push from the tight budget.
    if (code === 'raise_gap' && wanted.price - current < Math.max(1, wanted.step)) {
      return { code: 'at_target', price: null, target: rivalAt(rivals, place), step: wanted.step };
    }
    return { code, price: code === 'at_target' ? null : wanted.price, target: rivalAt(rivals, place), step: wanted.step };
  }

  switch (rules.belowFloor) {
    case 'hold':
      return { code: 'rival_below_floor_hold', price: null, target: rivalAt(rivals, place), step: wanted.step };
    case 'floor':
      return { code: 'rival_below_floor_floor', price: floor, target: rivalAt(rivals, place), step: wanted.step };
    case 'next_place': {
      for (let i = place + 1; i < rivals.length; i++) {
        const next = priceFor(rivals[i]!);
        if (next.price >= floor) return { code: 'rival_below_floor_next', price: next.price, target: rivalAt(rivals, i), step: next.step };
      }
      return alone('rival_below_floor_next');
    }
  }
}

/**
 * Pure: the same input always gives the same decision, in main and in the renderer's preview.
 * Stock comes first: an offer with nothing to sell is not repriced; a pre-order offer follows its
 * own strategy; on low stock the market's answer may raise but never cut. Any price outside its
 * bounds is still pulled back in by the guards.
 */
export function decide(input: DecideInput): Decision {
  const { rules, our, stock } = input;
  const market = decideOnMarket(input);
  if (!stock || our.price === null || market.reason.code === 'rules_invalid' || rules.strategy === 'monitor') return market;
  const current = our.price;
  const lowStock = !stock.preOrder && stock.units !== null && rules.lowStockThreshold !== null && stock.units <= rules.lowStockThreshold;
  const stockUnits = stock.units !== null && (lowStock || stock.units === 0) ? stock.units : null;
  const held = (code: ReasonCode, proposedPrice: number | null): Decision => {
    // Holding still passes the guards: a price outside its bounds is corrected.
    const g = applyGuards(current, current, market.reason.floor, rules, input.guard ?? NO_GUARD_STATE, input.now);
    const reason: Reason = { ...market.reason, code, price: current, proposedPrice, stockUnits, guards: g.guards, cooldownUntil: g.action === 'hold' ? g.cooldownUntil : null };
    return g.action === 'hold' ? { action: 'hold', reason } : { action: 'set', price: g.price, reason: { ...reason, price: g.price } };
  };
  const proposed = market.action === 'set' ? market.price : market.reason.proposedPrice;
  if (stock.preOrder && rules.preOrderStrategy === 'hold') return held('preorder_hold', proposed);
  if (!stock.preOrder && stock.units === 0) return held('no_stock', proposed);
  const noCut = lowStock || (stock.preOrder && rules.preOrderStrategy === 'no_undercut');
  if (!noCut) return market;
  if (lowStock && rules.lowStockRaise && rules.ceiling !== null && current < rules.ceiling && (market.action === 'hold' || market.price < rules.ceiling)) {
    const g = applyGuards(current, rules.ceiling, market.reason.floor, rules, input.guard ?? NO_GUARD_STATE, input.now);
    const reason: Reason = { ...market.reason, code: 'low_stock_raise', proposedPrice: rules.ceiling, target: null, step: 0, approach: null, expectedHoldMs: null, warRivals: [], stockUnits, guards: g.guards };
    if (g.action === 'set' && g.price > current) return { action: 'set', price: g.price, reason: { ...reason, price: g.price } };
    return { action: 'hold', reason: { ...reason, price: current, cooldownUntil: g.action === 'hold' ? g.cooldownUntil : null } };
  }
  if (market.action === 'set' && market.price < current) return held(stock.preOrder ? 'preorder_hold' : 'low_stock_hold', market.price);
  return market;
}

function decideOnMarket(input: DecideInput): Decision {
  const { rules, our, now } = input;
  const state = input.guard ?? NO_GUARD_STATE;
  const floor = floorPrice(rules.floor);
  const { rivals, ignored } = selectRivals(input.offers, our.merchantId, input.ownMerchantIds, rules);
  const base: Reason = {
    code: 'monitor',
    strategy: rules.strategy,
    previousPrice: our.price,
    price: our.price,
    proposedPrice: null,
    target: null,
    step: 0,
    floor,
    ceiling: rules.ceiling,
    guards: [],
    cooldownUntil: null,
    ignored,
    warRivals: [],
    approach: null,
    expectedHoldMs: null,
    rivalFloor: null,
    anomalies: [],
    stockUnits: null,
  };
  const hold = (patch: Partial<Reason>): Decision => ({ action: 'hold', reason: { ...base, ...patch } });

  if (our.price === null) return hold({ code: 'not_listed' });
  if (rules.ceiling !== null && floor > rules.ceiling) return hold({ code: 'rules_invalid' });
  if (rules.strategy === 'monitor') return hold({ code: 'monitor', target: rivalAt(rivals, 0) });

  const current = our.price;
  const knowledge = input.knowledge ?? NO_KNOWLEDGE;
  // A probe is out: the rival's answer (to its floor, or under us) is what it is for; a price inside its bounds waits for it.
  if (knowledge.probing && current >= floor && (rules.ceiling === null || current <= rules.ceiling)) return hold({ code: 'probe_floor', approach: 'probe' });
  const proposed = propose(rules, rivals, current, floor);
  const war = proposed.target !== null && proposed.price !== null && proposed.price < current && state.warRivals.includes(proposed.target.merchantId);
  // A probe needs a second change to act on what it finds (a raise under the floor, or back).
  const changesLeft = rules.maxChangesPerDay === null ? Infinity : rules.maxChangesPerDay - state.changesToday;
  const known = changesLeft >= 2 ? knowledge : { ...knowledge, probeAllowed: false };
  const p = war ? proposed : (recovery(proposed, known, rules, rivals, floor, current) ?? chooseApproach(proposed, known, floor, current));
  const reasonPatch = {
    code: p.code,
    target: p.target,
    step: p.step,
    proposedPrice: p.price,
    approach: p.approach ?? null,
    expectedHoldMs: p.holdMs ?? null,
    rivalFloor: p.target ? (known.rivalFloors[p.target.merchantId] ?? null) : null,
    warRivals: p.war ?? [],
  };

  if (war) return priceWar(rules, rivals, state.warRivals, proposed.target!, current, floor, state, known, now, { ...base, rivalFloor: reasonPatch.rivalFloor });
  // A strategy that asks for nothing still gets the guards: a price outside its bounds is corrected.
  const g = applyGuards(current, p.price ?? current, floor, rules, state, now);
  if (g.action === 'hold') return hold({ ...reasonPatch, guards: g.guards, cooldownUntil: g.cooldownUntil });
  return { action: 'set', price: g.price, reason: { ...base, ...reasonPatch, price: g.price, guards: g.guards } };
}

/**
 * First just under a rival that sits at its floor, the margin is what its floor leaves. A demper at
 * its floor follows a raise back up (it sits one step under the cheapest other offer), so going
 * back up under the next seller and riding from there keeps more margin — while pushes are
 * affordable. Done when riding from up there (as much of the time as pushes are affordable) is
 * worth at least twice the floor margin, at most every few hours.
 */
function recovery(p: Proposal, k: MarketKnowledge, rules: PricingRules, rivals: readonly Offer[], floor: number, current: number): Proposal | null {
  if (!k.recoverAllowed || !p.target || (p.code !== 'at_target' && p.code !== 'raise_gap')) return null;
  const sitter = p.target;
  const sitterFloor = k.rivalFloors[sitter.merchantId];
  const answer = k.answerMs[sitter.merchantId];
  if (!sitterFloor?.sure || sitter.price > sitterFloor.price || current >= sitter.price || answer === undefined) return null;
  const i = rivals.findIndex((r) => r.merchantId !== sitter.merchantId && r.price - stepFor(rules, r) > sitter.price);
  const next = rivals[i];
  const to = next ? next.price - stepFor(rules, next) : rules.ceiling;
  if (to === null || (rules.ceiling !== null && to > rules.ceiling)) return null;
  if (marginRate(to - floor, answer, k) <= 2 * (current - floor)) return null;
  return { code: 'recover', price: to, target: next ? rivalAt(rivals, i) : null, step: next ? stepFor(rules, next) : 0, approach: 'ride', holdMs: answer };
}

/** The margin a price keeps over the floor, earned only as much of the time as pushes are affordable to keep it. */
function marginRate(margin: number, holdMs: number, k: MarketKnowledge): number {
  return margin * Math.min(1, holdMs / Math.max(1, k.affordEveryMs));
}

/**
 * How long first place is expected to hold at `price`: `base`, unless a rival that answers our
 * moves can go under it (its floor is not known to be above it) — then about as long as that
 * rival takes to answer.
 */
function holdAfter(k: MarketKnowledge, price: number, base: number): number {
  let hold = base;
  for (const [id, answerMs] of Object.entries(k.answerMs)) {
    const rivalFloor = k.rivalFloors[id];
    if (rivalFloor?.sure && rivalFloor.price > price) continue;
    hold = Math.min(hold, answerMs);
  }
  return hold;
}

/**
 * Another rival here answers our moves too: a move down to our floor would wake it as well, and
 * whatever its floor it follows down and fights the first one — a probe would start the war it is
 * meant to avoid. Only a rival that is alone in answering us is probed.
 */
const othersAnswer = (k: MarketKnowledge, target: string): boolean => Object.keys(k.answerMs).some((id) => id !== target);

/** Codes whose price follows a rival's: the moves an approach is chosen for. */
const RIDES = new Set<ReasonCode>(['undercut', 'match', 'top_n', 'raise_gap', 'rival_below_floor_next']);
/** Codes of a cheapest rival under our floor. */
const BELOW_FLOOR = new Set<ReasonCode>(['rival_below_floor_hold', 'rival_below_floor_floor']);

/**
 * Ride just under the rival, or go to just under its floor? Riding keeps more margin but costs a
 * push each time the rival answers; one push under a floor it cannot go below holds first place
 * until another seller moves. Chosen by the margin kept over time within what the product can
 * spend: riding is first only as much of the time as its pushes are affordable (the account's
 * change budget shared by the products that push, the daily cap), a floor move all of it.
 */
function chooseApproach(p: Proposal, k: MarketKnowledge, floor: number, current: number): Proposal {
  // A probe that found the rival's floor under ours leaves us at our floor behind it: go back once.
  if (BELOW_FLOOR.has(p.code) && k.restorePrice !== null && k.restorePrice > current) {
    return { code: 'probe_back', price: k.restorePrice, target: p.target, step: p.step };
  }
  if (!p.target) return p;
  const answer = k.answerMs[p.target.merchantId];
  const rivalFloor = k.rivalFloors[p.target.merchantId];
  const floorHold = Math.max(k.holdMs, FLOOR_HOLD_MS);
  // Already where the strategy wants: say how we hold it (under a rival's floor, or riding it).
  if (p.code === 'at_target') {
    const underFloor = rivalFloor?.sure === true && current <= rivalFloor.price - p.step;
    return { ...p, approach: underFloor ? 'rival_floor' : 'ride', holdMs: holdAfter(k, current, underFloor ? floorHold : k.holdMs) };
  }
  if (p.price === null || !RIDES.has(p.code)) return p;
  // Just under a rival that sits at its floor: it cannot follow, first place holds like a floor move (unless another can).
  if (rivalFloor?.sure && p.price <= rivalFloor.price - p.step) return { ...p, approach: 'rival_floor', holdMs: holdAfter(k, p.price, floorHold) };
  const ride = { ...p, approach: 'ride' as const, holdMs: holdAfter(k, p.price, k.holdMs) };
  const cut = p.price < current && p.code !== 'match' && p.code !== 'raise_gap';
  if (!cut) return ride;
  // A cut the rival answers within a minute wins nothing worth a change: we hold, as in a war.
  const rideOrHold = ride.holdMs >= MIN_WORTHWHILE_HOLD_MS ? ride : { ...ride, code: 'price_war_hold' as const, price: null, war: [p.target.merchantId] };
  // Computed only where compared: a decision that never reads the budget share is known not to depend on it (quiet-looks.ts).
  const rideRate = (): number => marginRate(p.price! - floor, ride.holdMs, k);
  if (rivalFloor?.sure) {
    const underFloor = rivalFloor.price - p.step;
    const hold = holdAfter(k, underFloor, floorHold);
    if (underFloor < floor || underFloor >= p.price || marginRate(underFloor - floor, hold, k) <= rideRate()) return rideOrHold;
    return { ...p, code: 'rival_floor', price: underFloor, approach: 'rival_floor', holdMs: hold };
  }
  // A rival that answers our moves, floor unknown: one move to our floor finds it. Worth it when
  // the margin expected under its floor (half way down to ours) beats riding it; if its floor is
  // under ours, we go back and ride on.
  if (answer === undefined || !k.probeAllowed || floor >= p.price || othersAnswer(k, p.target.merchantId)) return rideOrHold;
  const bound = rivalFloor?.price ?? p.target.price;
  if ((bound - p.step - floor) / 2 <= rideRate()) return rideOrHold;
  return { ...p, code: 'probe_floor', price: floor, approach: 'probe', holdMs: answer };
}

/**
 * The rival we would undercut answers every move within seconds: undercutting it again only feeds
 * a race to the bottom. If its floor is known and above ours, one move to just under that floor
 * holds first place (it cannot follow). If its floor is unknown, one move to our own floor finds it
 * (a rival demper under-cut below its floor goes to its floor and stays), at most every few hours.
 * Otherwise we do not lower: it keeps the place it fights for anyway, so the best we can earn is
 * the place behind it: one step under the next rival that is not at war (or the ceiling, or the
 * price we had before a probe that found its floor under ours).
 */
function priceWar(
  rules: PricingRules,
  rivals: readonly Offer[],
  war: readonly string[],
  warTarget: TargetedRival,
  current: number,
  floor: number,
  state: GuardState,
  k: MarketKnowledge,
  now: number,
  base: Reason,
): Decision {
  const warIds = rivals.filter((r) => war.includes(r.merchantId)).map((r) => r.merchantId);
  const warRival = rivals[warTarget.place - 1]!;
  const rivalFloor = k.rivalFloors[warTarget.merchantId];
  const step = stepFor(rules, warRival);
  const move = (code: ReasonCode, price: number, approach: Approach, holdMs: number): Decision => {
    const g = applyGuards(current, price, floor, rules, state, now);
    const patch = { warRivals: warIds, target: warTarget, step, proposedPrice: price, approach, expectedHoldMs: holdMs };
    if (g.action === 'hold') return { action: 'hold', reason: { ...base, ...patch, code, guards: g.guards, cooldownUntil: g.cooldownUntil } };
    return { action: 'set', price: g.price, reason: { ...base, ...patch, code, price: g.price, guards: g.guards } };
  };
  if (rivalFloor?.sure && rivalFloor.price - step >= floor) return move('rival_floor', rivalFloor.price - step, 'rival_floor', Math.max(k.holdMs, FLOOR_HOLD_MS));
  if (!rivalFloor?.sure && k.probeAllowed && !othersAnswer(k, warTarget.merchantId) && (rivalFloor === undefined || rivalFloor.price > floor) && floor < warRival.price - step && floor < current) return move('probe_floor', floor, 'probe', k.answerMs[warTarget.merchantId] ?? 0);

  // Independent of our own price, so the place we settle on is the place we hold (no oscillation).
  const i = rivals.findIndex((r) => !war.includes(r.merchantId) && r.price - stepFor(rules, r) > warTarget.price && r.price - stepFor(rules, r) >= floor);
  const next = rivals[i];
  const nextStep = next ? stepFor(rules, next) : 0;
  const wanted = next
    ? next.price - nextStep
    : rules.ceiling !== null && rules.ceiling > warTarget.price
      ? rules.ceiling
      : k.restorePrice !== null && k.restorePrice > warTarget.price
        ? k.restorePrice
        : null;
  const raise = wanted !== null && wanted > current;
  const patch = { warRivals: warIds, target: next ? rivalAt(rivals, i) : warTarget, step: nextStep, proposedPrice: wanted };
  // Holding still passes the guards: a price outside its bounds is corrected even in a war.
  const g = applyGuards(current, raise ? wanted : current, floor, rules, state, now);
  if (g.action === 'hold') return { action: 'hold', reason: { ...base, ...patch, code: 'price_war_hold', guards: g.guards, cooldownUntil: g.cooldownUntil } };
  if (!raise) return { action: 'set', price: g.price, reason: { ...base, ...patch, code: 'price_war_hold', price: g.price, guards: g.guards } };
  return { action: 'set', price: g.price, reason: { ...base, ...patch, code: 'price_war_next', price: g.price, guards: g.guards } };
}
