import type { DeliveryDuration } from '../../../src-shared/domain/offer';
import type { Prng } from './prng';

/**
 * Competitor behaviours seen on Kaspi: dempers that undercut by a step down to their own floor
 * (fast ones answer in seconds, slow ones in tens of minutes), sellers who never touch a price,
 * prices that drift, sellers who raise now and then (a restock, a new supplier price) and fall
 * back after a while, and sellers who run out of stock and come back.
 */
export const BOT_KINDS = ['undercut', 'slow', 'static', 'random_walk', 'raiser', 'leave_return'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

export interface BotSpec {
  merchantId: string;
  merchantName: string;
  kind: BotKind;
  price: number;
  floor: number;
  ceiling: number;
  step: number;
  /** How long a demper takes to answer a move it sees. */
  reactionMs: number;
  deliveryDuration: DeliveryDuration | null;
}

export interface Bot extends BotSpec {
  present: boolean;
  /** When the bot acts next (Infinity: only when someone moves). */
  nextActAt: number;
}

export const makeBot = (spec: BotSpec, now: number, rng: Prng): Bot => ({
  ...spec,
  present: true,
  nextActAt: isTimed(spec.kind) ? now + rng.int(30, 180) * 60_000 : Infinity,
});

/** Bots that act on their own clock, not in answer to a move. */
export const isTimed = (kind: BotKind): boolean => kind === 'random_walk' || kind === 'raiser' || kind === 'leave_return';

/** A demper's move given everyone else's prices: undercut the cheapest, or climb under it. */
export function demperPrice(bot: Bot, others: readonly number[]): number {
  if (others.length === 0) return bot.ceiling;
  const best = Math.min(...others);
  const wanted = Math.min(bot.ceiling, best - bot.step);
  if (wanted < bot.floor) return Math.max(bot.floor, bot.price <= best ? bot.price : bot.floor);
  // Dempers raise only when the gap is worth it, like ours.
  if (wanted > bot.price && wanted - bot.price < bot.step) return bot.price;
  return wanted;
}

/** Timed behaviour of the drifting and the leaving bots; returns whether the listing changed. */
export function timedAct(bot: Bot, now: number, rng: Prng): boolean {
  if (bot.kind === 'random_walk') {
    const drift = 1 + (rng.next() * 2 - 1) * 0.03;
    bot.price = Math.min(bot.ceiling, Math.max(bot.floor, Math.round(bot.price * drift)));
    bot.nextActAt = now + rng.int(30, 180) * 60_000;
    return true;
  }
  if (bot.kind === 'raiser') {
    // Up by 5–15 % every few hours; past its ceiling it falls back near its floor (a sale).
    const raised = Math.round(bot.price * (1.05 + rng.next() * 0.1));
    bot.price = raised <= bot.ceiling ? raised : Math.round(bot.floor * (1.02 + rng.next() * 0.08));
    bot.nextActAt = now + rng.int(120, 480) * 60_000;
    return true;
  }
  if (bot.kind === 'leave_return') {
    bot.present = !bot.present;
    bot.nextActAt = now + rng.int(60, 480) * 60_000;
    return true;
  }
  bot.nextActAt = Infinity;
  return false;
}
