import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { PreordersFilter } from '../../src-shared/contract/preorders';
import { checkEntry, DEFAULT_PREORDER_DAYS, type PreorderPoint, type PreorderView } from '../../src-shared/domain/preorder';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import { preordersRepo } from '../db/repos/preorders-repo';
import type { PreorderSender } from './preorder-sender';
import type { ChangeBudgets } from '../demper/change-budget';
import { createPreordersFile } from './preorders-file';

export interface PreordersServiceDeps {
  db: Database;
  sender: PreorderSender;
  /** The accounts' change budgets the demper and the sender share. */
  budgets: ChangeBudgets;
  now: () => Date;
  onChanged: (ids: number[] | null) => void;
}

/**
 * The Pre-orders page's model (issue #16): entries per offer with days per point, checked by the
 * rules of src-shared/domain/preorder before anything is saved or sent; sending is the sender's.
 */
export function createPreordersService(deps: PreordersServiceDeps) {
  const { db } = deps;
  const repo = preordersRepo(db);
  const at = (): string => deps.now().toISOString();
  const file = createPreordersFile(db, deps.now, (ids) => deps.onChanged(ids));
  const pointsOfStore = (storeId: number): string[] => repo.storePoints(storeId).map((p) => p.pointId);

  const reject = (entries: Array<{ sku: string; errors: Message[] }>): AppError => {
    const first = entries[0];
    return new AppError('invalid_input', first?.errors[0] ?? msg('error.internal'), { entries });
  };

  const entryOrThrow = (id: number): PreorderView => {
    const entry = repo.get(id);
    if (!entry) throw new AppError('not_found', msg('preorders.not_found'));
    return entry;
  };

  const check = (entry: { storeId: number; productId: number | null; price: number; points: readonly PreorderPoint[] }): Message[] =>
    checkEntry(entry, { storePoints: pointsOfStore(entry.storeId), newArticle: entry.productId === null, bounds: null });

  const changed = (ids: number[]): { ids: number[]; sent: boolean } => {
    deps.onChanged(ids);
    return { ids, sent: false };
  };

  /** Entries to processing (journaled and sent by the sender); an entry with a rule broken is refused, all or nothing. */
  const send = (ids: readonly number[], event: string, edit?: (e: PreorderView) => PreorderPoint[]): { ids: number[]; sent: boolean } => {
    const entries = ids.map(entryOrThrow);
    const next = entries.map((e) => ({ e, points: edit ? edit(e) : e.points }));
    const refused = next.map(({ e, points }) => ({ sku: e.sku, errors: check({ ...e, points }) })).filter((r) => r.errors.length > 0);
    if (refused.length > 0) throw reject(refused);
    repo.queue(next.map(({ e, points }) => ({ id: e.id, points: edit ? points : null })), event, at());
    deps.sender.kick();
    return { ...changed(entries.map((e) => e.id)), sent: true };
  };

  return {
    importFile: file.importFile,
    exportFile: file.exportFile,
    list(filter: PreordersFilter = {}): PreorderView[] {
      return repo.list().filter((e) => (!filter.status || e.status === filter.status) && (!filter.storeId || e.storeId === filter.storeId) && (!filter.pointId || e.points.some((p) => p.pointId === filter.pointId && p.days > 0)));
    },
    points: () => repo.stores().map((s) => ({ storeId: s.id, name: s.name, points: repo.storePoints(s.id) })),
    budget: () =>
      repo.stores().map((s) => {
        const budget = deps.budgets.for(s.merchantUid);
        const used = budget.used(deps.now().getTime());
        return { storeId: s.id, price: used.price, stock: used.stock, limit: budget.limit, first: budget.priority.first };
      }),
    history: (id: number) => (entryOrThrow(id), repo.history(id)),

    addFromProducts(productIds: readonly number[], days: number = DEFAULT_PREORDER_DAYS, pointIds?: readonly string[]) {
      // Putting an offer on pre-order takes 1–30 days (0 would be regular sale).
      if (!Number.isInteger(days) || days < 1 || days > 30) throw reject([{ sku: '', errors: [msg('preorders.days_range', { point: '', days: String(days) })] }]);
      const rows = productIds.map((id) => {
        const p = repo.product(id);
        if (!p) throw new AppError('not_found', msg('preorders.not_found'));
        const storePts = pointsOfStore(p.storeId);
        // Points the store does not have are named by the rules' check below, not dropped.
        const points = (pointIds ?? storePts).map((pointId) => ({ pointId, days, stock: null }));
        return { p, points };
      });
      const refused = rows.map(({ p, points }) => ({ sku: p.sku, errors: check({ storeId: p.storeId, productId: p.id, price: p.price ?? 1, points }) })).filter((r) => r.errors.length > 0);
      if (refused.length > 0) throw reject(refused);
      const ids = repo.saveMany(
        rows.map(({ p, points }) => ({ existingId: repo.idBySku(p.storeId, p.sku), entry: { storeId: p.storeId, productId: p.id, sku: p.sku, name: p.title, brand: p.brand, price: p.price ?? 1, points } })),
        at(),
      );
      return changed(ids);
    },

    update(id: number, patch: { price?: number; points: PreorderPoint[] }): PreorderView {
      const entry = entryOrThrow(id);
      const next = { ...entry, price: patch.price ?? entry.price, points: patch.points };
      const errors = check(next);
      if (errors.length > 0) throw reject([{ sku: entry.sku, errors }]);
      repo.edit(id, { name: entry.name, brand: entry.brand, price: next.price, points: next.points }, at());
      changed([id]);
      return entryOrThrow(id);
    },

    setDays(ids: readonly number[], days: number, pointId?: string) {
      const entries = ids.map(entryOrThrow);
      const next = entries.map((e) => ({ e, points: e.points.map((p) => (!pointId || p.pointId === pointId ? { ...p, days } : p)) }));
      const refused = next.map(({ e, points }) => ({ sku: e.sku, errors: check({ ...e, points }) })).filter((r) => r.errors.length > 0);
      if (refused.length > 0) throw reject(refused);
      repo.saveMany(next.map(({ e, points }) => ({ existingId: e.id, entry: { ...e, points } })), at());
      return changed(entries.map((e) => e.id));
    },

    send: (ids: readonly number[]) => send(ids, 'sending'),
    /** Back to regular sale: days 0 at every point of the entry. */
    end: (ids: readonly number[]) => send(ids, 'ending', (e) => e.points.map((p) => ({ ...p, days: 0 }))),

    remove(ids: readonly number[]) {
      for (const id of ids) {
        const entry = entryOrThrow(id);
        if (entry.status === 'processing') throw new AppError('conflict', msg('preorders.busy', { sku: entry.sku }));
      }
      repo.removeMany(ids);
      return changed([...ids]);
    },
  };
}
export type PreordersService = ReturnType<typeof createPreordersService>;
