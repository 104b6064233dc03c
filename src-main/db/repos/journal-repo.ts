import type { Database } from 'better-sqlite3';
import type { Reason } from '../../../src-shared/domain/decision';
import type { JournalEntry, JournalPlan, JournalStatus, JournalStore } from '../../demper/ports';

interface Row {
  id: number;
  store_id: number;
  product_id: number;
  city_id: string;
  old_price: number | null;
  new_price: number;
  reason_json: string;
  status: JournalStatus;
  job_id: string | null;
  error: string | null;
  created_at: string;
  pushed_at: string | null;
  verified_at: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string | null) => (text === null ? null : Date.parse(text));

const toEntry = (r: Row): JournalEntry => ({
  id: r.id,
  storeId: r.store_id,
  productId: r.product_id,
  cityId: r.city_id,
  oldPrice: r.old_price,
  newPrice: r.new_price,
  reason: JSON.parse(r.reason_json) as Reason,
  status: r.status,
  jobId: r.job_id,
  error: r.error,
  createdAt: Date.parse(r.created_at),
  pushedAt: ms(r.pushed_at),
  verifiedAt: ms(r.verified_at),
});

/**
 * The price journal in SQLite (design.md §5). With synchronous=FULL each statement is on disk
 * when it returns, so "planned" exists before the push leaves and "pushed" survives a power cut.
 */
export function createSqliteJournal(db: Database): JournalStore & {
  list(q: { productId?: number; storeId?: number; limit: number }): JournalEntry[];
  activitySince(from: string): Array<{ createdAt: string; status: 'pushed' | 'verified' | 'mismatch' | 'dry_run' }>;
} {
  const insert = db.prepare(
    `INSERT INTO price_journal (store_id, product_id, city_id, old_price, new_price, reason_code, reason_json, status, created_at)
     VALUES (@storeId, @productId, @cityId, @oldPrice, @newPrice, @code, @reason, @status, @at)`,
  );
  const pushed = db.prepare("UPDATE price_journal SET status = 'pushed', job_id = ?, pushed_at = ? WHERE id = ?");
  const failed = db.prepare("UPDATE price_journal SET status = 'failed', error = ? WHERE id = ?");
  // A push whose answer was lost is verified straight from planned: it did land, so it gets a
  // pushed_at too, which restores its cooldown and daily count after a restart.
  const verified = db.prepare("UPDATE price_journal SET status = 'verified', verified_at = @at, pushed_at = COALESCE(pushed_at, @at) WHERE id = @id");
  const mismatch = db.prepare("UPDATE price_journal SET status = 'mismatch', verified_at = ?, error = ? WHERE id = ?");
  const unfinished = db.prepare<[], Row>("SELECT * FROM price_journal WHERE status IN ('planned', 'pushed') ORDER BY id");
  const since = db.prepare<[string], { product_id: number; city_id: string; pushed_at: string }>(
    'SELECT product_id, city_id, pushed_at FROM price_journal WHERE pushed_at IS NOT NULL AND pushed_at >= ? ORDER BY pushed_at',
  );
  const activity = db.prepare<[string], { created_at: string; status: 'pushed' | 'verified' | 'mismatch' | 'dry_run' }>(
    "SELECT created_at, status FROM price_journal WHERE created_at >= ? AND status IN ('pushed', 'verified', 'mismatch', 'dry_run')",
  );
  const must = (changes: number, id: number) => {
    if (changes !== 1) throw new Error(`journal entry ${id} does not exist`);
  };

  return {
    async plan(p: JournalPlan) {
      const result = insert.run({
        storeId: p.storeId,
        productId: p.productId,
        cityId: p.cityId,
        oldPrice: p.oldPrice,
        newPrice: p.newPrice,
        code: p.reason.code,
        reason: JSON.stringify(p.reason),
        status: p.dryRun ? 'dry_run' : 'planned',
        at: iso(p.at),
      });
      return Number(result.lastInsertRowid);
    },
    async markPushed(id, jobId, at) { must(pushed.run(jobId, iso(at), id).changes, id); },
    async markFailed(id, error) { must(failed.run(error, id).changes, id); },
    async markVerified(id, at) { must(verified.run({ at: iso(at), id }).changes, id); },
    async markMismatch(id, observed, at) { must(mismatch.run(iso(at), `Kaspi shows ${observed ?? 'no offer'}`, id).changes, id); },
    async listUnfinished() { return unfinished.all().map(toEntry); },
    async changesSince(from) {
      return since.all(iso(from)).map((r) => ({ productId: r.product_id, cityId: r.city_id, at: Date.parse(r.pushed_at) }));
    },
    /** Prices changed on Kaspi (or only planned, in a dry run) since an instant: what the overview counts per day. */
    activitySince(from: string) {
      return activity.all(from).map((r) => ({ createdAt: r.created_at, status: r.status }));
    },
    list({ productId, storeId, limit }) {
      const where = [productId !== undefined ? 'product_id = @productId' : null, storeId !== undefined ? 'store_id = @storeId' : null].filter(Boolean);
      const sql = `SELECT * FROM price_journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
      return (db.prepare(sql).all({ productId, storeId, limit }) as Row[]).map(toEntry);
    },
  };
}
