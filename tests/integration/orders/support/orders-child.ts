import { createApp } from '../../../../src-main/app/create-app';
import { kaspiSimFromEnv } from '../../../../src-main/security/kaspi-sim-option';

/**
 * The app as its own process over a data folder already onboarded (store, token), reading orders
 * from the start: `tsx orders-child.ts <dataDir>`, the simulator's URLs in KD_KASPI_SIM as any
 * start-up would pass them. Prints "ready" once up; SIGTERM closes it cleanly, SIGKILL is the crash.
 */
const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: orders-child.ts <dataDir>');
const app = await createApp({
  dataDir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false,
  kaspiSim: kaspiSimFromEnv(),
  // A pause between requests so that a kill lands in the middle of the backfill.
  ordersOverrides: { requestIntervalMs: 15, pollIntervalMs: 10 * 60_000, maxInlineWaitMs: 3_000 },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
