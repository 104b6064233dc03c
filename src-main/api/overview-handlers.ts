import type { Handler } from '../../src-shared/contract/dispatcher';
import type { OverviewSummary } from '../../src-shared/contract/overview';
import type { AppServices } from '../app/services';
import { overviewRepo } from '../db/repos/overview-repo';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import type { EngineStatusView } from '../../src-shared/contract/demper';
import { kzDate, kzDay } from '../../src-shared/domain/kazakhstan-time';

/** The seller's Kazakhstan day, the day a seller counts changes in. */
const localDay = (ms: number) => kzDate(kzDay(ms));

/** An engine error for the seller: its own message once the engine gives one (after #12), else its kind's. */
const sellerMessage = (e: EngineStatusView['lastErrors'][number]): Message =>
  e.userMessage ?? (e.kind === 'internal' ? msg('error.internal') : msg(`kaspi.${e.kind}`));

/** Counts by SQL aggregate: the products table's read model and the journal's day counts, never every row. */
export function overviewHandlers({ db, now, demper, pool, stores, productsTable }: AppServices): { 'overview.summary': Handler<'overview.summary'> } {
  const overview = overviewRepo(db);
  return {
    'overview.summary': (): OverviewSummary => {
      const nowMs = now().getTime();
      const today = localDay(nowMs);
      const days = Array.from({ length: 14 }, (_, i) => localDay(nowMs - (13 - i) * 86_400_000));
      const counted = new Map(overview.changesByDay(days[0]!).map((d) => [d.day, d]));
      const changesByDay = days.map((day) => counted.get(day) ?? { day, changes: 0, dryRun: 0 });
      const { positions, ...products } = productsTable.summary();
      const status = demper.status();
      const lanes = pool.snapshot().filter((l) => l.id !== 0);
      return {
        changesToday: counted.get(today)?.changes ?? 0,
        changesWeek: changesByDay.slice(-7).reduce((sum, d) => sum + d.changes, 0),
        changesByDay,
        products,
        positions: ['1', '2', '3', '4', '5+'].map((position, i) => ({ position, count: positions[i]! })),
        blockedStores: status.stores.filter((s) => s.blockedUntil > nowMs).map((s) => ({ storeId: s.storeId, name: s.name, until: s.blockedUntil })),
        storesNeedingLogin: stores.list().filter((s) => s.sessionStatus === 'needs_login' || s.sessionStatus === 'expired').map((s) => ({ storeId: s.id, name: s.name })),
        proxies: { total: lanes.length, cooling: lanes.filter((l) => l.status === 'cooling').length, dead: lanes.filter((l) => l.status === 'dead').length },
        recentErrors: status.lastErrors.slice(-5).reverse().map((e) => ({ at: e.at, message: sellerMessage(e) })),
      };
    },
  };
}
