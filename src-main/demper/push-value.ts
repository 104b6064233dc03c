import { FLOOR_HOLD_MS, NO_KNOWLEDGE } from '../../src-shared/pricing';
import type { SetDecision } from './engine-core';
import type { Standing } from './pair';

/** How far ahead a push's worth is counted: beyond this, nothing learnt about a market holds. */
const HORIZON_MS = 4 * 3_600_000;

/** Pulling a price back inside the seller's bounds goes before anything. */
const OUT_OF_BOUNDS = Number.MAX_SAFE_INTEGER;

/**
 * What a push is worth when the account's change budget cannot serve them all, in ₸·ms: the margin
 * over the floor kept while first × how long first place is expected to hold after the move
 * (learnt per product and per rival, decision.reason.expectedHoldMs). A move that wins first
 * place is worth its whole margin for that long; a raise while first, the margin it adds; a move to
 * find a rival's floor, half the margin it may unlock for the floor's long hold; a move that
 * neither wins nor adds margin while first, nothing (it goes out when nothing better waits).
 */
export function pushValue(decision: SetDecision, standing: Standing): number {
  const r = decision.reason;
  const old = r.previousPrice ?? decision.price;
  if (old < r.floor || (r.ceiling !== null && old > r.ceiling)) return OUT_OF_BOUNDS;
  const hold = Math.min(HORIZON_MS, r.expectedHoldMs ?? NO_KNOWLEDGE.holdMs);
  // Back up from under a rival's floor: worth the margin it brings back for one ride, half counted (the rival is first until it follows).
  if (r.code === 'recover') return ((decision.price - r.floor) * hold) / 2;
  if (r.code === 'probe_floor') return r.target ? (Math.max(0, r.target.price - r.step - r.floor) * Math.min(HORIZON_MS, FLOOR_HOLD_MS)) / 2 : 0;
  const winsFirst = !standing.first && (standing.bestRival === null || decision.price < standing.bestRival);
  if (winsFirst) return (decision.price - r.floor) * hold;
  if (standing.first && decision.price > old) return (decision.price - old) * hold;
  return 0;
}
