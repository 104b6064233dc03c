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
  const storePoints = db.prepare<[number], { point_id: string; name: string; city_id: string | null }>('SELECT point_id, name, city_id FROM store_points WHERE store_id = ? ORDER BY name');
  const stores = db.prepare<[], { id: number; name: string; merchant_uid: string }>('SELECT id, name, merchant_uid FROM stores WHERE removed_at IS NULL ORDER BY id');
  const product = db.prepare<[number], { id: number; store_id: number; sku: string; title: string; brand: string | null; price: number | null }>(
    `SELECT p.id, p.store_id, p.sku, p.title, p.brand, (SELECT min(price) FROM product_city_prices c WHERE c.product_id = p.id) AS price
       FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ? AND s.removed_at IS NULL`,
  );
  const file = createPreordersFile(db, deps.now, (ids) => deps.onChanged(ids));
  const pointsOfStore = (storeId: number): string[] => storePoints.all(storeId).map((p) => p.point_id);

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
    const now = at();
    db.transaction(() => {
      for (const { e, points } of next) {
        if (edit) repo.setPoints(e.id, points);
        repo.status(e.id, 'processing', event, now, null, { points });
      }
    })();
    deps.sender.kick();
    return { ...changed(entries.map((e) => e.id)), sent: true };
  };

  return {
    importFile: file.importFile,
    exportFile: file.exportFile,
    list(filter: PreordersFilter = {}): PreorderView[] {
      return repo.list().filter((e) => (!filter.status || e.status === filter.status) && (!filter.storeId || e.storeId === filter.storeId) && (!filter.pointId || e.points.some((p) => p.pointId === filter.pointId && p.days > 0)));
    },
    points: () => stores.all().map((s) => ({ storeId: s.id, name: s.name, points: storePoints.all(s.id).map((p) => ({ pointId: p.point_id, name: p.name, cityId: p.city_id })) })),
    budget: () =>
      stores.all().map((s) => {
        const budget = deps.budgets.for(s.merchant_uid);
        const used = budget.used(deps.now().getTime());
        return { storeId: s.id, price: used.price, stock: used.stock, limit: budget.limit, first: budget.priority.first };
      }),
    history: (id: number) => (entryOrThrow(id), repo.history(id)),

    addFromProducts(productIds: readonly number[], days: number = DEFAULT_PREORDER_DAYS, pointIds?: readonly string[]) {
      // Putting an offer on pre-order takes 1–30 days (0 would be regular sale).
      if (!Number.isInteger(days) || days < 1 || days > 30) throw reject([{ sku: '', errors: [msg('preorders.days_range', { point: '', days: String(days) })] }]);
      const rows = productIds.map((id) => {
        const p = product.get(id);
        if (!p) throw new AppError('not_found', msg('preorders.not_found'));
        const storePts = pointsOfStore(p.store_id);
        // Points the store does not have are named by the rules' check below, not dropped.
        const points = (pointIds ?? storePts).map((pointId) => ({ pointId, days, stock: null }));
        return { p, points };
      });
      const refused = rows.map(({ p, points }) => ({ sku: p.sku, errors: check({ storeId: p.store_id, productId: p.id, price: p.price ?? 1, points }) })).filter((r) => r.errors.length > 0);
      if (refused.length > 0) throw reject(refused);
      const now = at();
      const ids = db.transaction(() =>
        rows.map(({ p, points }) => {
          const existing = repo.idBySku(p.store_id, p.sku);
          if (existing === null) return repo.create({ storeId: p.store_id, productId: p.id, sku: p.sku, name: p.title, brand: p.brand, price: p.price ?? 1, points }, now);
          repo.edit(existing, { name: p.title, brand: p.brand, price: p.price ?? 1, points }, now);
          return existing;
        }),
      )();
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
      const now = at();
      db.transaction(() => {
        for (const { e, points } of next) repo.edit(e.id, { name: e.name, brand: e.brand, price: e.price, points }, now);
      })();
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
      db.transaction(() => ids.forEach((id) => repo.remove(id)))();
      return changed([...ids]);
    },
  };
}
export type PreordersService = ReturnType<typeof createPreordersService>;
