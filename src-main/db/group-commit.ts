import type { Database } from 'better-sqlite3';
import { relaxedCommit } from './relaxed-commit';

/**
 * Group commit for small writes that arrive many per second (offer snapshots, journal rows of a
 * dry-run pass at hundreds of checks a second). With synchronous=FULL every transaction waits for
 * the disk, on the main thread (about 0.5 ms here, far more on a laptop disk or a busy machine);
 * writes queued within `windowMs` share a transaction, so they share that wait. Each promise
 * settles after its transaction committed, so "durable before it returns" still holds. A batch
 * that fails is replayed one write at a time, so one bad write fails alone.
 *
 * `durable: false` is for what a power cut may lose the last second of (price history, dry-run
 * rows): its batches commit without waiting for the disk (relaxed-commit.ts), so a pass of
 * hundreds of checks a second does not stall the main thread on the disk.
 */
export function groupCommit<T, R>(db: Database, write: (item: T) => R, windowMs = 50, durable = true): { (item: T): Promise<R>; flush(): void } {
  type Job = { item: T; resolve(value: R): void; reject(error: unknown): void };
  let queue: Job[] = [];
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  const all = (jobs: Job[]): R[] => jobs.map((job) => write(job.item));
  const writeAll = durable ? db.transaction(all) : relaxedCommit(db, all);

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
