import type { Database } from 'better-sqlite3';

/**
 * Group commit for small writes that arrive many per second (offer snapshots, journal rows of a
 * dry-run pass at hundreds of checks a second). With synchronous=FULL every transaction waits for
 * the disk, on the main thread (about 0.5 ms here, far more on a laptop disk or a busy machine);
 * writes queued within `windowMs` share a transaction, so they share that wait. Each promise
 * settles after its transaction committed, so "durable before it returns" still holds. A batch
 * that fails is replayed one write at a time, so one bad write fails alone.
 *
 * `durable: false` is for what a power cut may lose the last second of (price history, dry-run
 * rows): its batches commit with synchronous=NORMAL (WAL: no wait for the disk; the next durable
 * commit or checkpoint takes them down), so a pass of hundreds of checks a second does not stall
 * the main thread on the disk. The connection is set back to what it was right after.
 */
export function groupCommit<T, R>(db: Database, write: (item: T) => R, windowMs = 50, durable = true): { (item: T): Promise<R>; flush(): void } {
  type Job = { item: T; resolve(value: R): void; reject(error: unknown): void };
  let queue: Job[] = [];
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  const inTransaction = db.transaction((jobs: Job[]) => jobs.map((job) => write(job.item)));
  // The connection's own setting, read once (a pass commits twenty times a second). SQLite applies
  // this pragma when it compiles it, so it cannot be a prepared statement run again.
  const restore = `PRAGMA synchronous = ${db.pragma('synchronous', { simple: true }) as number}`;
  const writeAll = (jobs: Job[]): R[] => {
    if (durable) return inTransaction(jobs);
    db.exec('PRAGMA synchronous = NORMAL');
    try {
      return inTransaction(jobs);
    } finally {
      db.exec(restore);
    }
  };

  const flush = (): void => {
    if (scheduled) clearTimeout(scheduled);
    scheduled = null;
    const jobs = queue;
    queue = [];
    if (jobs.length === 0) return;
    let results: R[];
    try {
      results = writeAll(jobs);
    } catch {
      for (const job of jobs) {
        try {
          job.resolve(write(job.item));
        } catch (error) {
          job.reject(error);
        }
      }
      return;
    }
    jobs.forEach((job, i) => job.resolve(results[i]!));
  };

  const enqueue = (item: T): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      scheduled ??= setTimeout(flush, windowMs);
    });
  return Object.assign(enqueue, { flush });
}
