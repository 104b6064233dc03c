import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BacktestResult } from '../../src-shared/contract/backtest';
import type { BacktestJob, BacktestWorkerCommand, BacktestWorkerMessage } from './backtest-job';

/** A cancelled replay that has not stopped by then (still reading its period) is ended. */
const CANCEL_GRACE_MS = 2_000;

export class BacktestCancelled extends Error {
  override readonly name = 'BacktestCancelled';
  constructor() {
    super('backtest cancelled');
  }
}

/**
 * The worker thread of one backtest. Built, it is `backtest-worker.js` beside the bundled main
 * (vite.main.config.ts); from the sources (tests, `npm run demo`), the TypeScript entry is loaded
 * through tsx, a development dependency that a build never reaches.
 */
function startWorker(job: BacktestJob): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./backtest-worker.js', here), { workerData: job });
  const entry = new URL('./backtest-worker.ts', here).href;
  const tsx = tsxImportApi(here);
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`, { eval: true, workerData: job });
}

/** tsx's ESM API (its `tsImport`), found from `from` as an `import` would find it. */
function tsxImportApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/**
 * Runs a backtest off the main thread: its progress (0..1) as the worker tells it, its result, or
 * BacktestCancelled once `signal` aborts (the worker stops at its next virtual hour, or is ended).
 */
export function runBacktestInWorker(job: BacktestJob, options: { onProgress?: (done: number) => void; signal?: AbortSignal } = {}): Promise<BacktestResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      options.signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => {
      worker.postMessage({ type: 'cancel' } satisfies BacktestWorkerCommand);
      grace = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
      grace.unref();
    };
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: BacktestWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else if (message.type === 'cancelled') finish(() => reject(new BacktestCancelled()));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(options.signal?.aborted ? new BacktestCancelled() : new Error(`backtest worker stopped (exit code ${code})`))));
  });
}
