import type { Decision } from '../../src-shared/domain/decision';
import type { Standing } from './pair';

type SetDecision = Extract<Decision, { action: 'set' }>;

const TIER = 1e12;

/**
 * How much a push is worth when the per-account budget cannot serve them all. Tiers, highest first:
 * pulling a price back inside the user's bounds; regaining first place (dearer goods first: a sale
 * there is worth more); raising a margin (the bigger gain first); everything else.
 */
export function pushValue(d: SetDecision, s: Standing): number {
  const old = d.reason.previousPrice ?? d.price;
  const outOfBounds = old < d.reason.floor || (d.reason.ceiling !== null && old > d.reason.ceiling);
  if (outOfBounds) return 4 * TIER;
  const regains = !s.first && (s.bestRival === null || d.price < s.bestRival);
  if (regains) return 3 * TIER + d.price;
  if (d.price > old) return 2 * TIER + (d.price - old);
  return TIER + Math.max(0, old - d.price);
}
