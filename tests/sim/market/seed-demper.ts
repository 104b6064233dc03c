import { floorPrice } from '../../../src-shared/domain/rules';
import { changeLimits, LaneBudget } from '../../../src-main/demper/budgets';
import { ChangeBudget } from '../../../src-main/demper/change-budget';
import type { OfferSource, PricePusher, ProductInfo, StoreInfo } from '../../../src-main/demper/ports';
import type { Clock } from '../../../src-main/time/clock';
import { isKaspiError } from '../../../src-main/demper/ports';
import type { EngineSettings } from '../../../src-main/demper/settings';

/**
 * The baseline the bench compares the engine with: the seed system's rule (seed-changelog.md,
 * kaspi-api.md §10 "standard"), one tenge under the cheapest rival on every check, raising as
 * well as lowering, down to the floor and no further. It checks every product in turn as fast as
 * the same offers budget allows and pushes through the same account budget as the engine
 * (rate, rolling window and its safety margin), so it never earns a 429 either; when the budget
 * is spent it skips the push and tries again at the product's next check.
 */
export class SeedDemper {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly lane: LaneBudget;
  private readonly accounts = new Map<number, ChangeBudget>();
  private readonly pushes = new Set<Promise<void>>();
  readonly counters = { checks: 0, pushes: 0, skippedForBudget: 0, blocked: 0 };

  constructor(
    private readonly deps: { offers: OfferSource; pusher: PricePusher; clock: Clock; stores: readonly StoreInfo[]; products: readonly ProductInfo[] },
    private readonly settings: EngineSettings,
  ) {
    const now = deps.clock.now();
    this.lane = new LaneBudget(deps.offers.lanes()[0]!, settings, now);
    for (const s of deps.stores) this.accounts.set(s.storeId, new ChangeBudget(changeLimits(settings)));
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.pushes]);
  }

  private async run(): Promise<void> {
    const { clock, offers } = this.deps;
    const own = this.deps.stores.map((s) => s.merchantId);
    while (this.running) {
      for (const product of this.deps.products) {
        if (!this.running) return;
        for (let now = clock.now(); !this.lane.bucket.tryTake(now); now = clock.now()) await clock.sleep(this.lane.bucket.waitMs(now));
        const store = this.deps.stores.find((s) => s.storeId === product.storeId)!;
        const cityId = product.cities[0]!;
        this.counters.checks++;
        const list = await offers.fetchOffers({ storeId: store.storeId, productId: product.productId, masterSku: product.masterSku, cityId }, this.lane.lane);
        const ours = list.find((o) => o.merchantId === store.merchantId)?.price ?? null;
        if (ours === null) continue;
        const rivals = list.filter((o) => !own.includes(o.merchantId)).map((o) => o.price);
        const target = seedTarget(ours, rivals, floorPrice(product.rules.floor), product.rules.ceiling);
        if (target !== ours) this.push(store, product, cityId, target);
      }
    }
  }

  private push(store: StoreInfo, product: ProductInfo, cityId: string, price: number): void {
    const account = this.accounts.get(store.storeId)!;
    const { clock } = this.deps;
    const ticket = account.take(clock.now());
    if (!ticket) {
      this.counters.skippedForBudget++;
      return;
    }
    const task = this.deps.pusher
      .push({ storeId: store.storeId, merchantId: store.merchantId, productId: product.productId, sku: product.sku, cityPrices: [{ cityId, price }] })
      .then(
        () => void this.counters.pushes++,
        (e: unknown) => {
          if (!isKaspiError(e, 'account-blocked')) throw e;
          this.counters.blocked++;
          account.blockedUntil = clock.now() + (e.retryAfterMs ?? this.settings.accountBlockMs);
        },
      )
      .finally(() => {
        account.settle(ticket, clock.now());
        this.pushes.delete(task);
      });
    this.pushes.add(task);
  }
}

/** One tenge under the cheapest rival, within [floor, ceiling]; alone, up to the ceiling if there is one. */
export function seedTarget(ours: number, rivals: readonly number[], floor: number, ceiling: number | null): number {
  if (rivals.length === 0) return ceiling ?? ours;
  let target = Math.min(...rivals) - 1;
  if (target < floor) target = ours > floor ? floor : ours;
  return ceiling === null ? target : Math.min(ceiling, target);
}
