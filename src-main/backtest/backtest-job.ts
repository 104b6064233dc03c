import type { BacktestResult, BacktestRules, BacktestScope } from '../../src-shared/contract/backtest';
import type { EngineSettingsInput } from '../demper/settings';

/** What a backtest's worker thread is given: where the database is, and what to replay. */
export interface BacktestJob {
  databasePath: string;
  /** The better-sqlite3 build the app loads (Electron's own); undefined: node_modules' build. */
  nativeBinding: string | undefined;
  scope: BacktestScope;
  fromMs: number;
  toMs: number;
  rules: BacktestRules | null;
  engine: EngineSettingsInput;
}

/** What the worker tells the thread that started it. */
export type BacktestWorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; result: BacktestResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

/** What the starting thread tells the worker. */
export type BacktestWorkerCommand = { type: 'cancel' };
