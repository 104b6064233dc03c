import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import type { BacktestResult } from '../../../src-shared/contract/backtest';
import { DEFAULT_DEMPER_SETTINGS } from '../../../src-shared/contract/demper';
import { dayOfDate, kzDate, kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import { EventBus } from '../../../src-main/app/event-bus';
import { createBacktestService } from '../../../src-main/backtest/backtest-service';
import { BacktestCancelled, runBacktestInWorker } from '../../../src-main/backtest/run-in-worker';
import { runBacktest } from '../../../src-main/backtest/run-backtest';
import { loadRecordedPeriod } from '../../../src-main/db/repos/backtest-repo';
import { createLogger } from '../../../src-main/logging/logger';
import { clockWithNow } from '../../../src-main/time/clock';
import { recordLivePeriod } from '../../support/recorded-live';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const MARKET = { seed: 7, productsPerStore: 10, botsPerProduct: [1, 3] as [number, number], start: 'near_market' as const };
const RULES = { set: { strategy: 'top_n' as const, targetPosition: 2 }, unset: [] };
/** What the service hands the engine from the seller's demper settings. */
const ENGINE = { pushesPerSecond: DEFAULT_DEMPER_SETTINGS.pushesPerSecond, pushWindowLimit: DEFAULT_DEMPER_SETTINGS.pushWindowLimit, workingHours: DEFAULT_DEMPER_SETTINGS.workingHours };

/** Everything but the wall time, which differs from run to run. */
const comparable = ({ wallMs: _wallMs, ...result }: BacktestResult) => result;

async function recorded() {
  const dir = tempDir();
  const { db, fromMs, toMs } = await recordLivePeriod(dir, MARKET, { dryRun: false }, 8);
  return { db, databasePath: join(dir, 'recorded.db'), fromMs, toMs };
}

describe('a backtest in its worker thread', () => {
  it('runs through the service off the main thread: it tells its progress, its result is the in-thread one, and a cancel stops it', async () => {
    const { db, databasePath, toMs } = await recorded();
    const events = new EventBus();
    const progress: EventPayload<'backtest.progress'>[] = [];
    events.subscribe((event, payload) => event === 'backtest.progress' && progress.push(payload as EventPayload<'backtest.progress'>));
    const service = createBacktestService({ db, databasePath, events, logger: createLogger({ level: 'error' }).logger, clock: clockWithNow(() => toMs), demperSettings: () => DEFAULT_DEMPER_SETTINGS });
    const day = kzDate(kzDay(toMs));

    const started = service.start({ storeId: 1 }, day, day, RULES);
    expect(started.state).toBe('running');
    const done = await waitUntil(() => service.get(started.id), (run) => run.state !== 'running');
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    expect(progress.at(-1)).toEqual({ id: started.id, state: 'done', progress: 1 });

    // The same period replayed in this thread, as the service asked the worker to.
    const period = loadRecordedPeriod(db, { storeId: 1 }, kzDayStart(dayOfDate(day)), Math.min(toMs, kzDayStart(dayOfDate(day) + 1)));
    const inThread = await runBacktest(period, { rules: RULES, engine: ENGINE });
    expect(inThread.result.backtest.changes).toBeGreaterThan(0);
    expect(comparable(done.result!)).toEqual(comparable(inThread.result));

    const cancelled = service.start({ storeId: 1 }, day, day, RULES);
    service.cancel(cancelled.id);
    const stopped = await waitUntil(() => service.get(cancelled.id), (run) => run.state !== 'running');
    expect(stopped.state).toBe('cancelled');
    expect(stopped.result).toBeNull();
    expect(progress.at(-1)).toMatchObject({ id: cancelled.id, state: 'cancelled' });
    db.close();
  }, 120_000);

  it('tells its progress hour by hour up to the end, and a cancel mid-way ends the worker with nothing', async () => {
    const { db, databasePath, fromMs, toMs } = await recorded();
    const job = { databasePath, nativeBinding: undefined, scope: { storeId: 1 }, fromMs, toMs, rules: RULES, engine: ENGINE };
    const told: number[] = [];
    const result = await runBacktestInWorker(job, { onProgress: (done) => told.push(done) });
    expect(told.length).toBe(8);
    expect(told).toEqual([...told].sort((a, b) => a - b));
    expect(told.at(-1)).toBe(1);
    expect(result.products).toBe(10);

    const controller = new AbortController();
    const seen: number[] = [];
    const run = runBacktestInWorker(job, {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(BacktestCancelled);
    expect(seen.length).toBeLessThan(8);

    // Cancelled before it started: it ends too, and the read-only worker left the database as it was.
    const early = new AbortController();
    early.abort();
    await expect(runBacktestInWorker(job, { signal: early.signal })).rejects.toBeInstanceOf(BacktestCancelled);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});

async function waitUntil<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
