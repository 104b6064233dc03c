import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppConfig } from '../../../../src-main/app/create-app';
import { simConfig } from '../../../support/app-on-sim';
import { call } from '../../../support/demper-on-sim';
import { SCENARIO_CREDENTIALS } from '../../../sim/kaspi/scenarios';
import type { SimUrls } from './sim-child';

/**
 * The real app over a fresh temp data folder, pointed at a simulator (any process), logged in to
 * the `bench` account in real Chromium with the store added: what a seller has before the first sync.
 */
export async function benchApp(urls: SimUrls, config: Partial<AppConfig> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-'));
  const app = await createApp({ dataDir, shell: 'headless', appVersion: 'bench', autoStartDemper: false, proxyHealthChecks: false, ...simConfig(urls), ...config });
  const creds = SCENARIO_CREDENTIALS.bench;
  const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'bench-login', credentials: { method: 'email', login: creds.owner.email, password: creds.owner.password } });
  const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [creds.merchantUid] });
  let open = true;
  const closeApp = async () => {
    if (open) await app.close();
    open = false;
  };
  return {
    app,
    storeId: store!.id,
    dataDir,
    /** Closes the app and keeps the data folder (another process may take it over). */
    closeApp,
    async close(): Promise<void> {
      await closeApp();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
