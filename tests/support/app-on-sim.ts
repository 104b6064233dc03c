import { createApp } from '../../src-main/app/create-app';
import type { App, AppConfig } from '../../src-main/app/create-app';
import { assertSimEndpoints } from '../../src-main/security/kaspi-sim-option';
import { startKaspiSim } from '../sim/kaspi';
import type { KaspiSim, KaspiSimOptions } from '../sim/kaspi';
import type { SimUrls } from '../sim/kaspi/sim-state';
import { CHROMIUM_PATH } from './browser';

/**
 * The start-up options that point the app at a simulator: its three base URLs and Debian's
 * Chromium for the login. Never the contract — over the API Kaspi's addresses are kaspi.kz only.
 */
export function simConfig(urls: Pick<SimUrls, 'idmc' | 'mc' | 'storefront'>): Pick<AppConfig, 'kaspiSim' | 'browserPath'> {
  return { kaspiSim: assertSimEndpoints({ idmcUrl: urls.idmc, mcUrl: urls.mc, storefrontUrl: urls.storefront }), browserPath: CHROMIUM_PATH };
}

/** The whole app over a temp data folder, started against a fresh simulator. */
export async function startAppOnSim(
  dataDir: string,
  simOptions: KaspiSimOptions = {},
  config: Partial<AppConfig> = {},
): Promise<{ app: App; sim: KaspiSim; close(): Promise<void> }> {
  const sim = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 0.001, ...simOptions });
  const app = await createApp({ dataDir, shell: 'headless', appVersion: 'test', ...simConfig(sim.urls), ...config });
  return { app, sim, async close() { await app.close(); await sim.close(); } };
}

/**
 * For an app started before its simulator: the same start-up options, set before the first
 * login (the app reads them on every call). Prefer passing `simConfig(sim.urls)` at start.
 */
export async function pointAppAtSim(app: App, sim: KaspiSim): Promise<void> {
  Object.assign(app.config, simConfig(sim.urls));
}
