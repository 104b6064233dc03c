import { DELIVERY_DURATIONS, type DeliveryDuration } from '../../../src-shared/domain/offer';
import { Prng } from './prng';
import { CATALOG, COMPETITOR_NAMES, citiesByCount } from './names';
import type { Account, Availability, BotStrategy, City, MarketOffer, Merchant, Point, Product, ScenarioData } from './model';

/**
 * Scenarios: the worlds the simulator can load. Credentials and merchant ids below are fixed
 * (independent of the seed) so that other tests can log in; prices, competitors and orders
 * come from the seed. Documented in README.md.
 */
export const SCENARIO_NAMES = ['small', 'demo', 'bench'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIO_CREDENTIALS = {
  small: {
    merchantUid: '30000001',
    /** Email + password, no code step. */
    owner: { email: 'owner@small.test', password: 'small-pass-1' },
    /** Email + password, then a code in #sms_code_field / `_m_c` (read it from the control API). */
    mfa: { email: 'mfa@small.test', password: 'small-pass-2' },
    /** Phone + SMS code (§1b, §1c). */
    phone: { phone: '+7 (701) 000-00-01' },
    apiToken: token('small', '30000001'),
  },
  demo: {
    merchantUids: ['30067228', '30067229'],
    /** Store 1 only, no code step. */
    owner: { email: 'demo@demper.test', password: 'demo-pass', merchantUids: ['30067228'] },
    /** Store 2 only, with a code step. */
    second: { email: 'second@demper.test', password: 'demo-pass', merchantUids: ['30067229'] },
    /** Both stores (one phone login, several shops: §2). */
    phone: { phone: '+7 (777) 000-00-02', merchantUids: ['30067228', '30067229'] },
    apiTokens: { '30067228': token('demo', '30067228'), '30067229': token('demo', '30067229') },
  },
  bench: {
    merchantUid: '30090001',
    owner: { email: 'bench@demper.test', password: 'bench-pass' },
    apiToken: token('bench', '30090001'),
  },
} as const;

/** ~44-char Base64 ending in "=", like Kaspi's API token (§7b). */
function token(scenario: string, uid: string): string {
  return Buffer.from(`sim-${scenario}-${uid}-api-token-0123`).toString('base64').slice(0, 43) + '=';
}

export function buildScenario(name: string, seed: number): ScenarioData {
  switch (name) {
    case 'small':
      return buildSmall(seed);
    case 'demo':
      return buildGenerated('demo', seed, {
        cityCount: 5,
        productCount: 200,
        stores: [
          { uid: '30067228', name: 'ИП FIRST PROJECT', share: 0.75 },
          { uid: '30067229', name: 'Demper Demo Store', share: 0.45 },
        ],
        accounts: [
          { id: 'demo-owner', email: SCENARIO_CREDENTIALS.demo.owner.email, password: SCENARIO_CREDENTIALS.demo.owner.password, mfa: false, merchantUids: ['30067228'], name: 'Demo Owner' },
          { id: 'demo-second', email: SCENARIO_CREDENTIALS.demo.second.email, password: SCENARIO_CREDENTIALS.demo.second.password, mfa: true, merchantUids: ['30067229'], name: 'Demo Second' },
          { id: 'demo-phone', phone: SCENARIO_CREDENTIALS.demo.phone.phone, mfa: false, merchantUids: ['30067228', '30067229'], name: 'Demo Phone' },
        ],
        competitorPool: 16,
        competitorsPerProduct: [3, 7],
        lively: true,
        orderIntervalMs: 4 * 60_000,
        // A few days of history, so the orders and analytics pages have something on first open.
        initialOrdersPerMerchant: 150,
        historyDays: 4,
      });
    case 'bench':
      return buildGenerated('bench', seed, {
        cityCount: 1,
        productCount: 10_000,
        stores: [{ uid: '30090001', name: 'Bench Store', share: 1 }],
        accounts: [{ id: 'bench-owner', email: SCENARIO_CREDENTIALS.bench.owner.email, password: SCENARIO_CREDENTIALS.bench.owner.password, mfa: false, merchantUids: ['30090001'], name: 'Bench Owner' }],
        competitorPool: 10,
        competitorsPerProduct: [3, 6],
        lively: false,
        orderIntervalMs: 0,
        // orders_sync_10k_s: ten thousand orders over the last two months.
        initialOrdersPerMerchant: 10_000,
        historyDays: 60,
      });
    default:
      throw new Error(`unknown scenario "${name}" (known: ${SCENARIO_NAMES.join(', ')})`);
  }
}

function points(uid: string, cities: City[]): Point[] {
  return cities.map((c, i) => ({ id: `${uid}_PP${i + 1}`, name: `PP${i + 1}`, cityId: c.id, enabled: true, virtual: false }));
}

function availabilities(merchant: Merchant, cityIds: string[], stock: number | null, available: 'yes' | 'no' = 'yes'): Availability[] {
  return merchant.points
    .filter((p) => cityIds.includes(p.cityId))
    .map((p) => ({ storeId: p.id, available, stockCount: stock, preOrder: 0 }));
}

function offer(o: Partial<MarketOffer> & Pick<MarketOffer, 'productId' | 'merchantUid' | 'merchantSku' | 'model' | 'availabilities'>): MarketOffer {
  return {
    basePrice: null,
    cityPrices: new Map(),
    deliveryByCity: new Map(),
    kaspiDelivery: true,
    purchaseCount: 0,
    away: false,
    bot: null,
    updatedAt: Date.now(),
    ...o,
  };
}

function deliveryFor(cities: City[], d: DeliveryDuration): Map<string, DeliveryDuration> {
  return new Map(cities.map((c) => [c.id, d]));
}

/** A hand-made world whose every product has one documented role (README "small"). */
function buildSmall(seed: number): ScenarioData {
  const cities = citiesByCount(2);
  const [almaty] = cities as [City, City];
  const creds = SCENARIO_CREDENTIALS.small;
  const own: Merchant = { uid: creds.merchantUid, name: 'ИП Тестовый магазин', rating: 4.7, reviewsQuantity: 312, own: true, points: points(creds.merchantUid, cities), apiToken: creds.apiToken, segmentId: 'SMALL' };
  const names = ['ТехноМир', 'Gadget KZ', 'Smart Store Almaty', 'Электроника 24', 'ИП Ахметов', 'BestPrice KZ'];
  const rivals: Merchant[] = names.map((name, i) => ({ uid: `3100000${i + 1}`, name, rating: [4.9, 4.6, 4.8, 4.2, 3.9, 4.5][i] ?? 4.5, reviewsQuantity: [1523, 87, 640, 45, 12, 230][i] ?? 10, own: false, points: points(`3100000${i + 1}`, cities), segmentId: 'SMALL' }));
  const r = (i: number): Merchant => rivals[i] as Merchant;
  const products: Product[] = [];
  const offers: MarketOffer[] = [];
  const allCityIds = cities.map((c) => c.id);
  const roles: { title: string; ownPrice: number; build: (p: Product) => void; ownCities?: string[]; ownAvailable?: 'yes' | 'no'; ownCityPrices?: Record<string, number>; ownOffSaleIn?: string[] }[] = [];
  const rival = (p: Product, m: Merchant, price: number, bot: BotStrategy | null, extra: Partial<MarketOffer> = {}): void => {
    offers.push(offer({ productId: p.masterSku, merchantUid: m.uid, merchantSku: `R${m.uid.slice(-2)}-${p.masterSku}`, model: p.title, availabilities: availabilities(m, extra.availabilities ? [] : allCityIds, 10), basePrice: price, deliveryByCity: deliveryFor(cities, 'TOMORROW'), bot, ...extra }));
  };
  const undercut = (floor: number, ceil: number, step = 1, reactMs = 30_000): BotStrategy => ({ kind: 'undercut', step, floor, ceil, reactMs });
  roles.push(
    { title: 'Apple iPhone 15 128Gb черный', ownPrice: 400_000, build: (p) => rival(p, r(0), 399_500, null) },
    { title: 'Samsung Galaxy A55 8/256Gb синий', ownPrice: 180_000, build: (p) => rival(p, r(1), 179_900, undercut(177_000, 200_000)) },
    { title: 'Xiaomi Redmi Note 13 8/256Gb серый', ownPrice: 110_000, build: (p) => rival(p, r(2), 109_000, { kind: 'slow', step: 10, floor: 105_000, ceil: 125_000, reactMs: 5 * 60_000 }) },
    { title: 'Sony WH-1000XM5 черный', ownPrice: 150_000, build: (p) => rival(p, r(3), 149_000, { kind: 'random-walk', periodMs: 2 * 60_000, maxStep: 500, floor: 140_000, ceil: 160_000 }) },
    { title: 'JBL Tune 520BT белый', ownPrice: 20_000, build: (p) => rival(p, r(4), 19_000, { kind: 'leaver', presentMs: 10 * 60_000, awayMs: 5 * 60_000 }) },
    { title: 'Lenovo IdeaPad 3 16/512Gb', ownPrice: 300_000, build: () => undefined },
    { title: 'Philips HD9252 черный', ownPrice: 45_000, ownCities: [almaty.id], build: (p) => rival(p, r(0), 44_000, null, { availabilities: availabilities(r(0), [almaty.id], 5) }) },
    { title: 'Tefal Optigrill стальной', ownPrice: 70_000, ownAvailable: 'no', build: (p) => rival(p, r(0), 69_000, null) },
    { title: 'Samsung UE43 43"', ownPrice: 0, ownCityPrices: { '750000000': 160_000, '710000000': 165_000 }, build: (p) => { rival(p, r(0), 158_000, null); rival(p, r(5), 163_000, null); } },
    {
      title: 'Dyson V15 серый', ownPrice: 350_000, build: (p) => {
        const durations: DeliveryDuration[] = ['TODAY', 'TOMORROW', 'TILL_3_DAYS', 'TILL_5_DAYS', 'TILL_7_DAYS'];
        durations.forEach((d, i) => rival(p, r(i), 345_000 + i * 2_000, null, { deliveryByCity: deliveryFor(cities, d), kaspiDelivery: i < 3 }));
      },
    },
    // City prices in both cities, but the only point in Астана is off sale: listed in Алматы only.
    { title: 'Redmond RMC-M90 белый', ownPrice: 0, ownCityPrices: { '750000000': 30_000, '710000000': 30_500 }, ownOffSaleIn: ['710000000'], build: (p) => rival(p, r(5), 30_000, null) },
    { title: 'Honor X9b 12/256Gb черный', ownPrice: 140_000, build: (p) => { rival(p, r(1), 139_000, undercut(138_500, 150_000)); rival(p, r(0), 137_000, null); } },
  );
  roles.forEach((role, i) => {
    const p: Product = { masterSku: String(100_000_001 + i), title: role.title, brand: role.title.split(' ')[0] ?? 'Brand', category: i < 3 || i === 11 ? 'Smartphones' : 'Electronics', images: [`h${i}/p${100_000_001 + i}.jpg`] };
    products.push(p);
    offers.push(offer({
      productId: p.masterSku, merchantUid: own.uid, merchantSku: `${p.masterSku}_${900_000_001 + i}`, model: p.title,
      basePrice: role.ownCityPrices ? null : role.ownPrice,
      cityPrices: new Map(Object.entries(role.ownCityPrices ?? {})),
      availabilities: availabilities(own, role.ownCities ?? allCityIds, 7, role.ownAvailable ?? 'yes').map((a) => (role.ownOffSaleIn?.includes(own.points.find((pt) => pt.id === a.storeId)?.cityId ?? '') ? { ...a, available: 'no' as const } : a)),
      deliveryByCity: deliveryFor(cities, 'TOMORROW'),
    }));
    role.build(p);
  });
  const accounts: Account[] = [
    { id: 'small-owner', email: creds.owner.email, password: creds.owner.password, mfa: false, merchantUids: [own.uid], name: 'Small Owner' },
    { id: 'small-mfa', email: creds.mfa.email, password: creds.mfa.password, mfa: true, merchantUids: [own.uid], name: 'Small MFA' },
    { id: 'small-phone', phone: creds.phone.phone, mfa: false, merchantUids: [own.uid], name: 'Small Phone' },
  ];
  // The third slot of the on-sale list is a stale entry: with l=5 the first page holds 4 offers.
  return { name: 'small', seed, cities, merchants: [own, ...rivals], accounts, products, offers, staleListSlots: { [own.uid]: [2] }, orderIntervalMs: 10 * 60_000, initialOrdersPerMerchant: 12, historyDays: 3 };
}

interface GeneratedSpec {
  cityCount: number;
  productCount: number;
  stores: { uid: string; name: string; share: number }[];
  accounts: Account[];
  competitorPool: number;
  competitorsPerProduct: [number, number];
  lively: boolean;
  orderIntervalMs: number;
  initialOrdersPerMerchant: number;
  historyDays: number;
}

function buildGenerated(name: string, seed: number, spec: GeneratedSpec): ScenarioData {
  const rng = Prng.derive(seed, `scenario:${name}`);
  const cities = citiesByCount(spec.cityCount);
  const tokens: Record<string, string> = { ...(name === 'demo' ? SCENARIO_CREDENTIALS.demo.apiTokens : {}), ...(name === 'bench' ? { [SCENARIO_CREDENTIALS.bench.merchantUid]: SCENARIO_CREDENTIALS.bench.apiToken } : {}) };
  const stores: Merchant[] = spec.stores.map((s) => ({ uid: s.uid, name: s.name, rating: 4.8, reviewsQuantity: rng.int(100, 3000), own: true, points: points(s.uid, cities), apiToken: tokens[s.uid], segmentId: name.toUpperCase() }));
  const rivals: Merchant[] = [];
  const usedUids = new Set(stores.map((s) => s.uid));
  for (let i = 0; i < spec.competitorPool; i++) {
    let uid = rng.digits(8);
    while (usedUids.has(uid)) uid = rng.digits(8);
    usedUids.add(uid);
    rivals.push({ uid, name: COMPETITOR_NAMES[i % COMPETITOR_NAMES.length] + (i >= COMPETITOR_NAMES.length ? ` ${i}` : ''), rating: Math.round((3.5 + rng.float() * 1.5) * 10) / 10, reviewsQuantity: rng.int(0, 5000), own: false, points: points(uid, cities), segmentId: name.toUpperCase() });
  }
  const products: Product[] = [];
  const offers: MarketOffer[] = [];
  const usedSkus = new Set<string>();
  const cityIds = cities.map((c) => c.id);
  for (let i = 0; i < spec.productCount; i++) {
    const kind = rng.pick(CATALOG);
    const brand = rng.pick(kind.brands);
    const title = `${brand} ${rng.pick(kind.models)} ${rng.pick(kind.variants)}`;
    let masterSku = rng.digits(9);
    while (usedSkus.has(masterSku)) masterSku = rng.digits(9);
    usedSkus.add(masterSku);
    const product: Product = { masterSku, title, brand, category: kind.category, images: [`h${rng.hex(2)}/${rng.hex(2)}/p${masterSku}.jpg`] };
    products.push(product);
    const reference = Math.round(rng.int(kind.price[0], kind.price[1]) / 10) * 10;
    let owned = 0;
    stores.forEach((store, si) => {
      // Every product belongs to at least one store; some belong to both (own stores competing).
      const last = si === stores.length - 1;
      if (!(rng.chance(spec.stores[si]?.share ?? 1) || (last && owned === 0))) return;
      owned++;
      const price = Math.round((reference * (1 + rng.float() * 0.08)) / 10) * 10;
      const perCity = spec.cityCount > 1 && rng.chance(0.15);
      offers.push(offer({
        productId: masterSku, merchantUid: store.uid, merchantSku: rng.chance(0.8) ? `${masterSku}_${rng.digits(9)}` : `SKU-${rng.digits(6)}`, model: title,
        basePrice: perCity ? null : price,
        cityPrices: perCity ? new Map(cityIds.map((c) => [c, price + rng.int(0, 20) * 100])) : new Map(),
        availabilities: availabilities(store, rng.chance(0.9) ? cityIds : cityIds.slice(0, 1), rng.chance(0.7) ? rng.int(1, 50) : null, rng.chance(0.95) ? 'yes' : 'no'),
        deliveryByCity: new Map(cityIds.map((c) => [c, rng.pick(DELIVERY_DURATIONS.slice(0, 3))])),
        purchaseCount: rng.int(0, 300),
      }));
    });
    const count = rng.int(spec.competitorsPerProduct[0], spec.competitorsPerProduct[1]);
    const chosen = new Set<Merchant>();
    while (chosen.size < Math.min(count, rivals.length)) chosen.add(rng.pick(rivals));
    for (const m of chosen) {
      const price = Math.round((reference * (0.93 + rng.float() * 0.17)) / 10) * 10;
      const served = cityIds.filter((_, ci) => ci === 0 || rng.chance(0.7));
      offers.push(offer({
        productId: masterSku, merchantUid: m.uid, merchantSku: `${m.uid.slice(0, 3)}-${rng.digits(7)}`, model: title,
        basePrice: price,
        availabilities: availabilities(m, served, rng.chance(0.5) ? rng.int(1, 100) : null),
        deliveryByCity: new Map(cityIds.map((c) => [c, rng.pick(DELIVERY_DURATIONS)])),
        kaspiDelivery: rng.chance(0.6),
        purchaseCount: rng.int(0, 500),
        bot: spec.lively ? livelyBot(rng, price) : null,
      }));
    }
  }
  // A stale list entry on the first page of 100 and one further on: a short page is not the end.
  const staleListSlots = Object.fromEntries(stores.map((st) => [st.uid, [37, 4321]]));
  return { name, seed, cities, merchants: [...stores, ...rivals], accounts: spec.accounts, products, offers, staleListSlots, orderIntervalMs: spec.orderIntervalMs, initialOrdersPerMerchant: spec.initialOrdersPerMerchant, historyDays: spec.historyDays };
}

function livelyBot(rng: Prng, price: number): BotStrategy | null {
  const floor = Math.round((price * (0.85 + rng.float() * 0.1)) / 10) * 10;
  const ceil = Math.round((price * (1.1 + rng.float() * 0.1)) / 10) * 10;
  const step = rng.pick([1, 10, 100]);
  const roll = rng.float();
  if (roll < 0.3) return { kind: 'undercut', step, floor, ceil, reactMs: rng.int(20, 90) * 1000 };
  if (roll < 0.4) return { kind: 'slow', step, floor, ceil, reactMs: rng.int(3, 10) * 60_000 };
  if (roll < 0.65) return { kind: 'random-walk', periodMs: rng.int(1, 5) * 60_000, maxStep: Math.max(10, Math.round(price * 0.01)), floor, ceil };
  if (roll < 0.75) return { kind: 'leaver', presentMs: rng.int(10, 30) * 60_000, awayMs: rng.int(3, 10) * 60_000 };
  return null;
}
