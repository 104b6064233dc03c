import type { Account, City, MarketOffer, Merchant, Point, Product, ScenarioData } from './model';

export type ChangeListener = (productId: string, source: MarketOffer | null) => void;

/**
 * The market state every host reads: merchants, products and each merchant's offer per product.
 * An offer is on the storefront in a city when one of its availabilities is "yes" at an enabled
 * point in that city and it has a price there (city price, else base price).
 */
export class World {
  readonly cities: City[];
  readonly cityIds: Set<string>;
  readonly merchants = new Map<string, Merchant>();
  readonly accounts: Account[];
  readonly products = new Map<string, Product>();
  readonly points = new Map<string, Point>();
  private readonly byProduct = new Map<string, MarketOffer[]>();
  private readonly byOwnMerchant = new Map<string, MarketOffer[]>();
  private readonly versions = new Map<string, number>();
  private readonly listeners: ChangeListener[] = [];

  constructor(readonly scenario: ScenarioData) {
    this.cities = scenario.cities;
    this.cityIds = new Set(scenario.cities.map((c) => c.id));
    this.accounts = scenario.accounts;
    for (const m of scenario.merchants) {
      this.merchants.set(m.uid, m);
      for (const p of m.points) this.points.set(p.id, p);
    }
    for (const p of scenario.products) this.products.set(p.masterSku, p);
    for (const o of scenario.offers) {
      push(this.byProduct, o.productId, o);
      if (this.merchants.get(o.merchantUid)?.own) push(this.byOwnMerchant, o.merchantUid, o);
    }
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Bumps the product's version (drops cached responses) and tells the bots. */
  changed(productId: string, source: MarketOffer | null): void {
    this.versions.set(productId, (this.versions.get(productId) ?? 0) + 1);
    for (const l of this.listeners) l(productId, source);
  }

  version(productId: string): number {
    return this.versions.get(productId) ?? 0;
  }

  offersOf(productId: string): MarketOffer[] {
    return this.byProduct.get(productId) ?? [];
  }

  ownOffers(merchantUid: string): MarketOffer[] {
    return this.byOwnMerchant.get(merchantUid) ?? [];
  }

  ownOffer(merchantUid: string, sku: string): MarketOffer | undefined {
    return this.ownOffers(merchantUid).find((o) => o.merchantSku === sku);
  }

  /** A new article listed by the merchant (an Excel price-list row matched to a catalogue card). */
  addOwnOffer(o: MarketOffer): void {
    push(this.byProduct, o.productId, o);
    push(this.byOwnMerchant, o.merchantUid, o);
    this.changed(o.productId, o);
  }

  offer(productId: string, merchantUid: string): MarketOffer | undefined {
    return this.offersOf(productId).find((o) => o.merchantUid === merchantUid);
  }

  priceIn(o: MarketOffer, cityId: string): number | null {
    return o.cityPrices.get(cityId) ?? o.basePrice;
  }

  visibleIn(o: MarketOffer, cityId: string): boolean {
    if (o.away || this.priceIn(o, cityId) === null) return false;
    return o.availabilities.some((a) => {
      if (a.available !== 'yes') return false;
      const p = this.points.get(a.storeId);
      return p !== undefined && p.enabled && p.cityId === cityId;
    });
  }

  /** What the storefront lists for a product in a city: cheapest first (§4 sortOption PRICE). */
  offersIn(productId: string, cityId: string): MarketOffer[] {
    return this.offersOf(productId)
      .filter((o) => this.visibleIn(o, cityId))
      .sort((a, b) => (this.priceIn(a, cityId) ?? 0) - (this.priceIn(b, cityId) ?? 0) || (this.merchants.get(b.merchantUid)?.rating ?? 0) - (this.merchants.get(a.merchantUid)?.rating ?? 0));
  }

  /** Sets an offer's price in one city, or its base price (dropping city overrides) for all. */
  setPrice(o: MarketOffer, price: number, cityId?: string): void {
    if (cityId) o.cityPrices.set(cityId, price);
    else {
      o.basePrice = price;
      o.cityPrices.clear();
    }
    o.updatedAt = Date.now();
    this.changed(o.productId, o);
  }

  accountByEmail(email: string): Account | undefined {
    const e = email.trim().toLowerCase();
    return this.accounts.find((a) => a.email?.toLowerCase() === e);
  }

  accountByPhone(phone: string): Account | undefined {
    const digits = phoneDigits(phone);
    return this.accounts.find((a) => a.phone !== undefined && phoneDigits(a.phone) === digits);
  }
}

/** Last 10 digits of a phone, so "+7 (701) 000-00-01", "87010000001" and "7010000001" match. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
