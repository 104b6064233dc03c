import type { Database } from 'better-sqlite3';

/**
 * Runs a transaction whose commit does not wait for the disk (synchronous=NORMAL; in WAL mode the
 * next durable commit or checkpoint takes it down), then sets the connection back. For what a
 * power cut may lose the last second of and rebuild (price history, the products table's rows):
 * with synchronous=FULL each commit waits for the disk on the main thread, 0.5 ms on an idle
 * machine and tens of milliseconds on a busy laptop disk.
 */
export function relaxedCommit<Args extends unknown[], Result>(db: Database, work: (...args: Args) => Result): (...args: Args) => Result {
  const inTransaction = db.transaction(work);
  // The connection's own setting, read once. SQLite applies this pragma when it compiles it, so it
  // cannot be a prepared statement run again.
  const restore = `PRAGMA synchronous = ${db.pragma('synchronous', { simple: true }) as number}`;
  return (...args: Args): Result => {
    db.exec('PRAGMA synchronous = NORMAL');
    try {
      return inTransaction(...args);
    } finally {
      db.exec(restore);
    }
  };
}
