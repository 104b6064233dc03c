import type { Decision, Reason, ReasonCode, TargetedRival } from '../domain/decision';
import type { Offer } from '../domain/offer';
import type { PricingRules } from '../domain/rules';
import { amountOf, floorPrice } from '../domain/rules';
import { applyGuards, NO_GUARD_STATE } from './guards';
import type { GuardState } from './guards';
import { selectRivals } from './eligible-rivals';

export interface DecideInput {
  rules: PricingRules;
  /** Our offer: merchant id and the price Kaspi shows now (null when not on sale in this city). */
  our: { merchantId: string; price: number | null };
  /** Every merchant id of the user's stores: never competed with. */
  ownMerchantIds: readonly string[];
  /** All offers for the product in one city, ours included or not. */
  offers: readonly Offer[];
  guard?: GuardState;
  now: number;
}

interface Proposal {
  code: ReasonCode;
  /** null: the strategy asks to keep the current price. */
  price: number | null;
  target: TargetedRival | null;
  step: number;
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

/** Pure: the same input always gives the same decision, in main and in the renderer's preview. */
export function decide(input: DecideInput): Decision {
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
  };
  const hold = (patch: Partial<Reason>): Decision => ({ action: 'hold', reason: { ...base, ...patch } });

  if (our.price === null) return hold({ code: 'not_listed' });
  if (rules.ceiling !== null && floor > rules.ceiling) return hold({ code: 'rules_invalid' });
  if (rules.strategy === 'monitor') return hold({ code: 'monitor', target: rivalAt(rivals, 0) });

  const current = our.price;
  const p = propose(rules, rivals, current, floor);
  const reasonPatch = { code: p.code, target: p.target, step: p.step, proposedPrice: p.price };

  if (p.target && p.price !== null && p.price < current && state.warRivals.includes(p.target.merchantId)) {
    return priceWar(rules, rivals, state.warRivals, p.target, current, floor, state, now, base);
  }
  // A strategy that asks for nothing still gets the guards: a price outside its bounds is corrected.
  const g = applyGuards(current, p.price ?? current, floor, rules, state, now);
  if (g.action === 'hold') return hold({ ...reasonPatch, guards: g.guards, cooldownUntil: g.cooldownUntil });
  return { action: 'set', price: g.price, reason: { ...base, ...reasonPatch, price: g.price, guards: g.guards } };
}

/**
 * The rival we would undercut answers every move within seconds: undercutting it again only feeds
 * a race to the bottom. We do not lower. It keeps the place it fights for anyway, so the best we can
 * earn is the place behind it: one step under the next rival that is not at war (or the ceiling).
 */
function priceWar(
  rules: PricingRules,
  rivals: readonly Offer[],
  war: readonly string[],
  warTarget: TargetedRival,
  current: number,
  floor: number,
  state: GuardState,
  now: number,
  base: Reason,
): Decision {
  const warIds = rivals.filter((r) => war.includes(r.merchantId)).map((r) => r.merchantId);
  // Independent of our own price, so the place we settle on is the place we hold (no oscillation).
  const i = rivals.findIndex((r) => !war.includes(r.merchantId) && r.price - stepFor(rules, r) > warTarget.price && r.price - stepFor(rules, r) >= floor);
  const next = rivals[i];
  const step = next ? stepFor(rules, next) : 0;
  const wanted = next ? next.price - step : rules.ceiling !== null && rules.ceiling > warTarget.price ? rules.ceiling : null;
  const raise = wanted !== null && wanted > current;
  const patch = { warRivals: warIds, target: next ? rivalAt(rivals, i) : warTarget, step, proposedPrice: wanted };
  // Holding still passes the guards: a price outside its bounds is corrected even in a war.
  const g = applyGuards(current, raise ? wanted : current, floor, rules, state, now);
  if (g.action === 'hold') return { action: 'hold', reason: { ...base, ...patch, code: 'price_war_hold', guards: g.guards, cooldownUntil: g.cooldownUntil } };
  if (!raise) return { action: 'set', price: g.price, reason: { ...base, ...patch, code: 'price_war_hold', price: g.price, guards: g.guards } };
  return { action: 'set', price: g.price, reason: { ...base, ...patch, code: 'price_war_next', price: g.price, guards: g.guards } };
}
