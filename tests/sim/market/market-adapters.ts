import type { Offer } from '../../../src-shared/domain/offer';
import type { OfferQuery, OfferSource, PricePusher, PushRequest, SessionKeeper } from '../../../src-main/demper/ports';
import { KaspiError } from '../../../src-main/demper/ports';
import type { Market } from './market';

/** Kaspi's measured limits (kaspi-api.md §10): what the market punishes, and counts as a violation. */
export interface MarketLimits {
  offersPerSecondPerIp: number;
  ipBanMs: number;
  pushesPerSecond: number;
  pushWindowLimit: number;
  pushWindowMs: number;
  accountBlockMs: number;
}

export const KASPI_LIMITS: MarketLimits = {
  offersPerSecondPerIp: 10,
  ipBanMs: 10_000,
  pushesPerSecond: 2,
  pushWindowLimit: 250,
  pushWindowMs: 30 * 60_000,
  accountBlockMs: 30 * 60_000,
};

/** Counts requests in (now - windowMs, now]. */
class Window {
  private readonly times: number[] = [];
  constructor(private readonly windowMs: number) {}
  add(now: number): number {
    this.times.push(now);
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    return this.times.length;
  }
}

/** A fault a test injects: throw this error; for pushes, optionally after Kaspi already took the push. */
export type OfferFault = (q: OfferQuery, lane: string) => Error | null;
export type PushFault = (r: PushRequest) => { error: Error; applied: boolean } | null;

export class MarketOfferSource implements OfferSource {
  private readonly perLane = new Map<string, { window: Window; bannedUntil: number }>();
  fault: OfferFault | null = null;
  /** masterSku is all the market needs; the engine's productId is ignored as on Kaspi. */
  constructor(
    private readonly market: Market,
    private readonly laneIds: readonly string[] = ['direct'],
    private readonly limits: MarketLimits = KASPI_LIMITS,
    private readonly latencyMs = 0,
  ) {}

  lanes(): readonly string[] {
    return this.laneIds;
  }

  async fetchOffers(q: OfferQuery, lane: string): Promise<Offer[]> {
    const { clock } = this.market;
    let l = this.perLane.get(lane);
    if (!l) this.perLane.set(lane, (l = { window: new Window(1000), bannedUntil: 0 }));
    const now = clock.now();
    this.market.counters.offerRequests++;
    if (l.window.add(now) > this.limits.offersPerSecondPerIp) {
      this.market.counters.budgetViolations++;
      l.bannedUntil = now + this.limits.ipBanMs;
    }
    if (l.bannedUntil > now) throw new KaspiError('ip-banned', 'HTTP 403', l.bannedUntil - now, 403);
    const f = this.fault?.(q, lane);
    if (f) throw f;
    if (this.latencyMs > 0) await clock.sleep(this.latencyMs);
    return this.market.offers(q.masterSku, q.cityId);
  }
}

export class MarketPricePusher implements PricePusher, SessionKeeper {
  private readonly perAccount = new Map<string, { second: Window; window: Window; blockedUntil: number }>();
  private readonly expired = new Set<number>();
  private jobs = 0;
  fault: PushFault | null = null;
  relogins: number[] = [];
  /** Store ids whose re-login fails (the password changed). */
  readonly loginBroken = new Set<number>();

  constructor(
    private readonly market: Market,
    /** productId → masterSku, as the cabinet knows the offer by its SKU. */
    private readonly masterSkuOf: (productId: number) => string,
    private readonly limits: MarketLimits = KASPI_LIMITS,
    /** How long a push takes to reach Kaspi (and as long again for the answer to come back). */
    private readonly latencyMs: number | (() => number) = 0,
  ) {}

  expireSession(storeId: number): void {
    this.expired.add(storeId);
  }

  async relogin(storeId: number): Promise<void> {
    this.relogins.push(storeId);
    if (this.loginBroken.has(storeId)) throw new KaspiError('session-expired', 'wrong password');
    this.expired.delete(storeId);
  }

  /** When the account's 429 block ends (0 when it is not blocked). */
  blockedUntil(merchantId: string): number {
    return this.perAccount.get(merchantId)?.blockedUntil ?? 0;
  }

  async push(r: PushRequest): Promise<{ jobId: string }> {
    const { clock } = this.market;
    const latency = typeof this.latencyMs === 'function' ? this.latencyMs() : this.latencyMs;
    // Kaspi counts a push when the request reaches it, not when the client sent it.
    if (latency > 0) await clock.sleep(latency);
    const now = clock.now();
    if (this.expired.has(r.storeId)) throw new KaspiError('session-expired', 'HTTP 401', null, 401);
    let a = this.perAccount.get(r.merchantId);
    if (!a) this.perAccount.set(r.merchantId, (a = { second: new Window(1000), window: new Window(this.limits.pushWindowMs), blockedUntil: 0 }));
    const overRate = a.second.add(now) > this.limits.pushesPerSecond;
    const overWindow = a.window.add(now) > this.limits.pushWindowLimit;
    if (overRate || overWindow || a.blockedUntil > now) {
      this.market.counters.budgetViolations++;
      const until = Math.max(a.blockedUntil, now + this.limits.accountBlockMs);
      this.market.counters.blockedMs += until - Math.max(a.blockedUntil, now);
      a.blockedUntil = until;
      throw new KaspiError('account-blocked', 'HTTP 429', a.blockedUntil - now, 429);
    }
    const f = this.fault?.(r);
    if (f && !f.applied) throw f.error;
    for (const c of r.cityPrices) this.market.acceptPush(r.merchantId, this.masterSkuOf(r.productId), c.cityId, c.price);
    if (latency > 0) await clock.sleep(latency);
    if (f) throw f.error;
    return { jobId: `job-${++this.jobs}` };
  }
}
