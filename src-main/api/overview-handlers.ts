import type { Handler } from '../../src-shared/contract/dispatcher';
import type { OverviewSummary } from '../../src-shared/contract/overview';
import type { AppServices } from '../app/services';
import { createRulesService } from '../rules/rules-service';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import type { EngineStatusView } from '../../src-shared/contract/demper';
import { kzDate, kzDay } from '../../src-shared/domain/kazakhstan-time';
import { createSqliteJournal } from '../db/repos/journal-repo';

/** The seller's Kazakhstan day, the day a seller counts changes in. */
const localDay = (ms: number) => kzDate(kzDay(ms));

/** An engine error for the seller: its own message once the engine gives one (after #12), else its kind's. */
const sellerMessage = (e: EngineStatusView['lastErrors'][number]): Message =>
  e.userMessage ?? (e.kind === 'internal' ? msg('error.internal') : msg(`kaspi.${e.kind}`));

export function overviewHandlers({ db, now, demper, pool, stores }: AppServices): { 'overview.summary': Handler<'overview.summary'> } {
  const rules = createRulesService({ db, now });
  const journal = createSqliteJournal(db);
  return {
    'overview.summary': (): OverviewSummary => {
      const nowMs = now().getTime();
      const today = localDay(nowMs);
      const days = Array.from({ length: 14 }, (_, i) => localDay(nowMs - (13 - i) * 86_400_000));
      const byDay = new Map(days.map((day) => [day, { day, changes: 0, dryRun: 0 }]));
      for (const row of journal.activitySince(new Date(nowMs - 15 * 86_400_000).toISOString())) {
        const bucket = byDay.get(localDay(Date.parse(row.createdAt)));
        if (!bucket) continue;
        if (row.status === 'dry_run') bucket.dryRun++;
        else bucket.changes++;
      }
      const changesByDay = [...byDay.values()];
      const rows = rules.table();
      const seen = rows.filter((r) => r.marketAt !== null && r.ourPrice !== null);
      const positions = new Map<string, number>();
      for (const r of seen) {
        const key = r.position === null ? '—' : r.position >= 5 ? '5+' : String(r.position);
        positions.set(key, (positions.get(key) ?? 0) + 1);
      }
      const status = demper.status();
      const lanes = pool.snapshot().filter((l) => l.id !== 0);
      const names = new Map(stores.list().map((s) => [s.id, s.name]));
      return {
        changesToday: byDay.get(today)?.changes ?? 0,
        changesWeek: changesByDay.slice(-7).reduce((sum, d) => sum + d.changes, 0),
        changesByDay,
        products: {
          total: rows.length,
          botOn: rows.filter((r) => r.botEnabled).length,
          seen: seen.length,
          firstPlace: seen.filter((r) => r.position === 1).length,
          atFloor: seen.filter((r) => r.floor !== null && r.ourPrice === r.floor).length,
          noRivals: seen.filter((r) => r.rivalsCount === 0).length,
          rulesErrors: rows.filter((r) => r.botEnabled && r.rulesError !== null).length,
        },
        positions: ['1', '2', '3', '4', '5+'].map((position) => ({ position, count: positions.get(position) ?? 0 })),
        blockedStores: status.stores.filter((s) => s.blockedUntil > nowMs).map((s) => ({ storeId: s.storeId, name: s.name, until: s.blockedUntil })),
        storesNeedingLogin: stores.list().filter((s) => s.sessionStatus === 'needs_login' || s.sessionStatus === 'expired').map((s) => ({ storeId: s.id, name: names.get(s.id) ?? s.name })),
        proxies: { total: lanes.length, cooling: lanes.filter((l) => l.status === 'cooling').length, dead: lanes.filter((l) => l.status === 'dead').length },
        recentErrors: status.lastErrors.slice(-5).reverse().map((e) => ({ at: e.at, message: sellerMessage(e) })),
      };
    },
  };
}
