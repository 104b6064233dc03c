import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import type { BacktestJob, BacktestWorkerMessage } from '../../../src-main/backtest/backtest-job';
import { recordLivePeriod } from '../../support/recorded-live';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const root = resolve(import.meta.dirname, '../../..');
// Inside the project, so the bundle finds node_modules as dist-main does.
const outDir = join(root, 'test-artifacts', `dist-main-${process.pid}`);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("the Electron main bundle's backtest worker", () => {
  it('is built beside main.js by vite.main.config.ts and replays a recorded period on its own', async () => {
    await build({ configFile: join(root, 'vite.main.config.ts'), root, logLevel: 'error', build: { outDir } });
    expect(existsSync(join(outDir, 'main.js'))).toBe(true);
    expect(readFileSync(join(outDir, 'main.js'), 'utf8')).toContain('./backtest-worker.js');
    const dir = tempDir();
    const { db, fromMs, toMs } = await recordLivePeriod(dir, { seed: 7, productsPerStore: 4, botsPerProduct: [1, 2], start: 'near_market' }, { dryRun: false }, 2);
    const job: BacktestJob = { databasePath: join(dir, 'recorded.db'), nativeBinding: undefined, scope: { storeId: 1 }, fromMs, toMs, rules: null, engine: {} };
    // main.js starts it as `new URL('./backtest-worker.js', import.meta.url)`: the two sit side by side.
    const worker = new Worker(join(outDir, 'backtest-worker.js'), { workerData: job });
    const told: BacktestWorkerMessage[] = [];
    const code = await new Promise<number>((done, fail) => {
      worker.on('message', (m: BacktestWorkerMessage) => told.push(m));
      worker.on('error', fail);
      worker.on('exit', done);
    });
    expect(code).toBe(0);
    expect(told.filter((m) => m.type === 'progress').length).toBe(2);
    const last = told.at(-1)!;
    expect(last.type).toBe('done');
    expect(last.type === 'done' && last.result.products).toBe(4);
    db.close();
  }, 120_000);
});
