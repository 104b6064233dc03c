import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BacktestRules, BacktestRun, BacktestScope } from '../../src-shared/contract/backtest';
import { AppError } from '../../src-shared/contract/errors';
import type { DemperSettings } from '../../src-shared/contract/demper';
import { dayOfDate, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import { msg } from '../../src-shared/i18n';
import type { EventBus } from '../app/event-bus';
import { sqliteNativeBinding } from '../db/native-binding';
import { ruleChangesRepo } from '../db/repos/rule-changes-repo';
import type { Clock } from '../time/clock';
import type { Logger } from '../logging/logger';
import { createRulesService } from '../rules/rules-service';
import { runBacktestInWorker } from './run-in-worker';

/** Runs kept for the page (the newest); older ones are forgotten. */
const KEEP_RUNS = 20;
/** Progress events at most this often per run. */
const PROGRESS_EVERY_MS = 250;

export interface BacktestDeps {
  db: Database;
  /** The database file: each replay's worker thread reads its period over its own read-only connection. */
  databasePath: string;
  events: EventBus;
  logger: Logger;
  clock: Clock;
  /** The demper's settings as live runs them: the replay uses the same budgets and hours. */
  demperSettings: () => DemperSettings;
}

interface Running extends BacktestRun {
  controller: AbortController;
}

const view = ({ controller: _controller, ...run }: Running): BacktestRun => run;

/**
 * Backtests the seller starts: the recorded period read, replayed by the live engine with the
 * rules to test (run-backtest.ts), its progress told as `backtest.progress`, cancellable, and its
 * rules applied through the rules service, journaled (rule_changes, source 'backtest').
 *
 * Each replay runs in its own worker thread (run-in-worker.ts), so the main process (the demper,
 * the window's calls) never waits for it; a cancel stops the worker.
 */
export function createBacktestService({ db, databasePath, events, logger, clock, demperSettings }: BacktestDeps) {
  const now = () => new Date(clock.now());
  const changes = ruleChangesRepo(db);
  const log = logger.child('backtest');
  const runs = new Map<string, Running>();
  const rules = createRulesService({ db, now, onChanged: (productIds) => events.emit('products.changed', { productIds: productIds && productIds.length <= 1000 ? productIds : null }) });

  const find = (id: string): Running => {
    const run = runs.get(id);
    if (!run) throw new AppError('not_found', msg('backtest.not_found'));
    return run;
  };
  const tell = (run: Running) => events.emit('backtest.progress', { id: run.id, state: run.state, progress: run.progress });

  async function execute(run: Running): Promise<void> {
    const fromMs = kzDayStart(dayOfDate(run.from));
    const toMs = Math.min(now().getTime(), kzDayStart(dayOfDate(run.to) + 1));
    const settings = demperSettings();
    let told = 0;
    try {
      const job = {
        databasePath,
        nativeBinding: sqliteNativeBinding(),
        scope: run.scope,
        fromMs,
        toMs,
        rules: run.rules,
        engine: { pushesPerSecond: settings.pushesPerSecond, pushWindowLimit: settings.pushWindowLimit, workingHours: settings.workingHours },
      };
      const result = await runBacktestInWorker(job, {
        signal: run.controller.signal,
        onProgress: (done) => {
          run.progress = done;
          if (Date.now() - told >= PROGRESS_EVERY_MS) {
            told = Date.now();
            tell(run);
          }
        },
      });
      Object.assign(run, { state: 'done', progress: 1, result });
    } catch (error) {
      if (run.controller.signal.aborted) run.state = 'cancelled';
      else {
        log.error('backtest failed', { id: run.id, error });
        Object.assign(run, { state: 'failed', error: msg('backtest.failed', { reason: error instanceof Error ? error.message : String(error) }) });
      }
    }
    tell(run);
  }

  return {
    start(scope: BacktestScope, from: string, to: string, testRules: BacktestRules | null): BacktestRun {
      if (from > to) throw new AppError('invalid_input', msg('backtest.period_order'));
      const run: Running = { id: randomUUID(), state: 'running', progress: 0, startedAt: now().getTime(), scope, from, to, rules: testRules, result: null, error: null, appliedChangeId: null, controller: new AbortController() };
      runs.set(run.id, run);
      for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - KEEP_RUNS))) runs.delete(old);
      // Started after this call answers, so the page has the run before its first progress.
      setImmediate(() => void execute(run));
      return view(run);
    },
    get: (id: string): BacktestRun => view(find(id)),
    list: (): { runs: BacktestRun[] } => ({ runs: [...runs.values()].reverse().map(view) }),
    cancel(id: string): BacktestRun {
      const run = find(id);
      if (run.state === 'running') run.controller.abort();
      return view(run);
    },
    /** The tested rules onto the products it replayed, as an edit by hand would set them (all or nothing), journaled. */
    apply(id: string): { changeId: number; updated: number } {
      const run = find(id);
      if (run.state !== 'done' || !run.result) throw new AppError('invalid_input', msg('backtest.not_done'));
      if (!run.rules) throw new AppError('invalid_input', msg('backtest.nothing_to_apply'));
      const productIds = run.result.rows.map((r) => r.productId);
      const update = run.rules;
      const { changeId, applied } = changes.record({ source: 'backtest', kind: 'rules', change: update, productIds, atMs: now().getTime() }, () =>
        productIds.length > 0 ? rules.update(productIds, update) : { updated: 0 },
      );
      run.appliedChangeId = changeId;
      log.info('backtest rules applied', { id, products: productIds.length, changeId });
      return { changeId, updated: applied.updated };
    },
    /** Stops every running replay (the app is closing). */
    stop(): void {
      for (const run of runs.values()) if (run.state === 'running') run.controller.abort();
    },
  };
}
export type BacktestService = ReturnType<typeof createBacktestService>;
