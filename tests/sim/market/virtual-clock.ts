/** The engine's tests and the market benchmark run on the backtest's virtual clock (one implementation). */
export { VirtualClock } from '../../../src-main/backtest/virtual-clock';
