import type { Database } from 'better-sqlite3';
import type { OrderSource } from '../../../src-shared/domain/order';

/** How far a store's order sync got and how it last ended: what makes it resumable after a restart. */
export interface OrderSyncState {
  storeId: number;
  source: OrderSource | null;
  /** The oldest creation time the backfill reaches for. */
  backfillFromMs: number | null;
  /** Everything created at or after this has been read (the backfill walks back from now). */
  backfillCursorMs: number | null;
  backfillDone: boolean;
  /** The last quick pass (recent days) and full pass (every active order) that finished. */
  recentSyncedMs: number | null;
  fullSyncedMs: number | null;
  failures: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorMs: number | null;
  nextAttemptMs: number | null;
  alertNewOrder: boolean;
  alertDeadline: boolean;
}

interface Row {
  store_id: number;
  source: OrderSource | null;
  backfill_from_ms: number | null;
  backfill_cursor_ms: number | null;
  backfill_done: number;
  recent_synced_ms: number | null;
  full_synced_ms: number | null;
  failures: number;
  error_code: string | null;
  error_message: string | null;
  error_ms: number | null;
  next_attempt_ms: number | null;
  alert_new_order: number;
  alert_deadline: number;
}

const toState = (r: Row): OrderSyncState => ({
  storeId: r.store_id,
  source: r.source,
  backfillFromMs: r.backfill_from_ms,
  backfillCursorMs: r.backfill_cursor_ms,
  backfillDone: r.backfill_done === 1,
  recentSyncedMs: r.recent_synced_ms,
  fullSyncedMs: r.full_synced_ms,
  failures: r.failures,
  errorCode: r.error_code,
  errorMessage: r.error_message,
  errorMs: r.error_ms,
  nextAttemptMs: r.next_attempt_ms,
  alertNewOrder: r.alert_new_order === 1,
  alertDeadline: r.alert_deadline === 1,
});

const COLUMNS: Record<keyof Omit<OrderSyncState, 'storeId'>, string> = {
  source: 'source',
  backfillFromMs: 'backfill_from_ms',
  backfillCursorMs: 'backfill_cursor_ms',
  backfillDone: 'backfill_done',
  recentSyncedMs: 'recent_synced_ms',
  fullSyncedMs: 'full_synced_ms',
  failures: 'failures',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  errorMs: 'error_ms',
  nextAttemptMs: 'next_attempt_ms',
  alertNewOrder: 'alert_new_order',
  alertDeadline: 'alert_deadline',
};

export function orderSyncRepo(db: Database) {
  const get = db.prepare<[number], Row>('SELECT * FROM order_sync_state WHERE store_id = ?');
  const ensure = db.prepare('INSERT OR IGNORE INTO order_sync_state (store_id) VALUES (?)');
  return {
    get(storeId: number): OrderSyncState {
      ensure.run(storeId);
      return toState(get.get(storeId)!);
    },
    update(storeId: number, patch: Partial<Omit<OrderSyncState, 'storeId'>>, now: number): OrderSyncState {
      ensure.run(storeId);
      const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
      if (keys.length > 0) {
        const values = keys.map((k) => {
          const v = patch[k];
          return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
        });
        db.prepare(`UPDATE order_sync_state SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, updated_ms = ? WHERE store_id = ?`).run(...values, now, storeId);
      }
      return toState(get.get(storeId)!);
    },
  };
}
export type OrderSyncRepo = ReturnType<typeof orderSyncRepo>;
