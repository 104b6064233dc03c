import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract/errors';
import type { ProductInsightDto, RivalProfileDto } from '../../src-shared/contract/insights';
import { KZ_OFFSET_MS, kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import { floorPrice } from '../../src-shared/domain/rules';
import { msg } from '../../src-shared/i18n';
import { ownLookalikes } from '../../src-shared/insights/own-lookalike';
import type { LookalikeCandidate } from '../../src-shared/insights/own-lookalike';
import type { ListingRival, PlaceSales } from '../../src-shared/insights/product-insight';
import { floorRaise, productInsight, recommendations } from '../../src-shared/insights/product-insight';
import { raisedFloor } from '../../src-shared/insights/raised-floor';
import { profileOf } from '../../src-shared/insights/rival-scan';
import type { RivalProfile } from '../../src-shared/insights/rival-scan';
import { insightsRepo } from '../db/repos/insights-repo';
import type { InsightProductRow } from '../db/repos/insights-repo';
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
const DAY_MS = 86_400_000;

export type ApplicableKind = 'hold_second' | 'stop_pushing' | 'raise_floor' | 'exclude_merchant';

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

  /** Each product's insight from the stored scan, the rivals' profiles and the sales by place. */
  function insightsOf(rows: readonly InsightProductRow[], profiles: Map<string, RivalProfile>): ProductInsightDto[] {
    const floorsOf = new Map<string, Map<string, RivalProfile['floors'][number]>>();
    for (const p of profiles.values()) for (const f of p.floors) {
      const key = `${f.productId}:${f.cityId}`;
      let m = floorsOf.get(key);
      if (!m) floorsOf.set(key, (m = new Map()));
      m.set(p.merchantId, f);
    }
    const pairs = repo.pairs();
    const at = now().getTime();
    const today = kzDay(at);
    const fromDay = today - SALES_DAYS + 1;
    analytics.fresh();
    const sales = repo.salesByPlace(fromDay, today);
    const timeAt = repo.timeAtPlace(kzDayStart(fromDay), at);
    const pushes = repo.pushesSince(new Date(at - PUSH_DAYS * DAY_MS).toISOString());

    // A store's defaults are read once, not once per product.
    const defaults = new Map<string, ReturnType<typeof parseDefaults>>();
    const defaultsOf = (json: string) => defaults.get(json) ?? defaults.set(json, parseDefaults(json)).get(json)!;
    return rows.map((row) => {
      const resolved = resolveProduct(defaultsOf(row.default_rules_json), parseStored(row.rules_json)).rules;
      const scans = pairs.get(row.id) ?? [];
      const listings = scans.map(({ cityId, scan }) => {
        const floors = floorsOf.get(`${row.id}:${cityId}`);
        const rivals: ListingRival[] = Object.entries(scan.runs).map(([merchantId, run]) => {
          const profile = profiles.get(merchantId);
          const floor = floors?.get(merchantId);
          return { merchantId, name: profile?.name ?? merchantId, price: run.price, floor: floor?.floor ?? run.price, confidence: floor?.confidence ?? 'low', bot: profile?.bot ?? false, reactionMedianMs: profile?.reactionMedianMs ?? null };
        });
        return { cityId, ourPrice: scan.ourPrice, rivals };
      });
      const watchedDays = scans.length === 0 || scans.some(({ scan }) => scan.since === undefined) ? null : Math.min(...scans.map(({ scan }) => (at - scan.since!) / DAY_MS));
      const insight = productInsight({
        productId: row.id,
        sellerFloor: resolved ? floorPrice(resolved.floor) : null,
        listings,
        sales: placeSales(sales.get(row.id), timeAt.get(row.id)),
        pushesPerDay: Math.round(((pushes.get(row.id) ?? 0) / PUSH_DAYS) * 10) / 10,
        watchedDays,
      });
      return { ...insight, storeId: row.store_id, sku: row.sku, title: row.title };
    });
  }

  function profilesNow(): { profiles: Map<string, RivalProfile>; candidates: LookalikeCandidate[] } {
    const profiles = new Map<string, RivalProfile>();
    const candidates: LookalikeCandidate[] = [];
    for (const { merchantId, stats } of repo.rivals()) {
      const profile = profileOf(merchantId, stats);
      profiles.set(merchantId, profile);
      candidates.push({ merchantId, name: stats.name, productIds: [...new Set(profile.floors.map((f) => f.productId))], vsUs: stats.vsUs ?? null });
    }
    return { profiles, candidates };
  }

  function products(scope: { storeId?: number; productId?: number }) {
    fresh();
    const rows = repo.products(scope);
    const { profiles, candidates } = profilesNow();
    const out = insightsOf(rows, profiles);
    // Only the products asked about count as evidence against a merchant.
    const inScope = new Set(rows.map((r) => r.id));
    const lookalikes = ownLookalikes(repo.ownStoreNames(), candidates.map((c) => ({ ...c, productIds: c.productIds.filter((id) => inScope.has(id)) })).filter((c) => c.productIds.length > 0));
    return { products: out, recommendations: recommendations(out, lookalikes), salesDays: SALES_DAYS };
  }

  /** raise_floor: each product's floor raised to what first place needs now (worked out again, not taken from the page). */
  function raiseFloors(productIds: readonly number[]) {
    fresh();
    const rows = repo.products({ productIds });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const planned: { productId: number; from: number; to: number; floor: unknown }[] = [];
    for (const insight of insightsOf(rows, profilesNow().profiles)) {
      const raise = floorRaise(insight);
      const row = byId.get(insight.productId)!;
      const overrides = parseStored(row.rules_json);
      const resolved = resolveProduct(parseDefaults(row.default_rules_json), overrides).rules;
      const next = raise && resolved ? raisedFloor(resolved.floor, raise.to) : null;
      if (!raise || !next) continue;
      // A cost floor keeps what it inherits from the store (commission, fees): only its margin is set.
      const floor = next.kind === 'cost' && overrides.floor?.kind === 'cost' ? { ...overrides.floor, minMargin: next.minMargin } : next;
      planned.push({ productId: insight.productId, from: raise.from, to: floorPrice(next), floor });
    }
    if (planned.length === 0) throw new AppError('invalid_input', msg('insights.nothing_to_raise'));
    return planned;
  }

  /** exclude_merchant: the merchant added to each product's excluded sellers (its own list, or the store's it inherits). */
  function exclusions(productIds: readonly number[], merchantId: string) {
    const groups = new Map<string, number[]>();
    for (const row of repo.products({ productIds })) {
      const overrides = parseStored(row.rules_json);
      const current = Array.isArray(overrides.excludedMerchantIds) ? overrides.excludedMerchantIds : parseDefaults(row.default_rules_json).excludedMerchantIds;
      if (current.includes(merchantId)) continue;
      const key = JSON.stringify([...current, merchantId]);
      groups.set(key, [...(groups.get(key) ?? []), row.id]);
    }
    return [...groups].map(([list, ids]) => ({ excludedMerchantIds: JSON.parse(list) as string[], productIds: ids }));
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
    apply(input: { kind: ApplicableKind; productIds: readonly number[]; merchantId?: string }): { changeId: number; updated: number } {
      const { kind, productIds } = input;
      const atMs = now().getTime();
      const journal = <T>(change: unknown, ids: readonly number[], make: () => T) => changes.record({ source: 'recommendation', kind, change, productIds: ids, atMs }, make);
      let result: { changeId: number; applied: { updated: number } };
      if (kind === 'hold_second') {
        const change = { set: { strategy: 'top_n' as const, targetPosition: 2 }, unset: [] };
        result = journal(change, productIds, () => rules.update(productIds, change));
      } else if (kind === 'stop_pushing') {
        result = journal({ botEnabled: false }, productIds, () => rules.setBot(productIds, false));
      } else if (kind === 'raise_floor') {
        const planned = raiseFloors(productIds);
        const ids = planned.map((p) => p.productId);
        result = journal({ floors: planned }, ids, () => {
          for (const p of planned) rules.update([p.productId], { set: { floor: p.floor as never }, unset: [] });
          return { updated: planned.length };
        });
      } else {
        const merchantId = input.merchantId;
        if (!merchantId) throw new AppError('invalid_input', msg('insights.merchant_required'));
        const groups = exclusions(productIds, merchantId);
        result = journal({ excludedMerchantId: merchantId }, productIds, () => {
          for (const g of groups) rules.update(g.productIds, { set: { excludedMerchantIds: g.excludedMerchantIds }, unset: [] });
          return { updated: groups.reduce((n, g) => n + g.productIds.length, 0) };
        });
      }
      log.info('recommendation applied', { kind, products: productIds.length, changeId: result.changeId });
      return { changeId: result.changeId, updated: result.applied.updated };
    },
  };
}
export type InsightsService = ReturnType<typeof createInsightsService>;

/** A product's sales at first and second place with the time watched there; a place with an uncosted line has no margin. */
function placeSales(
  sold: { units: number; byPlace: Map<number, { units: number; margin: number; uncosted: number }> } | undefined,
  time: { firstMs: number; secondMs: number } | undefined,
): PlaceSales | null {
  if (!sold && !time) return null;
  const at = (place: 1 | 2, ms: number) => {
    const s = sold?.byPlace.get(place);
    return { units: s?.units ?? 0, margin: !s ? 0 : s.uncosted > 0 ? null : Math.round(s.margin), days: ms / DAY_MS };
  };
  return { units: sold?.units ?? 0, first: at(1, time?.firstMs ?? 0), second: at(2, time?.secondMs ?? 0) };
}
