import type { OrdersSyncSettings } from '../../../../src-main/orders/order-sync';
import type { OrderSyncStatus } from '../../../../src-shared/contract/orders';
import { SCENARIO_CREDENTIALS } from '../../../sim/kaspi';
import type { KaspiSimOptions } from '../../../sim/kaspi';
import type { AppConfig } from '../../../../src-main/app/create-app';
import { startAppOnSim } from '../../../support/app-on-sim';
import { call } from '../../../support/call-app';

/** Order sync numbers for a simulator on a fast clock: no pauses between requests, passes on demand. */
export const FAST_ORDERS: Partial<OrdersSyncSettings> = { pollIntervalMs: 10 * 60_000, requestIntervalMs: 0, maxInlineWaitMs: 3_000 };

const LOGINS = {
  small: { email: SCENARIO_CREDENTIALS.small.owner.email, password: SCENARIO_CREDENTIALS.small.owner.password, uid: SCENARIO_CREDENTIALS.small.merchantUid, token: SCENARIO_CREDENTIALS.small.apiToken },
  demo: { email: SCENARIO_CREDENTIALS.demo.owner.email, password: SCENARIO_CREDENTIALS.demo.owner.password, uid: '30067228', token: SCENARIO_CREDENTIALS.demo.apiTokens['30067228'] },
  bench: { email: SCENARIO_CREDENTIALS.bench.owner.email, password: SCENARIO_CREDENTIALS.bench.owner.password, uid: SCENARIO_CREDENTIALS.bench.merchantUid, token: SCENARIO_CREDENTIALS.bench.apiToken },
} as const;

/**
 * The app on the simulator with one store connected (real browser login), its products synced
 * and, with `token`, its shop API token saved: the order sync is not started, tests run passes.
 */
export async function ordersApp(dataDir: string, opts: { scenario?: keyof typeof LOGINS; sim?: KaspiSimOptions; token?: boolean; config?: Partial<AppConfig> } = {}) {
  const scenario = opts.scenario ?? 'small';
  const login = LOGINS[scenario];
  const env = await startAppOnSim(dataDir, { scenario, seed: 3, timeScale: 100, ...opts.sim }, {
    autoStartDemper: false,
    autoStartOrders: false,
    proxyHealthChecks: false,
    ...opts.config,
    ordersOverrides: { ...FAST_ORDERS, ...opts.config?.ordersOverrides },
  });
  const { app } = env;
  // Kaspi time runs slower here, so a per-second rate window would span minutes: tests that
  // are about the rate limit set it themselves.
  env.sim.setLimits({ shopApi: { maxPerWindow: 1_000_000 } });
  const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: `login-orders-${scenario}`, credentials: { method: 'email', login: login.email, password: login.password } });
  const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [login.uid] });
  const storeId = store!.id;
  await call(app, 'stores.sync', { storeId });
  if (opts.token ?? true) await call(app, 'stores.setShopToken', { storeId, token: login.token });
  const sync = async () => {
    await call<OrderSyncStatus[]>(app, 'orders.syncNow', { storeId });
    await app.orders.settled(storeId);
    const [status] = await call<OrderSyncStatus[]>(app, 'orders.syncStatus');
    return status!;
  };
  return { ...env, storeId, uid: login.uid, token: login.token, sync };
}
