import type { DeliveryDuration } from '../../../src-shared/domain/offer';
import type { ProductRuleOverrides, StoreRuleDefaults } from '../../../src-shared/domain/rules';
import { floorPrice, resolveRules } from '../../../src-shared/domain/rules';
import type { ProductInfo, ProductSource, StoreInfo } from '../../../src-main/demper/ports';
import type { BotKind } from './bots';
import { Market } from './market';
import { MarketOfferSource, MarketPricePusher } from './market-adapters';
import type { MarketLimits } from './market-adapters';
import { KASPI_LIMITS } from './market-adapters';
import { prng } from './prng';
import { VirtualClock } from './virtual-clock';

export const ALMATY = '750000000';

/** The catalogue port over plain arrays; tests edit `products` and call engine.reload(). */
export class SimCatalog implements ProductSource {
  constructor(
    readonly storeList: StoreInfo[],
    readonly productList: ProductInfo[],
  ) {}

  async stores(): Promise<StoreInfo[]> {
    return this.storeList;
  }

  async products(storeId: number): Promise<ProductInfo[]> {
    return this.productList.filter((p) => p.storeId === storeId);
  }
}

export interface ScenarioOptions {
  seed?: number;
  stores?: number;
  productsPerStore?: number;
  /** Bot kinds with weights; by default a realistic mix. */
  botMix?: Partial<Record<BotKind, number>>;
  botsPerProduct?: [number, number];
  rules?: Partial<ProductRuleOverrides>;
  storeDefaults?: Partial<StoreRuleDefaults>;
  limits?: MarketLimits;
  lanes?: string[];
  offersLatencyMs?: number;
  /**
   * Where our prices start: anywhere between floor and ceiling (default, so engine tests always
   * have something to do); near the cheapest rival, like a store that has sold for a while; or
   * 30–60 % above the cheapest rival, like a catalogue on its first day with the bot.
   */
  start?: 'random' | 'near_market' | 'above_market';
  /**
   * Fixed floors with a ceiling 50 % above (default), or floors from cost (12 % commission, no
   * margin: the store defaults a new seller has) with no ceiling, as the shipped defaults leave it.
   */
  floors?: 'fixed' | 'cost';
  /** How long a push takes to reach Kaspi, and as long again to answer. */
  pushLatencyMs?: number | (() => number);
}

/** Most Kaspi dempers are SaaS checking every 3–15 min; a few answer within seconds. */
const DEFAULT_MIX: Record<BotKind, number> = { undercut: 10, slow: 30, static: 30, random_walk: 15, raiser: 0, leave_return: 15 };
const SPEEDS: DeliveryDuration[] = ['TODAY', 'TOMORROW', 'TOMORROW', 'TILL_3_DAYS'];

/**
 * A seeded market: stores with products (floor, ceiling 50 % above it, a starting price),
 * each facing a few competitor bots whose floors sit around ours, some under it, some above.
 */
export function buildScenario(o: ScenarioOptions = {}) {
  const seed = o.seed ?? 1;
  const rng = prng(seed);
  const clock = new VirtualClock();
  const market = new Market(clock, seed, (lag) => lag.int(3_000, 20_000));
  const stores: StoreInfo[] = [];
  const products: ProductInfo[] = [];
  const mix = Object.entries({ ...DEFAULT_MIX, ...o.botMix }) as [BotKind, number][];
  const totalWeight = mix.reduce((s, [, w]) => s + w, 0);
  const pickKind = (): BotKind => {
    let r = rng.next() * totalWeight;
    for (const [k, w] of mix) if ((r -= w) < 0) return k;
    return mix[0]![0];
  };
  const [minBots, maxBots] = o.botsPerProduct ?? [1, 5];
  let productId = 0;
  for (let s = 1; s <= (o.stores ?? 1); s++) {
    const store: StoreInfo = { storeId: s, merchantId: `m${s}`, name: `Store ${s}` };
    stores.push(store);
    for (let i = 0; i < (o.productsPerStore ?? 20); i++) {
      productId++;
      const masterSku = `${100_000_000 + productId}`;
      const floorRule: ProductRuleOverrides['floor'] = o.floors === 'cost' ? { kind: 'cost', cost: rng.int(10, 400) * 100 } : { kind: 'fixed', price: rng.int(20, 400) * 50 };
      const rules = resolveRules(
        { cooldownSeconds: 120, ...o.storeDefaults },
        { floor: floorRule, ...(o.floors === 'cost' ? {} : { ceiling: Math.round(floorPrice(resolvedFloor(floorRule)) * 1.5) }), ...o.rules },
      );
      const floor = floorPrice(rules.floor);
      const ceiling = rules.ceiling;
      products.push({ storeId: s, productId, masterSku, sku: `${masterSku}_${s}`, rules, cities: [ALMATY] });
      const randomStart = o.start === 'random' || o.start === undefined ? rng.int(floor, ceiling ?? floor * 2) : 0;
      const bots = rng.int(minBots, maxBots);
      let cheapestBot = Infinity;
      for (let b = 0; b < bots; b++) {
        const kind = pickKind();
        const botFloor = Math.round(floor * (0.85 + rng.next() * 0.3));
        const bot = market.addBot(masterSku, ALMATY, {
          merchantId: `bot-${productId}-${b}`,
          merchantName: `Rival ${productId}.${b}`,
          kind,
          floor: botFloor,
          ceiling: Math.round(botFloor * 1.6),
          price: Math.round(botFloor * (1.02 + rng.next() * 0.4)),
          step: rng.pick([1, 1, 5, 10]),
          reactionMs: kind === 'undercut' ? rng.int(5, 30) * 1000 : rng.int(3, 20) * 60_000,
          deliveryDuration: rng.pick(SPEEDS),
        });
        cheapestBot = Math.min(cheapestBot, bot.price);
      }
      const market0 = cheapestBot === Infinity ? (ceiling ?? floor * 2) : cheapestBot;
      const start =
        o.start === 'near_market'
          ? Math.round(market0 * (0.97 + rng.next() * 0.13))
          : o.start === 'above_market'
            ? Math.round(market0 * (1.3 + rng.next() * 0.3))
            : randomStart;
      const bounded = Math.max(floor, ceiling === null ? start : Math.min(ceiling, start));
      market.setOurOffer(masterSku, ALMATY, { merchantId: store.merchantId, merchantName: store.name, price: bounded, floor });
    }
  }
  const catalog = new SimCatalog(stores, products);
  const masterSkuOf = (id: number) => products.find((p) => p.productId === id)!.masterSku;
  const limits = o.limits ?? KASPI_LIMITS;
  const offers = new MarketOfferSource(market, o.lanes ?? ['direct'], limits, o.offersLatencyMs ?? 0);
  const pusher = new MarketPricePusher(market, masterSkuOf, limits, o.pushLatencyMs ?? 0);
  return { clock, market, catalog, offers, pusher, stores, products, rng };
}
export type Scenario = ReturnType<typeof buildScenario>;

/** A floor rule with the store's fee defaults filled in, for the ceiling derived from it. */
function resolvedFloor(rule: ProductRuleOverrides['floor']) {
  return resolveRules({}, { floor: rule }).floor;
}
