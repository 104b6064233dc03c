import { createApp } from '../../src-main/app/create-app';
import type { App, AppConfig } from '../../src-main/app/create-app';
import { startKaspiSim } from '../sim/kaspi';
import type { KaspiSim, KaspiSimOptions } from '../sim/kaspi';
import { CHROMIUM_PATH } from './browser';

/** The whole app over a temp data folder, its Kaspi base URLs pointed at a fresh simulator. */
export async function startAppOnSim(
  dataDir: string,
  simOptions: KaspiSimOptions = {},
  config: Partial<AppConfig> = {},
): Promise<{ app: App; sim: KaspiSim; close(): Promise<void> }> {
  const sim = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 0.001, ...simOptions });
  const app = await createApp({ dataDir, shell: 'headless', appVersion: 'test', ...config });
  await pointAppAtSim(app, sim);
  return { app, sim, async close() { await app.close(); await sim.close(); } };
}

export async function pointAppAtSim(app: App, sim: KaspiSim): Promise<void> {
  const result = await app.dispatcher.dispatch(
    'settings.update',
    { kaspi: { idmcUrl: sim.urls.idmc, mcUrl: sim.urls.mc, storefrontUrl: sim.urls.storefront, browserPath: CHROMIUM_PATH } },
    { shell: 'test' },
  );
  if (!result.ok) throw new Error(result.error.message);
}
