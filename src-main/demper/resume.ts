import { kzDay } from '../../src-shared/domain/kazakhstan-time';
import type { Pair } from './pair';
import { pairKey } from './pair';
import type { JournalStore } from './ports';
import type { Scheduler } from './scheduler';
import type { EngineSettings } from './settings';
import type { StoreState } from './store-state';

const DAY_MS = 86_400_000;

/**
 * After a restart: restores cooldowns, daily caps and the push windows from the pushes of the last
 * day, then turns every unfinished row into a pending read-back. A row left planned may or may not
 * have reached Kaspi, so it is never pushed again blindly: the read-back verifies it or marks it failed.
 */
export async function resumeFromJournal(
  journal: JournalStore,
  pairs: ReadonlyMap<string, Pair>,
  stores: ReadonlyMap<number, StoreState>,
  scheduler: Scheduler,
  settings: EngineSettings,
  now: number,
): Promise<void> {
  // Replayed from scratch, so a stop and start of the same engine does not count a change twice.
  for (const pair of pairs.values()) {
    pair.changesDay = -1;
    pair.changesOnDay = 0;
  }
  // A stop and start of the same engine keeps its windows: they are restored once per store.
  const restoring = new Set([...stores.values()].filter((store) => !store.windowRestored));
  // Kaspi still counts the pushes made before the restart, in its rolling window and its rate limit.
  const counted = (pair: Pair, at: number) => {
    const store = stores.get(pair.store.storeId);
    if (store && restoring.has(store) && at > now - settings.pushWindowMs) store.budget.restore(at, 'price');
  };
  const unfinished = await journal.listUnfinished();
  const changes = (await journal.changesSince(now - DAY_MS)).sort((a, b) => a.at - b.at);
  const planned = unfinished.filter((e) => e.status === 'planned').map((e) => ({ productId: e.productId, cityId: e.cityId, at: e.createdAt }));
  for (const c of [...changes, ...planned].sort((a, b) => a.at - b.at)) {
    const pair = pairs.get(pairKey(c.productId, c.cityId));
    if (pair) counted(pair, c.at);
  }
  for (const c of changes) {
    const pair = pairs.get(pairKey(c.productId, c.cityId));
    if (!pair) continue;
    const day = kzDay(c.at);
    pair.changesOnDay = pair.changesDay === day ? pair.changesOnDay + 1 : day > pair.changesDay ? 1 : pair.changesOnDay;
    pair.changesDay = Math.max(pair.changesDay, day);
    pair.lastChangeAt = Math.max(pair.lastChangeAt ?? 0, c.at);
  }
  for (const store of restoring) store.windowRestored = true;
  for (const e of unfinished) {
    const pair = pairs.get(pairKey(e.productId, e.cityId));
    if (!pair) {
      await journal.markFailed(e.id, 'product is no longer repriced', now);
      continue;
    }
    const at = e.pushedAt ?? e.createdAt;
    pair.pending = { entryId: e.id, newPrice: e.newPrice, at, ambiguous: e.status === 'planned', attempts: 0 };
    scheduler.schedule(pair, Math.max(now, at + settings.verifyDelayMs), 'verify');
  }
}
