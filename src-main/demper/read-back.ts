import type { RivalPrice } from '../../src-shared/pricing';
import { observeAnswers } from '../../src-shared/pricing';
import type { EngineCore } from './engine-core';
import type { Pair } from './pair';

/** A move of ours is watched for answers this long, or until our next move. */
const WATCH_MS = 3_600_000;

/**
 * Every look after one of our moves shows who answered it and how fast: the price-war score and
 * each rival's answer time (how long first place holds when we ride just under it).
 */
export function watchAnswers(core: EngineCore, pair: Pair, rivals: readonly RivalPrice[], now: number): void {
  const move = pair.lastMove;
  if (!move) return;
  observeAnswers(pair.memory, { movedAt: move.movedAt, ourPrice: move.ourPrice, rivalsBefore: move.rivalsBefore, observedAt: now, rivalsAfter: rivals }, move, core.learning);
  pair.memoryDirty = true;
  if (now - move.movedAt > WATCH_MS) pair.lastMove = null;
}

/**
 * Read-back of a push: Kaspi shows the new price (verified), or after `verifyAttempts` looks it
 * does not (mismatch; failed when the push's answer was lost and it never landed). Returns true
 * when the check may go on to decide afresh.
 */
export async function verifyPush(core: EngineCore, pair: Pair, ourPrice: number | null, now: number): Promise<boolean> {
  const pending = pair.pending!;
  const { journal } = core.deps;
  const event = { at: now, entryId: pending.entryId, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, price: pending.newPrice };
  if (ourPrice === pending.newPrice) {
    await journal.markVerified(pending.entryId, now);
    pair.pending = null;
    core.counters.verified++;
    core.emit({ type: 'journal', ...event, status: 'verified' });
    return true;
  }
  if (pending.attempts + 1 < core.settings.verifyAttempts) {
    pending.attempts++;
    core.scheduler.schedule(pair, now + core.settings.verifyDelayMs, 'verify');
    return false;
  }
  pair.pending = null;
  core.counters.mismatches++;
  if (pending.ambiguous) {
    await journal.markFailed(pending.entryId, `not applied: Kaspi shows ${ourPrice ?? 'no offer'}`, now);
    core.emit({ type: 'journal', ...event, status: 'failed' });
  } else {
    await journal.markMismatch(pending.entryId, ourPrice, now);
    core.emit({ type: 'journal', ...event, status: 'mismatch' });
  }
  return true;
}
