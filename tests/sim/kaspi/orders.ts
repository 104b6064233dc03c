import type { SimClock } from './clock';
import { FIRST_NAMES, LAST_NAMES, STREETS } from './names';
import type { MarketOffer, Order, OrderStatus, OrderTab } from './model';
import type { Prng } from './prng';
import type { World } from './world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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
 * Orders of the own merchants: a seeded initial set spread over the tabs, then new orders
 * arriving over time that walk NEW → accepted (PICKUP / DELIVERY / KASPI_DELIVERY_*) → ARCHIVED.
 */
export class OrderBook {
  readonly orders: Order[] = [];
  /** Codes texted to buyers for completing orders through the shop API (§7b). */
  readonly securityCodes = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly world: World,
    private readonly clock: SimClock,
    private readonly rng: Prng,
  ) {}

  start(initialPerMerchant: number, intervalMs: number): void {
    const tabs: OrderTab[] = ['NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY_CARGO_ASSEMBLY', 'KASPI_DELIVERY_WAIT_FOR_COURIER', 'KASPI_DELIVERY_TRANSMITTED', 'ARCHIVED', 'ARCHIVED'];
    for (const m of this.world.merchants.values()) {
      if (!m.own) continue;
      for (let i = 0; i < initialPerMerchant; i++) {
        const tab = tabs[i % tabs.length] as OrderTab;
        const order = this.create(m.uid, this.clock.now() - this.rng.int(1, 72) * HOUR);
        if (order) this.move(order, tab, tab === 'ARCHIVED' ? (this.rng.chance(0.8) ? 'COMPLETED' : 'CANCELLED') : undefined);
      }
      if (intervalMs > 0) this.scheduleNext(m.uid, intervalMs);
    }
  }

  private scheduleNext(merchantUid: string, intervalMs: number): void {
    // Exponential gaps: orders arrive as a Poisson stream.
    const gap = -Math.log(1 - this.rng.float()) * intervalMs;
    this.clock.after(gap, () => {
      const order = this.create(merchantUid, this.clock.now());
      if (order) this.scheduleProgress(order);
      this.scheduleNext(merchantUid, intervalMs);
    });
  }

  /** The seller accepts after a while; the order is completed hours later. */
  private scheduleProgress(order: Order): void {
    this.clock.after(this.rng.int(5, 30) * MINUTE, () => {
      if (order.tab !== 'NEW' && order.tab !== 'SIGN_REQUIRED') return;
      this.move(order, order.isKaspiDelivery ? 'KASPI_DELIVERY_CARGO_ASSEMBLY' : order.deliveryMode === 'DELIVERY_PICKUP' ? 'PICKUP' : 'DELIVERY');
      this.clock.after(this.rng.int(2, 24) * HOUR, () => {
        if (order.tab !== 'ARCHIVED') this.move(order, 'ARCHIVED', 'COMPLETED');
      });
    });
  }

  move(order: Order, tab: OrderTab, finalStatus?: OrderStatus): void {
    order.tab = tab;
    order.status =
      tab === 'NEW' || tab === 'SIGN_REQUIRED' ? 'APPROVED_BY_BANK'
      : tab === 'KASPI_DELIVERY_RETURN_REQUEST' ? 'KASPI_DELIVERY_RETURN_REQUESTED'
      : tab === 'ARCHIVED' ? (finalStatus ?? 'COMPLETED')
      : 'ACCEPTED_BY_MERCHANT';
    order.modificationDate = Math.max(this.clock.now(), order.creationDate);
  }

  /** A new order for one of the merchant's offers that is on sale; null when none is. */
  create(merchantUid: string, at: number): Order | null {
    const onSale: { offer: MarketOffer; cityId: string; price: number }[] = [];
    for (const o of this.world.ownOffers(merchantUid)) {
      for (const cityId of this.world.cityIds) {
        const price = this.world.priceIn(o, cityId);
        if (price !== null && this.world.visibleIn(o, cityId)) onSale.push({ offer: o, cityId, price });
      }
    }
    if (onSale.length === 0) return null;
    const pick = this.rng.pick(onSale);
    const product = this.world.products.get(pick.offer.productId);
    const city = this.world.cities.find((c) => c.id === pick.cityId);
    const point = this.world.merchants.get(merchantUid)?.points.find((p) => p.cityId === pick.cityId);
    const quantity = this.rng.chance(0.85) ? 1 : 2;
    const phone = `7${this.rng.pick(['01', '02', '05', '07', '47', '75', '76', '77'])}${this.rng.digits(7)}`;
    const n = ++this.seq;
    const id = opaque(String(600_000_000 + this.rng.int(0, 99_999_999)) + String(n));
    const deliveryMode = this.rng.pick(['DELIVERY_LOCAL', 'DELIVERY_PICKUP', 'DELIVERY_REGIONAL_TODOOR', 'DELIVERY_REGIONAL_PICKUP'] as const);
    const credit = this.rng.chance(0.4);
    const deliveryCost = deliveryMode === 'DELIVERY_PICKUP' ? 0 : this.rng.pick([0, 500, 1000]);
    const order: Order = {
      id,
      code: String(500_000_000 + this.rng.int(0, 499_999_999)),
      merchantUid,
      tab: 'NEW',
      status: 'APPROVED_BY_BANK',
      creationDate: at,
      modificationDate: at,
      approvedByBankDate: at + this.rng.int(10, 120) * 1000,
      plannedDeliveryDate: at + this.rng.int(1, 5) * 24 * HOUR,
      totalPrice: pick.price * quantity,
      deliveryCost,
      paymentMode: credit ? 'PAY_WITH_CREDIT' : 'PREPAID',
      deliveryMode,
      isKaspiDelivery: this.rng.chance(0.4),
      signatureRequired: credit && this.rng.chance(0.3),
      creditTerm: credit ? this.rng.pick([3, 6, 12, 24]) : 0,
      preOrder: false,
      pickupPointId: point?.id ?? `${merchantUid}_PP1`,
      cityId: pick.cityId,
      customer: { id: opaque(phone), firstName: this.rng.pick(FIRST_NAMES), lastName: this.rng.pick(LAST_NAMES), cellPhone: phone },
      address: { streetName: this.rng.pick(STREETS), streetNumber: String(this.rng.int(1, 250)), town: city?.name ?? '', latitude: 43.2 + this.rng.float() * 0.1, longitude: 76.85 + this.rng.float() * 0.1 },
      entries: [{ id: opaque(`${id}:0`), productId: pick.offer.productId, merchantSku: pick.offer.merchantSku, name: product?.title ?? pick.offer.model, quantity, basePrice: pick.price, totalPrice: pick.price * quantity, category: product?.category ?? '' }],
    };
    if (order.signatureRequired) order.tab = 'SIGN_REQUIRED';
    this.orders.push(order);
    return order;
  }

  forMerchant(merchantUid: string): Order[] {
    return this.orders.filter((o) => o.merchantUid === merchantUid).sort((a, b) => b.creationDate - a.creationDate);
  }

  byCode(merchantUid: string, code: string): Order | undefined {
    return this.orders.find((o) => o.merchantUid === merchantUid && o.code === code);
  }

  byId(id: string): Order | undefined {
    return this.orders.find((o) => o.id === id);
  }
}
