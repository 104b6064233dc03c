import type { AppConfig } from '../../src-main/app/create-app';
import type { EngineSettingsInput } from '../../src-main/demper/settings';
import type { KaspiSim, KaspiSimOptions } from '../sim/kaspi';
import { startAppOnSim } from './app-on-sim';
import { call } from './call-app';

/** Engine timings shrunk to match a simulator running at a small time scale. */
export const FAST_ENGINE: EngineSettingsInput = {
  verifyDelayMs: 150,
  verifyAttempts: 4,
  ipCooldownMs: 200,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
  accountBlockMs: 3_000,
  statusIntervalMs: 200,
  killSwitch: { confirmDelayMs: 0 },
  intervals: { lostFirstMs: 300, contestedMs: 500, calmMinMs: 1_000, calmMaxMs: 5_000 },
};

export { call };

/**
 * The app connected to the simulator's `small` store, synced, with the demper ready but stopped:
 * what a seller has after onboarding. Returns product ids by catalogue id.
 */
export async function connectedApp(dataDir: string, sim: KaspiSimOptions = {}, engine: EngineSettingsInput = {}, config: Partial<AppConfig> = {}) {
  const env = await startAppOnSim(dataDir, { scenario: 'small', timeScale: 0.001, ...sim }, {
    autoStartDemper: false,
    proxyHealthChecks: false,
    engineOverrides: { ...FAST_ENGINE, ...engine },
    ...config,
  });
  const { app } = env;
  const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'login-demper-1', credentials: { method: 'email', login: 'owner@small.test', password: 'small-pass-1' } });
  const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: ['30000001'] });
  await call(app, 'stores.sync', { storeId: store!.id });
  const { rows } = await call<{ rows: Array<{ id: number; masterSku: string; sku: string }> }>(app, 'products.page', { limit: 500 });
  const product = (masterSku: string) => rows.find((r) => r.masterSku === masterSku)!;
  return { ...env, storeId: store!.id, product };
}

export async function waitFor<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function ownPriceOnStorefront(sim: KaspiSim, masterSku: string, cityId = '750000000'): number | null {
  return sim.offers(masterSku, cityId).find((o) => o.merchantId === '30000001')?.price ?? null;
}
