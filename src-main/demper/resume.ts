import { localDay } from './local-time';
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
  const changes = (await journal.changesSince(now - DAY_MS)).sort((a, b) => a.at - b.at);
  for (const c of changes) {
    const pair = pairs.get(pairKey(c.productId, c.cityId));
    if (!pair) continue;
    // Kaspi still counts the pushes made before the restart in its rolling window.
    const st = stores.get(pair.store.storeId);
    if (st && !st.windowRestored && c.at > now - settings.pushWindowMs) st.account.window.record(c.at);
    const day = localDay(c.at, settings.utcOffsetMinutes);
    pair.changesOnDay = pair.changesDay === day ? pair.changesOnDay + 1 : day > pair.changesDay ? 1 : pair.changesOnDay;
    pair.changesDay = Math.max(pair.changesDay, day);
    pair.lastChangeAt = Math.max(pair.lastChangeAt ?? 0, c.at);
  }
  // A stop and start of the same engine keeps its windows: they are restored once per store.
  for (const st of stores.values()) st.windowRestored = true;
  for (const e of await journal.listUnfinished()) {
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
