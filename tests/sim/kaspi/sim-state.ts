import { Bots } from './bots';
import { SimClock } from './clock';
import { Faults } from './faults';
import { Blocks, WindowCounter, defaultLimits, mergeLimits, type Limits, type LimitsPatch } from './limits';
import { OrderBook } from './orders';
import { Prng } from './prng';
import { ReviewBook } from './reviews';
import { buildScenario } from './scenarios';
import { Sessions } from './sessions';
import type { UploadJob } from './upload-jobs';
import { World } from './world';

export interface SimUrls {
  idmc: string;
  mc: string;
  storefront: string;
  control: string;
}

export interface PushRecord {
  id: string | null;
  at: number;
  ip: string;
  merchantUid: string | null;
  sku: string | null;
  status: number;
  error?: string;
  body: unknown;
  appliedAt: number | null;
  /** Points where an accepted push took the offer off sale because it left them out (§5). */
  offSale?: string[];
}

/**
 * Everything one simulator run holds. Loading a scenario (or reset) rebuilds it from the seed;
 * the hosts read `state.world` etc. on every request, so a reload is seen at once.
 */
export class SimState {
  clock: SimClock;
  limits: Limits = defaultLimits();
  scenarioName: string;
  seed: number;
  world!: World;
  bots!: Bots;
  sessions!: Sessions;
  orders!: OrderBook;
  reviews!: ReviewBook;
  faults!: Faults;
  pushes: PushRecord[] = [];
  /** Excel price-list uploads by job id (upload-jobs.ts). */
  uploadJobs = new Map<string, UploadJob>();
  readonly offerHits = new WindowCounter();
  readonly offerBans = new Blocks();
  readonly pushHits = new WindowCounter();
  readonly changeHits = new WindowCounter();
  readonly pushBlocks = new Blocks();
  readonly shopApiHits = new WindowCounter();
  /** Shop API requests answered 429 (tests check a client met the limit and got through). */
  shopApiRefused = 0;
  urls: SimUrls = { idmc: '', mc: '', storefront: '', control: '' };

  constructor(opts: { seed: number; scenario: string; timeScale: number }) {
    this.clock = new SimClock(opts.timeScale);
    this.scenarioName = opts.scenario;
    this.seed = opts.seed;
    this.load(opts.scenario, opts.seed);
  }

  /** Builds the scenario's world from the seed and starts its bots and order flow. */
  load(name: string, seed: number = this.seed): void {
    const scenario = buildScenario(name, seed);
    this.clock.cancelAll();
    this.bots?.stop();
    this.scenarioName = name;
    this.seed = seed;
    this.world = new World(scenario);
    this.sessions = new Sessions(this.world.accounts, this.clock, () => this.limits, Prng.derive(seed, 'sms'));
    this.faults = new Faults(Prng.derive(seed, 'faults'));
    this.bots = new Bots(this.world, this.clock, seed);
    this.orders = new OrderBook(this.world, this.clock, Prng.derive(seed, 'orders'), seed);
    this.reviews = new ReviewBook(this.world, seed);
    this.orders.onCompleted = (order) => this.reviews.afterCompletion(order, (ms, fn) => this.clock.after(ms, fn), () => this.clock.now());
    this.pushes = [];
    this.uploadJobs = new Map();
    this.offerHits.clear();
    this.offerBans.clear();
    this.pushHits.clear();
    this.changeHits.clear();
    this.pushBlocks.clear();
    this.shopApiHits.clear();
    this.shopApiRefused = 0;
    this.bots.start();
    this.orders.start(scenario.initialOrdersPerMerchant, scenario.historyDays, scenario.orderIntervalMs);
  }

  reset(): void {
    this.limits = defaultLimits();
    this.load(this.scenarioName, this.seed);
  }

  setLimits(patch: LimitsPatch): Limits {
    this.limits = mergeLimits(this.limits, patch);
    return this.limits;
  }

  stop(): void {
    this.bots.stop();
    this.clock.cancelAll();
  }
}
