import type { SimClock } from './clock';
import type { MarketOffer } from './model';
import { Prng } from './prng';
import type { World } from './world';

/**
 * Competitor bots (issue 3 §5). Reactive bots (undercut, slow) answer a change of their product
 * after their reaction time; random walkers and leavers act on their own period. Each bot draws
 * from its own seeded stream, so its moves do not depend on how often other bots draw.
 */
export class Bots {
  private readonly pending = new Map<MarketOffer, NodeJS.Timeout>();
  private readonly rngs = new Map<MarketOffer, Prng>();

  constructor(
    private readonly world: World,
    private readonly clock: SimClock,
    private readonly seed: number,
  ) {
    world.onChange((productId, source) => this.productChanged(productId, source));
  }

  start(): void {
    for (const product of this.world.products.keys()) {
      for (const o of this.world.offersOf(product)) {
        const bot = o.bot;
        if (!bot) continue;
        if (bot.kind === 'undercut' || bot.kind === 'slow') this.scheduleReaction(o);
        else if (bot.kind === 'random-walk') this.scheduleWalk(o);
        else if (bot.kind === 'leaver') this.scheduleLeave(o);
      }
    }
  }

  /** Drops pending reactions (the clock's cancelAll stops the timers themselves). */
  stop(): void {
    for (const t of this.pending.values()) this.clock.cancel(t);
    this.pending.clear();
  }

  private rng(o: MarketOffer): Prng {
    let rng = this.rngs.get(o);
    if (!rng) {
      rng = Prng.derive(this.seed, `bot:${o.productId}:${o.merchantUid}`);
      this.rngs.set(o, rng);
    }
    return rng;
  }

  private productChanged(productId: string, source: MarketOffer | null): void {
    for (const o of this.world.offersOf(productId)) {
      if (o === source || !o.bot) continue;
      if (o.bot.kind === 'undercut' || o.bot.kind === 'slow') this.scheduleReaction(o);
    }
  }

  private scheduleReaction(o: MarketOffer): void {
    const bot = o.bot;
    if ((bot?.kind !== 'undercut' && bot?.kind !== 'slow') || this.pending.has(o)) return;
    const delay = bot.reactMs * (0.8 + this.rng(o).float() * 0.4);
    this.pending.set(o, this.clock.after(delay, () => {
      this.pending.delete(o);
      this.react(o);
    }));
  }

  /** Per city: rival's lowest price − step, kept within [floor, ceil]; ceil when alone. */
  react(o: MarketOffer): void {
    const bot = o.bot;
    if (bot?.kind !== 'undercut' && bot?.kind !== 'slow') return;
    const moves: { cityId: string; price: number }[] = [];
    for (const cityId of this.world.cityIds) {
      if (!this.world.visibleIn(o, cityId)) continue;
      const rivals = this.world.offersIn(o.productId, cityId).filter((r) => r !== o);
      const lowest = rivals.length > 0 ? this.world.priceIn(rivals[0] as MarketOffer, cityId) : null;
      const target = Math.min(bot.ceil, Math.max(bot.floor, lowest === null ? bot.ceil : lowest - bot.step));
      if (target !== this.world.priceIn(o, cityId)) moves.push({ cityId, price: target });
    }
    if (moves.length === 0) return;
    for (const m of moves) o.cityPrices.set(m.cityId, m.price);
    o.updatedAt = Date.now();
    this.world.changed(o.productId, o);
  }

  private scheduleWalk(o: MarketOffer): void {
    const bot = o.bot;
    if (bot?.kind !== 'random-walk') return;
    const rng = this.rng(o);
    this.clock.after(bot.periodMs * (0.5 + rng.float()), () => {
      const current = o.basePrice ?? bot.floor;
      const next = Math.min(bot.ceil, Math.max(bot.floor, current + rng.int(-bot.maxStep, bot.maxStep)));
      if (next !== current) this.world.setPrice(o, next);
      this.scheduleWalk(o);
    });
  }

  private scheduleLeave(o: MarketOffer): void {
    const bot = o.bot;
    if (bot?.kind !== 'leaver') return;
    const rng = this.rng(o);
    const stay = o.away ? bot.awayMs : bot.presentMs;
    this.clock.after(stay * (0.8 + rng.float() * 0.4), () => {
      o.away = !o.away;
      o.updatedAt = Date.now();
      this.world.changed(o.productId, o);
      this.scheduleLeave(o);
    });
  }
}
