import { startHeadless } from '../../src-main/shells/headless/start-headless';
import type { Headless } from '../../src-main/shells/headless/start-headless';
import type { AppConfig } from '../../src-main/app/create-app';

/** The headless shell on a free port over a temp data folder — the app as a browser sees it. */
export async function startTestHeadless(dataDir: string, config: Partial<AppConfig> = {}): Promise<Headless & { base: string }> {
  const headless = await startHeadless({ dataDir, port: 0, config: { hasScreen: false, proxyHealthChecks: false, ...config } });
  return Object.assign(headless, { base: `http://127.0.0.1:${headless.bridge.port}` });
}
