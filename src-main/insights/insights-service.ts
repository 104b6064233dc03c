import type { Database } from 'better-sqlite3';
import type { RivalProfileDto } from '../../src-shared/contract/insights';
import { profileOf } from '../../src-shared/insights/rival-scan';
import { insightsRepo } from '../db/repos/insights-repo';
import type { Logger } from '../logging/logger';

/** A read refreshes first unless the last refresh is this recent: the scan is incremental, but not free. */
const FRESH_MS = 30_000;

export interface InsightsDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  /** The demper's local time zone (its working hours use the same). */
  utcOffsetMinutes: () => number;
}

/** Competition insights (issue 18): rival profiles learnt from every look the demper made. */
export function createInsightsService({ db, logger, now, utcOffsetMinutes }: InsightsDeps) {
  const repo = insightsRepo(db);
  const log = logger.child('insights');
  let refreshedAt = 0;

  function refresh(): number {
    const ownMerchantIds = (db.prepare('SELECT merchant_uid FROM stores').all() as { merchant_uid: string }[]).map((r) => r.merchant_uid);
    const started = now().getTime();
    const result = repo.refresh({ ownMerchantIds, utcOffsetMinutes: utcOffsetMinutes() });
    refreshedAt = now().getTime();
    if (result.snapshots > 0) log.debug('rivals refreshed', { ...result, ms: refreshedAt - started });
    return refreshedAt;
  }

  return {
    refresh,
    rivals(productId?: number): { rivals: RivalProfileDto[]; refreshedAt: number } {
      if (now().getTime() - refreshedAt >= FRESH_MS) refresh();
      const rivals = repo.rivals(productId).map(({ merchantId, stats }) => {
        const profile = profileOf(merchantId, stats);
        return productId === undefined ? profile : { ...profile, floors: profile.floors.filter((f) => f.productId === productId) };
      });
      return { rivals, refreshedAt };
    },
  };
}
export type InsightsService = ReturnType<typeof createInsightsService>;
