import type { FloorRule } from '../domain/rules';
import { basisPoints, floorPrice } from '../domain/rules';

/**
 * The floor rule that puts a product's floor at `target` (or just under it), the way the seller
 * would write it: a fixed floor becomes the target price; a cost floor keeps its cost and fees
 * (so margins stay known) and raises its minimum margin, in tenge, to the most that still gives a
 * floor at or under the target. Null when no such rule is higher than the floor now.
 */
export function raisedFloor(rule: FloorRule, target: number): FloorRule | null {
  const now = floorPrice(rule);
  if (target <= now) return null;
  if (rule.kind === 'fixed') return { kind: 'fixed', price: target };
  const keptBp = 10_000 - basisPoints(rule.commissionPercent);
  if (keptBp <= 0) return null;
  // floorPrice rounds up, so start from the exact solution and step down until it fits.
  let margin = Math.floor((target * keptBp) / 10_000) - rule.cost - rule.fixedFees;
  for (let tries = 0; tries < 3 && margin >= 0; tries++, margin--) {
    const next: FloorRule = { ...rule, minMargin: { unit: 'tenge', value: margin } };
    const price = floorPrice(next);
    if (price <= target) return price > now ? next : null;
  }
  return null;
}
