import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/db/connection';
import { createSqliteJournal } from '../../../src-main/db/repos/journal-repo';
import type { JournalPlan } from '../../../src-main/demper/ports';
import type { Reason } from '../../../src-shared/domain/decision';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function seeded() {
  const path = join(tempDir(), 'app.db');
  const db = openDatabase(path);
  const now = new Date().toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(now, now);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30000001', 'Shop', ?)").run(now);
  db.prepare("INSERT INTO products (id, store_id, sku, title, created_at, updated_at) VALUES (7, 1, 'SKU', 'Phone', ?, ?)").run(now, now);
  return { db, path };
}

const reason = { code: 'undercut', floor: 12_500 } as unknown as Reason;
const plan = (at: number, dryRun = false): JournalPlan => ({ storeId: 1, productId: 7, cityId: '750000000', oldPrice: 13_000, newPrice: 12_990, reason, dryRun, at });

describe('price journal in SQLite', () => {
  it('keeps a planned row through a restart and completes the same row after the push', async () => {
    const { db, path } = seeded();
    const id = await createSqliteJournal(db).plan(plan(1_000));
    db.close();
    const reopened = openDatabase(path);
    const journal = createSqliteJournal(reopened);
    expect(await journal.listUnfinished()).toEqual([expect.objectContaining({ id, status: 'planned', newPrice: 12_990, reason })]);
    await journal.markPushed(id, 'job-1', 2_000);
    await journal.markVerified(id, 3_000);
    expect(await journal.listUnfinished()).toEqual([]);
    expect(journal.list({ productId: 7, limit: 10 })).toEqual([expect.objectContaining({ id, status: 'verified', jobId: 'job-1', pushedAt: 2_000, verifiedAt: 3_000 })]);
    reopened.close();
  });

  it('counts a push whose answer was lost but which Kaspi shows as pushed at its verification', async () => {
    const { db } = seeded();
    const journal = createSqliteJournal(db);
    const id = await journal.plan(plan(1_000));
    await journal.markVerified(id, 5_000);
    expect(await journal.changesSince(0)).toEqual([{ productId: 7, cityId: '750000000', at: 5_000 }]);
  });

  it('writes dry-run decisions as dry_run, never as unfinished work', async () => {
    const { db } = seeded();
    const journal = createSqliteJournal(db);
    await journal.plan(plan(1_000, true));
    expect(await journal.listUnfinished()).toEqual([]);
    expect(await journal.changesSince(0)).toEqual([]);
    expect(journal.list({ limit: 5 })[0]).toMatchObject({ status: 'dry_run' });
  });

  it('refuses a price that is not whole tenge at the database itself', async () => {
    const { db } = seeded();
    await expect(createSqliteJournal(db).plan({ ...plan(1_000), newPrice: 12_990.5 })).rejects.toThrow(/CHECK/);
  });
});
