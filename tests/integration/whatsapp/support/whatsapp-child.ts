import { createApp } from '../../../../src-main/app/create-app';
import { kaspiSimFromEnv } from '../../../../src-main/security/kaspi-sim-option';
import { FAST_PACING } from './whatsapp-app';

/**
 * The app as its own process over a data folder set up by the test (store, token, WAHA address
 * and key, a linked session, a trigger on), reading orders from the start: `tsx whatsapp-child.ts
 * <dataDir>`, the Kaspi simulator's URLs in KD_KASPI_SIM as any start-up passes them. Prints
 * "ready" once up; SIGTERM closes it cleanly, SIGKILL is the crash.
 */
const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: whatsapp-child.ts <dataDir>');
const app = await createApp({
  dataDir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false, autoStartReviews: false,
  kaspiSim: kaspiSimFromEnv(),
  ordersOverrides: { requestIntervalMs: 0, pollIntervalMs: 10 * 60_000, maxInlineWaitMs: 3_000 },
  // A send WAHA holds stays unanswered until the test kills this process.
  whatsappOverrides: { ...FAST_PACING, requestTimeoutMs: 120_000 },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
