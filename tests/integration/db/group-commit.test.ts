import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../../src-main/db/group-commit';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function openDb() {
  const path = join(tempDir(), 'gc.db');
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (x INTEGER NOT NULL CHECK (x >= 0))');
  return { db, path };
}

describe('group commit of frequent small writes', () => {
  it('writes queued together in one transaction, each visible to another connection when its promise settles', async () => {
    const { db, path } = openDb();
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const inTransaction: boolean[] = [];
    const write = groupCommit(db, (x: number) => {
      inTransaction.push(db.inTransaction);
      return Number(insert.run(x).lastInsertRowid);
    }, 10);
    const reader = new BetterSqlite3(path, { readonly: true });
    const ids = await Promise.all([1, 2, 3].map((x) => write(x).then((id) => ({ id, seen: reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number } }))));
    expect(ids.map((r) => r.id)).toEqual([1, 2, 3]);
    for (const r of ids) expect(r.seen.n).toBe(3);
    expect(inTransaction).toEqual([true, true, true]);
    reader.close();
    db.close();
  });

  it('fails only the bad write of a batch', async () => {
    const { db } = openDb();
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const write = groupCommit(db, (x: number) => insert.run(x).changes, 10);
    const results = await Promise.allSettled([write(1), write(-1), write(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }]);
    db.close();
  });

  it('commits a batch that may lose its last second without waiting for the disk, and leaves the connection durable', async () => {
    const { db } = openDb();
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const modes: number[] = [];
    const write = groupCommit(db, (x: number) => {
      modes.push(db.pragma('synchronous', { simple: true }) as number);
      return insert.run(x).changes;
    }, 10, false);
    await Promise.all([write(1), write(2)]);
    // 1 = NORMAL inside the batch, 2 = FULL again after it.
    expect(modes).toEqual([1, 1]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    db.close();
  });

  it('writes what is queued at once on flush', async () => {
    const { db } = openDb();
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const write = groupCommit(db, (x: number) => insert.run(x).changes, 60_000);
    const pending = write(7);
    write.flush();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    await expect(pending).resolves.toBe(1);
    db.close();
  });
});
