import { describe, expect, it } from 'vitest';
import { loadRecordedPeriod } from '../../../src-main/db/repos/backtest-repo';
import { runBacktest } from '../../../src-main/backtest/run-backtest';
import type { EngineSettingsInput } from '../../../src-main/demper/settings';
import { livePushes, recordLivePeriod } from '../../support/recorded-live';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const SETTINGS: EngineSettingsInput = { dryRun: false };

describe('a backtest of a recorded live period with the live rules', () => {
  for (const skipQuietLooks of [false, true]) {
    it(`makes the decisions live made, push for push${skipQuietLooks ? ', skipping the looks at a market that did not move' : ''}`, async () => {
      const { db, fromMs, toMs } = await recordLivePeriod(tempDir(), { seed: 5, productsPerStore: 12, botsPerProduct: [1, 3], start: 'near_market' }, SETTINGS, 6);
      const live = livePushes(db, fromMs, toMs);
      expect(live.length).toBeGreaterThan(10);
      const period = loadRecordedPeriod(db, { storeId: 1 }, fromMs, toMs);
      const { journal, result } = await runBacktest(period, { rules: null, engine: SETTINGS, skipQuietLooks });
      const replayed = journal.filter((e) => e.pushedAt !== null).map((e) => ({ productId: e.productId, cityId: e.cityId, oldPrice: e.oldPrice, newPrice: e.newPrice, code: e.reason.code, at: e.createdAt }));
      expect(replayed).toEqual(live);
      expect(result.backtest.changes).toBe(result.live.changes);
      expect(result.backtest.firstShare).toBe(result.live.firstShare);
      db.close();
    }, 120_000);
  }
});
