import { parentPort, workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../db/connection';
import { useSqliteNativeBinding } from '../db/native-binding';
import { loadRecordedPeriod } from '../db/repos/backtest-repo';
import type { BacktestJob, BacktestWorkerCommand, BacktestWorkerMessage } from './backtest-job';
import { runBacktest } from './run-backtest';

/**
 * A backtest's worker thread (started by run-in-worker.ts; vite.main.config.ts builds it as its
 * own entry): reads the period over its own read-only connection, replays it, and tells its
 * progress and result. A cancel stops the replay at its next virtual hour.
 */
const port = parentPort!;
const job = workerData as BacktestJob;
const tell = (message: BacktestWorkerMessage) => port.postMessage(message);
const controller = new AbortController();
port.on('message', (command: BacktestWorkerCommand) => {
  if (command.type === 'cancel') controller.abort();
});

useSqliteNativeBinding(job.nativeBinding);
const db = openDatabaseReadOnly(job.databasePath);
try {
  const period = loadRecordedPeriod(db, job.scope, job.fromMs, job.toMs);
  const { result } = await runBacktest(period, { rules: job.rules, engine: job.engine, signal: controller.signal, onProgress: (done) => tell({ type: 'progress', done }) });
  tell({ type: 'done', result });
} catch (error) {
  tell(controller.signal.aborted ? { type: 'cancelled' } : { type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
  // The port no longer keeps the thread: it ends once its messages are out.
  port.unref();
}
