import type { ScenarioOptions } from './scenario';

/**
 * A seller's first month, one day of it: one store of 300 products whose prices start 30–60 %
 * above the market, floors from cost under the shipped store defaults (undercut by 1 ₸, no
 * ceiling, 2 min cooldown, 100 changes a day), on cards other sellers already sell on — 3 to 8
 * rivals each, each rival's floor within ±15 % of ours. Most sellers on a contested Kaspi card run
 * a repricer: 15 % of the rivals are bots answering in 5–30 s, 45 % undercut on a 3–20 min cycle
 * (the SaaS dempers); the rest keep a price, let it drift, raise it now and then, or leave and come
 * back. Every demper follows any move down to its own floor and climbs back under the cheapest
 * offer when there is room (kaspi-api.md §10) — the seed's own rule. Pushes take 0.1–1.5 s to
 * reach Kaspi and show 3–20 s later; Kaspi's limits block the account for 30 minutes when crossed.
 */
export const FIRST_MONTH: ScenarioOptions = {
  stores: 1,
  productsPerStore: 300,
  start: 'above_market',
  floors: 'cost',
  botsPerProduct: [3, 8],
  botMix: { undercut: 15, slow: 45, static: 15, random_walk: 8, raiser: 9, leave_return: 8 },
};
