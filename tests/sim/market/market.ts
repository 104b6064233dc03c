import type { Offer } from '../../../src-shared/domain/offer';
import type { Clock } from '../../../src-main/time/clock';
import type { Bot, BotSpec } from './bots';
import { demperPrice, makeBot, timedAct } from './bots';
import type { Prng } from './prng';
import { forkPrng } from './prng';

interface OurOffer {
  merchantId: string;
  merchantName: string;
  price: number;
  floor: number;
}

interface PendingApply {
  merchantId: string;
  price: number;
  at: number;
}

/** One product in one city: the offers buyers see, moved forward lazily to the time it is looked at. */
class Listing {
  readonly ours = new Map<string, OurOffer>();
  readonly bots: Bot[] = [];
  readonly pending: PendingApply[] = [];
  time = 0;

  constructor(readonly rng: Prng) {}

  private prices(except: string): number[] {
    const out: number[] = [];
    for (const o of this.ours.values()) if (o.merchantId !== except) out.push(o.price);
    for (const b of this.bots) if (b.present && b.merchantId !== except) out.push(b.price);
    return out;
  }

  /** Someone moved: every demper looks again after its reaction time. */
  private moved(at: number, who: string): void {
    for (const b of this.bots) {
      if ((b.kind === 'undercut' || b.kind === 'slow') && b.merchantId !== who && b.present) b.nextActAt = Math.min(b.nextActAt, at + b.reactionMs);
    }
  }

  /** Plays every event up to `now` in time order. */
  advance(now: number): void {
    for (;;) {
      let at = Infinity;
      for (const p of this.pending) at = Math.min(at, p.at);
      for (const b of this.bots) at = Math.min(at, b.nextActAt);
      if (at > now) break;
      this.time = at;
      for (let i = this.pending.length - 1; i >= 0; i--) {
        const p = this.pending[i]!;
        if (p.at !== at) continue;
        this.pending.splice(i, 1);
        const o = this.ours.get(p.merchantId);
        if (o && o.price !== p.price) {
          o.price = p.price;
          this.moved(at, o.merchantId);
        }
      }
      for (const b of this.bots) {
        if (b.nextActAt !== at) continue;
        if (b.kind === 'undercut' || b.kind === 'slow') {
          b.nextActAt = Infinity;
          const next = demperPrice(b, this.prices(b.merchantId));
          if (next !== b.price) {
            b.price = next;
            this.moved(at, b.merchantId);
          }
        } else if (timedAct(b, at, this.rng)) this.moved(at, b.merchantId);
      }
    }
    this.time = now;
  }
}

export interface MarketCounters {
  offerRequests: number;
  pushes: number;
  floorViolations: number;
  budgetViolations: number;
  /** Time accounts spent blocked by a 429 (summed over accounts). */
  blockedMs: number;
}

/**
 * An in-memory Kaspi storefront for the engine: listings with our offers and competitor bots.
 * Pushes land after a lag, as on Kaspi. The adapters in market-adapters.ts add the rate limits.
 * Each listing draws from its own seeded stream, so what the sellers do to one listing never
 * shifts the random moves of another: two strategies on the same seed meet the same market.
 */
export class Market {
  private readonly listings = new Map<string, Listing>();
  readonly counters: MarketCounters = { offerRequests: 0, pushes: 0, floorViolations: 0, budgetViolations: 0, blockedMs: 0 };
  /** Every accepted push, for "nothing pushed twice" checks. */
  readonly pushLog: { at: number; merchantId: string; masterSku: string; cityId: string; price: number }[] = [];

  constructor(
    readonly clock: Clock,
    private readonly seed: number,
    /** How long Kaspi takes to show a pushed price (drawn from its own stream). */
    readonly applyLagMs: (rng: Prng) => number = () => 5_000,
  ) {
    this.lagRng = forkPrng(seed, 'apply-lag');
  }

  private readonly lagRng: Prng;
  private key = (masterSku: string, cityId: string) => `${masterSku}@${cityId}`;

  listing(masterSku: string, cityId: string): Listing {
    const key = this.key(masterSku, cityId);
    let l = this.listings.get(key);
    if (!l) {
      l = new Listing(forkPrng(this.seed, key));
      l.time = this.clock.now();
      this.listings.set(key, l);
    }
    return l;
  }

  setOurOffer(masterSku: string, cityId: string, offer: OurOffer): void {
    this.listing(masterSku, cityId).ours.set(offer.merchantId, { ...offer });
  }

  addBot(masterSku: string, cityId: string, spec: BotSpec): Bot {
    const l = this.listing(masterSku, cityId);
    const bot = makeBot(spec, this.clock.now(), l.rng);
    l.bots.push(bot);
    return bot;
  }

  /** The offers a buyer sees now, cheapest first (offer-view with sortOption PRICE). */
  offers(masterSku: string, cityId: string): Offer[] {
    const l = this.listing(masterSku, cityId);
    l.advance(this.clock.now());
    const out: Offer[] = [];
    for (const o of l.ours.values()) out.push({ merchantId: o.merchantId, merchantName: o.merchantName, price: o.price, rating: 4.8, reviewsCount: 120, deliveryDuration: 'TOMORROW', kaspiDelivery: true });
    for (const b of l.bots) if (b.present) out.push({ merchantId: b.merchantId, merchantName: b.merchantName, price: b.price, rating: 4.5, reviewsCount: 60, deliveryDuration: b.deliveryDuration, kaspiDelivery: true });
    return out.sort((a, b) => a.price - b.price);
  }

  /** A push Kaspi accepted: shows after the lag. A price under the seller's floor is a violation. */
  acceptPush(merchantId: string, masterSku: string, cityId: string, price: number): void {
    const l = this.listing(masterSku, cityId);
    l.advance(this.clock.now());
    const ours = l.ours.get(merchantId);
    if (!ours) throw new Error(`${merchantId} does not sell ${masterSku} in ${cityId}`);
    if (price < ours.floor || !Number.isInteger(price) || price < 1) this.counters.floorViolations++;
    this.counters.pushes++;
    this.pushLog.push({ at: this.clock.now(), merchantId, masterSku, cityId, price });
    l.pending.push({ merchantId, price, at: this.clock.now() + this.applyLagMs(this.lagRng) });
  }

  /** Our current price and the floor's verdict, for the benchmark's sampler. */
  standing(masterSku: string, cityId: string, merchantId: string): { ourPrice: number; floor: number; first: boolean; winnable: boolean } | null {
    const l = this.listing(masterSku, cityId);
    l.advance(this.clock.now());
    const ours = l.ours.get(merchantId);
    if (!ours) return null;
    let best = Infinity;
    for (const b of l.bots) if (b.present) best = Math.min(best, b.price);
    return { ourPrice: ours.price, floor: ours.floor, first: ours.price < best, winnable: best > ours.floor };
  }

  botsOf(masterSku: string, cityId: string): readonly Bot[] {
    return this.listing(masterSku, cityId).bots;
  }
}
