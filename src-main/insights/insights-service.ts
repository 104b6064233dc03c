import type { Database } from 'better-sqlite3';
import type { ProductInsightDto, RivalProfileDto } from '../../src-shared/contract/insights';
import { KZ_OFFSET_MS, kzDate, kzDay } from '../../src-shared/domain/kazakhstan-time';
import { floorPrice } from '../../src-shared/domain/rules';
import type { ListingRival } from '../../src-shared/insights/product-insight';
import { productInsight, recommendations } from '../../src-shared/insights/product-insight';
import { profileOf } from '../../src-shared/insights/rival-scan';
import type { RivalProfile } from '../../src-shared/insights/rival-scan';
import { insightsRepo } from '../db/repos/insights-repo';
import { ruleChangesRepo } from '../db/repos/rule-changes-repo';
import type { Clock } from '../time/clock';
import type { AnalyticsService } from '../analytics/analytics-service';
import type { EventBus } from '../app/event-bus';
import type { Logger } from '../logging/logger';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';
import { createRulesService } from '../rules/rules-service';

/** A read refreshes first unless the last refresh is this recent: the scan is incremental, but not free. */
const FRESH_MS = 30_000;
/** Sales over this many days say whether first place is worth it. */
const SALES_DAYS = 30;
const PUSH_DAYS = 7;

export interface InsightsDeps {
  db: Database;
  logger: Logger;
  events: EventBus;
  clock: Clock;
  analytics: AnalyticsService;
}

/** Competition insights (issue 18): rival profiles learnt from every look the demper made, and what they mean per product. */
export function createInsightsService({ db, logger, events, clock, analytics }: InsightsDeps) {
  const now = () => new Date(clock.now());
  const repo = insightsRepo(db);
  const changes = ruleChangesRepo(db);
  const log = logger.child('insights');
  const rules = createRulesService({ db, now, onChanged: (productIds) => events.emit('products.changed', { productIds: productIds && productIds.length <= 1000 ? productIds : null }) });
  let refreshedAt = 0;

  function refresh(): number {
    const started = now().getTime();
    // Active hours are the seller's Kazakhstan hours.
    const result = repo.refresh({ ownMerchantIds: repo.ownMerchantIds(), utcOffsetMinutes: KZ_OFFSET_MS / 60_000 });
    refreshedAt = now().getTime();
    if (result.snapshots > 0) log.debug('rivals refreshed', { ...result, ms: refreshedAt - started });
    return refreshedAt;
  }
  const fresh = () => {
    if (now().getTime() - refreshedAt >= FRESH_MS) refresh();
  };

  function products(scope: { storeId?: number; productId?: number }) {
    fresh();
    const rows = repo.products(scope);
    const profiles = new Map<string, RivalProfile>(repo.rivals().map(({ merchantId, stats }) => [merchantId, profileOf(merchantId, stats)]));
    const floorsOf = new Map<string, Map<string, RivalProfile['floors'][number]>>();
    for (const p of profiles.values()) for (const f of p.floors) {
      const key = `${f.productId}:${f.cityId}`;
      let m = floorsOf.get(key);
      if (!m) floorsOf.set(key, (m = new Map()));
      m.set(p.merchantId, f);
    }
    const pairs = repo.pairs();
    const today = kzDay(now().getTime());
    const sales = new Map(analytics.products({ from: kzDate(today - SALES_DAYS + 1), to: kzDate(today), storeId: scope.storeId, productId: scope.productId }, 20_000).rows.map((r) => [r.productId, r]));
    const since = new Date(now().getTime() - PUSH_DAYS * 86_400_000).toISOString();
    const pushes = repo.pushesSince(since);

    const out: ProductInsightDto[] = rows.map((row) => {
      const resolved = resolveProduct(parseDefaults(row.default_rules_json), parseStored(row.rules_json)).rules;
      const listings = (pairs.get(row.id) ?? []).map(({ cityId, scan }) => {
        const floors = floorsOf.get(`${row.id}:${cityId}`);
        const rivals: ListingRival[] = Object.entries(scan.runs).map(([merchantId, run]) => {
          const profile = profiles.get(merchantId);
          const floor = floors?.get(merchantId);
          return { merchantId, name: profile?.name ?? merchantId, price: run.price, floor: floor?.floor ?? run.price, confidence: floor?.confidence ?? 'low', bot: profile?.bot ?? false, reactionMedianMs: profile?.reactionMedianMs ?? null };
        });
        return { cityId, ourPrice: scan.ourPrice, rivals };
      });
      const sold = sales.get(row.id);
      const insight = productInsight({
        productId: row.id,
        sellerFloor: resolved ? floorPrice(resolved.floor) : null,
        listings,
        sales: sold ? { units: sold.units, perDayFirst: sold.perDayFirst, perDayNotFirst: sold.perDayNotFirst } : null,
        pushesPerDay: Math.round(((pushes.get(row.id) ?? 0) / PUSH_DAYS) * 10) / 10,
      });
      return { ...insight, storeId: row.store_id, sku: row.sku, title: row.title };
    });
    return { products: out, recommendations: recommendations(out), salesDays: SALES_DAYS };
  }

  return {
    refresh,
    rivals(productId?: number): { rivals: RivalProfileDto[]; refreshedAt: number } {
      fresh();
      const rivals = repo.rivals(productId).map(({ merchantId, stats }) => {
        const profile = profileOf(merchantId, stats);
        return productId === undefined ? profile : { ...profile, floors: profile.floors.filter((f) => f.productId === productId) };
      });
      return { rivals, refreshedAt };
    },
    products,
    /**
     * A recommendation applied as the seller would by hand (rules.update / products.setBot, with
     * their validation: all or nothing), journaled in the same transaction.
     */
    apply(kind: 'hold_second' | 'stop_pushing', productIds: readonly number[]): { changeId: number; updated: number } {
      const change = kind === 'hold_second' ? { set: { strategy: 'top_n' as const, targetPosition: 2 }, unset: [] } : { botEnabled: false };
      const { changeId, applied } = changes.record({ source: 'recommendation', kind, change, productIds, atMs: now().getTime() }, () =>
        kind === 'hold_second' ? rules.update(productIds, { set: { strategy: 'top_n', targetPosition: 2 }, unset: [] }) : rules.setBot(productIds, false),
      );
      log.info('recommendation applied', { kind, products: productIds.length, changeId });
      return { changeId, updated: applied.updated };
    },
  };
}
export type InsightsService = ReturnType<typeof createInsightsService>;
