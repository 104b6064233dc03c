import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type BacktestCalls = 'backtest.start' | 'backtest.get' | 'backtest.list' | 'backtest.cancel' | 'backtest.apply';

export function backtestHandlers({ backtests }: AppServices): { [N in BacktestCalls]: Handler<N> } {
  return {
    'backtest.start': ({ scope, from, to, rules }) => backtests.start(scope, from, to, rules),
    'backtest.get': ({ id }) => backtests.get(id),
    'backtest.list': () => backtests.list(),
    'backtest.cancel': ({ id }) => backtests.cancel(id),
    'backtest.apply': ({ id }) => backtests.apply(id),
  };
}
