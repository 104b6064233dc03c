import { describe, expect, it } from 'vitest';
import { insightsRepo } from '../../../src-main/db/repos/insights-repo';
import { profileOf } from '../../../src-shared/insights/rival-scan';
import { ALMATY } from '../../sim/market/scenario';
import { recordLivePeriod } from '../../support/recorded-live';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

describe('rival profiles from a recorded simulator day', () => {
  it('find each demper bot floor (never under its real floor; exact where at least medium sure), tell fast bots from slow ones, and refresh only what is new', async () => {
    const { db, sc } = await recordLivePeriod(tempDir(), { seed: 11, productsPerStore: 20, botsPerProduct: [2, 4], start: 'above_market' }, { dryRun: false }, 12);
    const repo = insightsRepo(db);
    const settings = { ownMerchantIds: sc.stores.map((s) => s.merchantId), utcOffsetMinutes: 300 };
    const first = repo.refresh(settings);
    expect(first.snapshots).toBeGreaterThan(100);
    expect(repo.refresh(settings).snapshots).toBe(0);

    const bots = new Map(sc.products.flatMap((p) => sc.market.listing(p.masterSku, ALMATY).bots.map((b) => [b.merchantId, { ...b, productId: p.productId }] as const)));
    const profiles = repo.rivals().map(({ merchantId, stats }) => profileOf(merchantId, stats));
    expect(profiles.length).toBe(bots.size);
    let sure = 0;
    for (const profile of profiles) {
      const bot = bots.get(profile.merchantId)!;
      const [floor] = profile.floors;
      expect(floor!.productId).toBe(bot.productId);
      expect(floor!.floor).toBeGreaterThanOrEqual(bot.floor);
      // A demper seen holding while undercut longer than it takes to answer sits at its floor.
      if (floor!.confidence !== 'low' && (bot.kind === 'undercut' || bot.kind === 'slow')) {
        expect(floor!.floor).toBe(bot.floor);
        sure++;
      }
      if (profile.reactionSamples >= 3 && bot.kind === 'undercut') expect(profile.reactionMedianMs!).toBeLessThan(3 * 60_000);
      if (bot.kind === 'static') expect(profile.changes).toBe(0);
    }
    expect(sure).toBeGreaterThan(3);
    // Fast bots answer within seconds, before the read-back of our push: timed from the journal's
    // push, their answers show at that read-back (40 s after), not in the same look as our move.
    const answered = profiles.filter((p) => bots.get(p.merchantId)!.kind === 'undercut' && p.reactionSamples > 0);
    expect(answered.length).toBeGreaterThan(2);
    for (const p of answered) expect(p.reactionMedianMs!).toBeLessThanOrEqual(60_000);
    const undercutters = profiles.filter((p) => bots.get(p.merchantId)!.kind === 'undercut' && p.changes >= 5);
    expect(undercutters.length).toBeGreaterThan(0);
    expect(undercutters.every((p) => p.bot)).toBe(true);
    db.close();
  }, 180_000);
});
