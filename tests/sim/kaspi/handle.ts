import type { Fault, FaultInput } from './faults';
import type { Limits, LimitsPatch } from './limits';
import type { Order, OrderStatus, OrderTab, Review } from './model';
import type { PastPlace } from './orders';
import type { McSession, SmsRecord } from './sessions';
import type { PushRecord, SimState, SimUrls } from './sim-state';

/**
 * The typed in-process handle: the same operations as the control API, for tests that start the
 * simulator in their own process. Every method reads the current state, so it survives reloads.
 */
export interface OfferView {
  merchantId: string;
  merchantName: string;
  merchantSku: string;
  price: number;
  own: boolean;
}

export interface ScenarioInfo {
  name: string;
  seed: number;
  timeScale: number;
  cities: { id: string; name: string }[];
  accounts: { email?: string; password?: string; phone?: string; mfa: boolean; merchantUids: string[] }[];
  merchants: { uid: string; name: string; own: boolean; apiToken?: string; points: { id: string; name: string; cityId: string }[] }[];
  productCount: number;
  /** Listed for scenarios with at most 500 products. */
  products?: { masterSku: string; title: string; offers: { merchantUid: string; sku: string; bot: string | null }[] }[];
}

export class SimHandle {
  constructor(private readonly sim: SimState) {}

  get urls(): SimUrls {
    return this.sim.urls;
  }

  /** The raw state, for tests that need more than the control operations. */
  get state(): SimState {
    return this.sim;
  }

  loadScenario(name: string, seed?: number): ScenarioInfo {
    this.sim.load(name, seed ?? this.sim.seed);
    return this.scenario();
  }

  reset(): ScenarioInfo {
    this.sim.reset();
    return this.scenario();
  }

  scenario(): ScenarioInfo {
    const w = this.sim.world;
    const info: ScenarioInfo = {
      name: this.sim.scenarioName,
      seed: this.sim.seed,
      timeScale: this.sim.clock.timeScale,
      cities: w.cities.map((c) => ({ ...c })),
      accounts: w.accounts.map((a) => ({ email: a.email, password: a.password, phone: a.phone, mfa: a.mfa, merchantUids: [...a.merchantUids] })),
      merchants: [...w.merchants.values()].map((m) => ({ uid: m.uid, name: m.name, own: m.own, apiToken: m.apiToken, points: m.points.map((p) => ({ id: p.id, name: p.name, cityId: p.cityId })) })),
      productCount: w.products.size,
    };
    if (w.products.size <= 500) {
      info.products = [...w.products.values()].map((p) => ({
        masterSku: p.masterSku,
        title: p.title,
        offers: w.offersOf(p.masterSku).map((o) => ({ merchantUid: o.merchantUid, sku: o.merchantSku, bot: o.bot?.kind ?? null })),
      }));
    }
    return info;
  }

  /** Product ids and titles, paged (every scenario, however large). */
  products(offset = 0, limit = 1000): { total: number; products: { masterSku: string; title: string }[] } {
    const all = [...this.sim.world.products.values()];
    return { total: all.length, products: all.slice(offset, offset + limit).map((p) => ({ masterSku: p.masterSku, title: p.title })) };
  }

  /** What the storefront shows for a product in a city, without limits or header checks. */
  offers(productId: string, cityId: string): OfferView[] {
    const w = this.sim.world;
    return w.offersIn(productId, cityId).map((o) => ({
      merchantId: o.merchantUid,
      merchantName: w.merchants.get(o.merchantUid)?.name ?? '',
      merchantSku: o.merchantSku,
      price: w.priceIn(o, cityId) ?? 0,
      own: w.merchants.get(o.merchantUid)?.own ?? false,
    }));
  }

  /** Moves one merchant's price (all cities, or one). Bots react to it like to any change. */
  setPrice(input: { productId: string; merchantUid: string; price: number; cityId?: string }): void {
    const offer = this.sim.world.offer(input.productId, input.merchantUid);
    if (!offer) throw new Error(`merchant ${input.merchantUid} has no offer for product ${input.productId}`);
    if (!Number.isInteger(input.price) || input.price < 1) throw new Error('price must be a positive integer (whole tenge)');
    this.sim.world.setPrice(offer, input.price, input.cityId);
  }

  /** Takes an offer off the storefront (or back), as a seller leaving and returning. */
  setAway(input: { productId: string; merchantUid: string; away: boolean }): void {
    const offer = this.sim.world.offer(input.productId, input.merchantUid);
    if (!offer) throw new Error(`merchant ${input.merchantUid} has no offer for product ${input.productId}`);
    offer.away = input.away;
    this.sim.world.changed(offer.productId, offer);
  }

  /** Expires cabinet sessions now, or after N more requests each (and, with includeNew, new ones too). */
  expireSessions(filter: { login?: string; merchantUid?: string; afterRequests?: number; includeNew?: boolean } = {}): number {
    const account = filter.login ? (this.sim.world.accountByEmail(filter.login) ?? this.sim.world.accountByPhone(filter.login)) : undefined;
    if (filter.login && !account) throw new Error(`no account ${filter.login}`);
    return this.sim.sessions.expire({ accountId: account?.id, merchantUid: filter.merchantUid, afterRequests: filter.afterRequests, includeNew: filter.includeNew });
  }

  sessions(): McSession[] {
    return this.sim.sessions.list();
  }

  addFault(input: FaultInput): Fault {
    return this.sim.faults.add(input);
  }

  removeFault(id: string): boolean {
    return this.sim.faults.remove(id);
  }

  clearFaults(): void {
    this.sim.faults.clear();
  }

  faults(): Fault[] {
    return this.sim.faults.list();
  }

  /** The last code sent to an account (email or phone in any format), or null. */
  lastSms(login: string): SmsRecord | null {
    const account = this.sim.world.accountByEmail(login) ?? this.sim.world.accountByPhone(login);
    return account ? (this.sim.sessions.lastSms(account.id) ?? null) : null;
  }

  lastSmsCode(login: string): string | null {
    return this.lastSms(login)?.code ?? null;
  }

  pushes(filter: { merchantUid?: string; sku?: string } = {}): PushRecord[] {
    return this.sim.pushes.filter((p) => (!filter.merchantUid || p.merchantUid === filter.merchantUid) && (!filter.sku || p.sku === filter.sku)).map((p) => ({ ...p }));
  }

  limits(): Limits {
    return this.sim.limits;
  }

  setLimits(patch: LimitsPatch): Limits {
    return this.sim.setLimits(patch);
  }

  /** Current per-IP offer bans and per-merchant push blocks, in real milliseconds left. */
  bans(): { offers: { key: string; remainingMs: number }[]; pushes: { key: string; remainingMs: number }[] } {
    const now = this.sim.clock.now();
    return { offers: this.sim.offerBans.list(now), pushes: this.sim.pushBlocks.list(now) };
  }

  clearBans(): void {
    this.sim.offerBans.clear();
    this.sim.offerHits.clear();
    this.sim.pushBlocks.clear();
    this.sim.pushHits.clear();
    this.sim.changeHits.clear();
    this.sim.shopApiHits.clear();
  }

  /** Moves an order to a cabinet tab now (the seller or Kaspi did it): its history and the shop API show it. */
  moveOrder(merchantUid: string, code: string, tab: OrderTab, status?: OrderStatus): Order {
    const order = this.sim.orders.byCode(merchantUid, code);
    if (!order) throw new Error(`no order ${code} of merchant ${merchantUid}`);
    this.sim.orders.move(order, tab, status, this.sim.clock.now());
    return order;
  }

  /** A review written now on the storefront (§8), by a buyer of the merchant. */
  addReview(input: { productId: string; merchantUid: string; rating: number; text?: string; author?: string; orderNumber?: string }): Review {
    const merchant = this.sim.world.merchants.get(input.merchantUid);
    if (!merchant) throw new Error(`no merchant ${input.merchantUid}`);
    if (!this.sim.world.products.has(input.productId)) throw new Error(`no product ${input.productId}`);
    return this.sim.reviews.add(input.productId, { author: input.author ?? 'Покупатель', rating: input.rating, text: input.text ?? '', plus: '', minus: '', merchantUid: merchant.uid, merchantName: merchant.name, orderNumber: input.orderNumber ?? '' }, this.sim.clock.now());
  }

  createOrder(merchantUid: string): Order {
    const order = this.sim.orders.create(merchantUid, this.sim.clock.now());
    if (!order) throw new Error(`merchant ${merchantUid} has nothing on sale`);
    return order;
  }

  /**
   * Where the merchant's offers stood before the run began (the past the order history was drawn
   * from), e.g. for a demo that shows what a bot watching those days would have recorded.
   */
  pastPlaces(merchantUid: string, sinceMs: number): PastPlace[] {
    return this.sim.orders.pastPlaces(merchantUid, sinceMs);
  }

  orders(merchantUid?: string): Order[] {
    return merchantUid ? [...this.sim.orders.forMerchant(merchantUid)] : [...this.sim.orders.orders];
  }
}
