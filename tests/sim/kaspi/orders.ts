import type { SimClock } from './clock';
import { FIRST_NAMES, LAST_NAMES, STREETS } from './names';
import type { MarketOffer, Order, OrderStatus, OrderTab } from './model';
import { Prng } from './prng';
import type { World } from './world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Kazakhstan time (UTC+5, no daylight saving): buyers keep its hours. */
const KZ_OFFSET = 5 * HOUR;
/** How long a new order waits for the seller before Kaspi cancels it (the simulator's choice). */
export const ACCEPT_WINDOW_MS = 2 * HOUR;
/** Past places are drawn per product, city and slot of this length. */
const PAST_SLOT_MS = 4 * HOUR;

/** Official API state for a cabinet tab (§7a tabs vs §7b filter[orders][state]). */
export function officialState(tab: OrderTab): string {
  if (tab.startsWith('KASPI_DELIVERY')) return 'KASPI_DELIVERY';
  if (tab === 'ARCHIVED') return 'ARCHIVE';
  return tab;
}

/** Opaque Base64 ids without padding, like the ids the official API shows (§7b). */
function opaque(n: string): string {
  return Buffer.from(n).toString('base64').replace(/=+$/, '');
}

/**
 * Buyers by hour of the day (Kazakhstan time): quiet at night, busiest in the evening. The mean
 * over a day is about 1, so orderIntervalMs holds for an average hour.
 */
const HOUR_FACTOR = [0.5, 0.4, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 0.9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.3, 1.4, 1.6, 1.6, 1.6, 1.4, 1.0, 0.7];
const PEAK = Math.max(...HOUR_FACTOR);

export function hourFactor(at: number): number {
  return HOUR_FACTOR[Math.floor(((at + KZ_OFFSET) % DAY) / HOUR)] ?? 1;
}

/**
 * Which offer a buyer takes, by its place in the city. Most buyers of a price-led product take the
 * first offer; a product bought for the seller, the delivery or the brand sells further down too.
 */
const SHARE = { led: [0.8, 0.12, 0.05, 0.03], loyal: [0.4, 0.28, 0.2, 0.12] } as const;

export function buyerShare(position: number, priceLed: boolean): number {
  const shares = priceLed ? SHARE.led : SHARE.loyal;
  return shares[Math.min(position, shares.length) - 1] ?? 0;
}

/** What one product in one city weighs in the merchant's demand. */
interface Demand {
  offer: MarketOffer;
  cityId: string;
  weight: number;
  priceLed: boolean;
}

/** A span of time our offer held one place in a city, as the simulator decided the past. */
export interface PastPlace {
  productId: string;
  cityId: string;
  from: number;
  to: number;
  position: number;
  ourPrice: number;
  bestRivalPrice: number;
}

/**
 * Orders of the own merchants. Buyers arrive per merchant as a Poisson stream that follows the
 * hour of the day and each product's popularity; each takes an offer by its place in the city
 * (buyerShare), so most of our orders come from where we are first. Orders walk NEW → accepted
 * (PICKUP / DELIVERY / KASPI_DELIVERY_*) → ARCHIVED over simulated time; some are cancelled,
 * some completed ones come back. The scenario's history is generated the same way over its
 * last days, with past places drawn per product, city and 4-hour slot (pastPlaces shows them).
 */
export class OrderBook {
  readonly orders: Order[] = [];
  /** Codes texted to buyers for completing orders through the shop API (§7b). */
  readonly securityCodes = new Map<string, string>();
  private readonly byMerchant = new Map<string, Order[]>();
  private readonly ids = new Map<string, Order>();
  private readonly demand = new Map<string, { items: Demand[]; cumulative: number[] }>();
  private startedAt = 0;
  private seq = 0;
  /** Told of every order that completes while the simulator runs (buyers then write reviews). */
  onCompleted: ((order: Order) => void) | null = null;

  constructor(
    private readonly world: World,
    private readonly clock: SimClock,
    private readonly rng: Prng,
    private readonly seed: number = 1,
  ) {}

  start(historyPerMerchant: number, historyDays: number, intervalMs: number): void {
    this.startedAt = this.clock.now();
    for (const m of this.world.merchants.values()) {
      if (!m.own) continue;
      this.generateHistory(m.uid, historyPerMerchant, historyDays);
      if (intervalMs > 0) this.scheduleNext(m.uid, intervalMs);
    }
  }

  private demandOf(merchantUid: string): { items: Demand[]; cumulative: number[] } {
    let d = this.demand.get(merchantUid);
    if (d) return d;
    const items: Demand[] = [];
    for (const offer of this.world.ownOffers(merchantUid)) {
      // A product's pull is fixed by the seed: a few sell a lot, most a little.
      const pr = Prng.derive(this.seed, `demand:${offer.productId}`);
      const popularity = 0.05 + pr.float() ** 3 * 3;
      const priceLed = pr.chance(0.7);
      for (const cityId of this.world.cityIds) {
        if (!offer.availabilities.some((a) => this.world.points.get(a.storeId)?.cityId === cityId)) continue;
        const cityWeight = cityId === '750000000' ? 1 : cityId === '710000000' ? 0.7 : 0.35;
        items.push({ offer, cityId, weight: popularity * cityWeight, priceLed });
      }
    }
    let sum = 0;
    const cumulative = items.map((i) => (sum += i.weight));
    d = { items, cumulative };
    this.demand.set(merchantUid, d);
    return d;
  }

  private pickDemand(merchantUid: string, rng: Prng): Demand | null {
    const { items, cumulative } = this.demandOf(merchantUid);
    const total = cumulative.at(-1) ?? 0;
    if (total <= 0) return null;
    const x = rng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] ?? null;
  }

  /** Our place now: the storefront's order (§4 sortOption PRICE); null when not listed there. */
  private livePosition(offer: MarketOffer, cityId: string): number | null {
    if (!this.world.visibleIn(offer, cityId)) return null;
    const i = this.world.offersIn(offer.productId, cityId).indexOf(offer);
    return i < 0 ? null : i + 1;
  }

  /** Our place before the run began, drawn per product, city and 4-hour slot. */
  private pastPlace(offer: MarketOffer, cityId: string, at: number): PastPlace | null {
    const price = this.world.priceIn(offer, cityId);
    if (price === null) return null;
    const slot = Math.floor(at / PAST_SLOT_MS);
    const u = Prng.derive(this.seed, `place:${offer.productId}:${cityId}:${slot}`).float();
    const position = u < 0.6 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 4;
    const gap = Math.max(10, Math.round(price * 0.01 / 10) * 10);
    return {
      productId: offer.productId, cityId, from: slot * PAST_SLOT_MS, to: (slot + 1) * PAST_SLOT_MS, position,
      ourPrice: price, bestRivalPrice: position === 1 ? price + gap : price - gap * (position - 1),
    };
  }

  private positionAt(offer: MarketOffer, cityId: string, at: number): number | null {
    return at >= this.startedAt ? this.livePosition(offer, cityId) : (this.pastPlace(offer, cityId, at)?.position ?? null);
  }

  /** The past places of a merchant's offers over [from, to), merged where nothing changed. */
  pastPlaces(merchantUid: string, from: number, to: number = this.startedAt): PastPlace[] {
    const out: PastPlace[] = [];
    for (const { offer, cityId } of this.demandOf(merchantUid).items) {
      let open: PastPlace | null = null;
      for (let at = Math.floor(from / PAST_SLOT_MS) * PAST_SLOT_MS; at < to; at += PAST_SLOT_MS) {
        const place = this.pastPlace(offer, cityId, at);
        if (!place) continue;
        place.from = Math.max(place.from, from);
        place.to = Math.min(place.to, to);
        if (open && open.position === place.position && open.bestRivalPrice === place.bestRivalPrice) open.to = place.to;
        else {
          if (open) out.push(open);
          open = place;
        }
      }
      if (open) out.push(open);
    }
    return out;
  }

  /** Exactly `count` orders over the last `days`, placed by the same buyers as live ones. */
  private generateHistory(merchantUid: string, count: number, days: number): void {
    if (count <= 0 || days <= 0) return;
    const rng = Prng.derive(this.seed, `history:${merchantUid}`);
    const from = this.startedAt - days * DAY;
    const made: Order[] = [];
    for (let tries = 0; made.length < count && tries < count * 400; tries++) {
      const at = from + rng.float() * (this.startedAt - from);
      if (!rng.chance(hourFactor(at) / PEAK)) continue;
      const order = this.buyerArrives(merchantUid, at, rng);
      if (order) made.push(order);
    }
    const list = this.list(merchantUid);
    list.sort((a, b) => b.creationDate - a.creationDate);
    for (const order of made) this.walk(order, rng);
  }

  private scheduleNext(merchantUid: string, intervalMs: number): void {
    // Candidates come at the peak rate; thinning by the hour keeps it a Poisson stream per hour.
    const gap = (-Math.log(1 - this.rng.float()) * intervalMs) / PEAK;
    this.clock.after(gap, () => {
      const now = this.clock.now();
      if (this.rng.chance(hourFactor(now) / PEAK)) {
        const order = this.buyerArrives(merchantUid, now, this.rng);
        if (order) this.walk(order, this.rng);
      }
      this.scheduleNext(merchantUid, intervalMs);
    });
  }

  /** A buyer of one of the merchant's products in one city; an order when the buyer takes our offer. */
  private buyerArrives(merchantUid: string, at: number, rng: Prng): Order | null {
    const demand = this.pickDemand(merchantUid, rng);
    if (!demand) return null;
    const position = this.positionAt(demand.offer, demand.cityId, at);
    if (position === null || !rng.chance(buyerShare(position, demand.priceLed))) return null;
    return this.add(merchantUid, demand.offer, demand.cityId, at, position, rng);
  }

  /**
   * An order at once (control API): a product the merchant has on sale, chosen the way buyers
   * choose (popularity × share by place); null when nothing is on sale.
   */
  create(merchantUid: string, at: number): Order | null {
    const { items } = this.demandOf(merchantUid);
    const live = items.flatMap((d) => {
      const position = this.livePosition(d.offer, d.cityId);
      return position === null ? [] : [{ d, position, w: d.weight * buyerShare(position, d.priceLed) }];
    });
    const total = live.reduce((s, x) => s + x.w, 0);
    if (total <= 0) return null;
    let x = this.rng.float() * total;
    const pick = live.find((c) => (x -= c.w) < 0) ?? live.at(-1)!;
    const order = this.add(merchantUid, pick.d.offer, pick.d.cityId, at, pick.position, this.rng);
    this.walk(order, this.rng);
    return order;
  }

  private add(merchantUid: string, offer: MarketOffer, cityId: string, at: number, position: number, rng: Prng): Order {
    const price = (at >= this.startedAt ? this.world.priceIn(offer, cityId) : this.pastPlace(offer, cityId, at)?.ourPrice) ?? 1;
    const product = this.world.products.get(offer.productId);
    const city = this.world.cities.find((c) => c.id === cityId);
    const point = this.world.merchants.get(merchantUid)?.points.find((p) => p.cityId === cityId);
    const quantity = rng.chance(0.85) ? 1 : 2;
    const phone = `7${rng.pick(['01', '02', '05', '07', '47', '75', '76', '77'])}${rng.digits(7)}`;
    const n = ++this.seq;
    const id = opaque(String(600_000_000 + rng.int(0, 99_999_999)) + String(n));
    const deliveryMode = rng.pick(['DELIVERY_LOCAL', 'DELIVERY_PICKUP', 'DELIVERY_REGIONAL_TODOOR', 'DELIVERY_REGIONAL_PICKUP'] as const);
    const credit = rng.chance(0.4);
    const signatureRequired = credit && rng.chance(0.3);
    const order: Order = {
      id,
      code: String(500_000_000 + n * 7919 + rng.int(0, 7000)),
      merchantUid,
      tab: signatureRequired ? 'SIGN_REQUIRED' : 'NEW',
      status: 'APPROVED_BY_BANK',
      creationDate: Math.round(at),
      modificationDate: Math.round(at),
      approvedByBankDate: Math.round(at) + rng.int(10, 120) * 1000,
      plannedDeliveryDate: Math.round(at) + rng.int(1, 5) * DAY,
      totalPrice: price * quantity,
      deliveryCost: deliveryMode === 'DELIVERY_PICKUP' ? 0 : rng.pick([0, 500, 1000]),
      paymentMode: credit ? 'PAY_WITH_CREDIT' : 'PREPAID',
      deliveryMode,
      isKaspiDelivery: deliveryMode !== 'DELIVERY_PICKUP' && rng.chance(0.5),
      signatureRequired,
      creditTerm: credit ? rng.pick([3, 6, 12, 24]) : 0,
      preOrder: false,
      pickupPointId: point?.id ?? `${merchantUid}_PP1`,
      cityId,
      customer: { id: opaque(phone), firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES), cellPhone: phone },
      address: { streetName: rng.pick(STREETS), streetNumber: String(rng.int(1, 250)), town: city?.name ?? '', latitude: 43.2 + rng.float() * 0.1, longitude: 76.85 + rng.float() * 0.1 },
      entries: [{ id: opaque(`${id}:0`), productId: offer.productId, merchantSku: offer.merchantSku, name: product?.title ?? offer.model, quantity, basePrice: price, totalPrice: price * quantity, category: product?.category ?? '' }],
      history: [],
      acceptBy: Math.round(at) + ACCEPT_WINDOW_MS,
      position,
    };
    order.history.push({ at: order.creationDate, tab: order.tab, status: order.status });
    this.orders.push(order);
    this.ids.set(id, order);
    const list = this.list(merchantUid);
    if (at >= (list[0]?.creationDate ?? 0)) list.unshift(order);
    else list.push(order);
    return order;
  }

  /**
   * The order's life from its creation: the seller accepts within minutes (a few buyers cancel
   * first), the goods travel for hours or days, most orders complete, a few are cancelled, and a
   * few completed ones are returned. Steps already in the past happen at once with their times;
   * the next one waits on the simulator's clock.
   */
  private walk(order: Order, rng: Prng): void {
    const steps: { after: number; tab: OrderTab; status?: OrderStatus }[] = [];
    if (rng.chance(0.03)) steps.push({ after: rng.int(2, 60) * MINUTE, tab: 'ARCHIVED', status: 'CANCELLED' });
    else {
      steps.push({ after: rng.int(5, 30) * MINUTE, tab: order.isKaspiDelivery ? 'KASPI_DELIVERY_CARGO_ASSEMBLY' : order.deliveryMode === 'DELIVERY_PICKUP' ? 'PICKUP' : 'DELIVERY' });
      if (order.isKaspiDelivery) {
        steps.push({ after: rng.int(1, 4) * HOUR, tab: 'KASPI_DELIVERY_WAIT_FOR_COURIER' });
        steps.push({ after: rng.int(1, 6) * HOUR, tab: 'KASPI_DELIVERY_TRANSMITTED' });
      }
      const roll = rng.float();
      if (roll < 0.05) steps.push({ after: rng.int(2, 30) * HOUR, tab: 'ARCHIVED', status: 'CANCELLED' });
      else if (roll < 0.06 && order.isKaspiDelivery) {
        steps.push({ after: rng.int(4, 30) * HOUR, tab: 'KASPI_DELIVERY_RETURN_REQUEST' });
        steps.push({ after: rng.int(1, 3) * DAY, tab: 'ARCHIVED', status: 'RETURNED' });
      } else {
        steps.push({ after: rng.int(2, 48) * HOUR, tab: 'ARCHIVED', status: 'COMPLETED' });
        if (rng.chance(0.03)) steps.push({ after: rng.int(1, 7) * DAY, tab: 'ARCHIVED', status: 'RETURNED' });
      }
    }
    const next = (i: number, from: number): void => {
      const step = steps[i];
      if (!step) return;
      const at = from + step.after;
      const apply = (): void => {
        // The seller (or Kaspi) may have moved the order meanwhile: only a live plan goes on.
        if (order.tab === 'ARCHIVED' && step.status !== 'RETURNED') return;
        if (step.status === 'RETURNED' && order.status !== 'COMPLETED' && order.tab !== 'KASPI_DELIVERY_RETURN_REQUEST') return;
        // Already there (the seller accepted through the API first): nothing to record twice.
        if (!(order.tab === step.tab && (step.status === undefined || order.status === step.status))) this.move(order, step.tab, step.status, Math.min(at, this.clock.now()));
        next(i + 1, at);
      };
      if (at <= this.clock.now()) apply();
      else this.clock.after(at - this.clock.now(), apply);
    };
    next(0, order.creationDate);
  }

  move(order: Order, tab: OrderTab, finalStatus?: OrderStatus, at: number = this.clock.now()): void {
    order.tab = tab;
    order.status =
      tab === 'NEW' || tab === 'SIGN_REQUIRED' ? 'APPROVED_BY_BANK'
      : tab === 'KASPI_DELIVERY_RETURN_REQUEST' ? 'KASPI_DELIVERY_RETURN_REQUESTED'
      : tab === 'ARCHIVED' ? (finalStatus ?? 'COMPLETED')
      : 'ACCEPTED_BY_MERCHANT';
    order.modificationDate = Math.max(at, order.creationDate);
    order.history.push({ at: order.modificationDate, tab, status: order.status });
    if (order.status === 'COMPLETED' && at >= this.startedAt) this.onCompleted?.(order);
  }

  private list(merchantUid: string): Order[] {
    let list = this.byMerchant.get(merchantUid);
    if (!list) this.byMerchant.set(merchantUid, (list = []));
    return list;
  }

  /** Newest first. The list itself: callers must not change it. */
  forMerchant(merchantUid: string): readonly Order[] {
    return this.byMerchant.get(merchantUid) ?? [];
  }

  /** Created within [from, to] (inclusive), newest first. */
  createdBetween(merchantUid: string, from: number, to: number): Order[] {
    const list = this.forMerchant(merchantUid);
    // Newest first: the first index created at or before `to`, then walk while at or after `from`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.creationDate ?? 0) > to) lo = mid + 1;
      else hi = mid;
    }
    const out: Order[] = [];
    for (let i = lo; i < list.length && (list[i]?.creationDate ?? 0) >= from; i++) out.push(list[i]!);
    return out;
  }

  byCode(merchantUid: string, code: string): Order | undefined {
    return this.forMerchant(merchantUid).find((o) => o.code === code);
  }

  byId(id: string): Order | undefined {
    return this.ids.get(id);
  }
}
