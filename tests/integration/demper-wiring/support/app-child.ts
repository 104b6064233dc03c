import { createApp } from '../../../../src-main/app/create-app';
import { FAST_ENGINE, call } from '../../../support/demper-on-sim';
import { kaspiSimFromEnv } from '../../../../src-main/security/kaspi-sim-option';
import { CHROMIUM_PATH } from '../../../support/browser';

/**
 * The app as its own process over a data folder already onboarded (store, sync, rules), started
 * against the simulator in KD_KASPI_SIM, as `--kaspi-sim` starts it: `tsx app-child.ts <dataDir> [start]`. With `start` the seller switches the
 * demper on; without, the app starts as after a crash and resumes by itself (autoStartDemper).
 * Prints "ready" once up; SIGTERM closes it cleanly, SIGKILL is the crash.
 */
const [dataDir, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: app-child.ts <dataDir> [start]');
const app = await createApp({
  dataDir,
  shell: 'headless',
  appVersion: 'test',
  proxyHealthChecks: false,
  engineOverrides: FAST_ENGINE,
  kaspiSim: kaspiSimFromEnv(),
  browserPath: CHROMIUM_PATH,
});
if (mode === 'start') await call(app, 'demper.control', { action: 'start' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
