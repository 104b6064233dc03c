import { createApp } from '../../../../src-main/app/create-app';
import { kaspiSimFromEnv } from '../../../../src-main/security/kaspi-sim-option';
import { CHROMIUM_PATH } from '../../../support/browser';
import { FAST_ENGINE, call } from '../../../support/demper-on-sim';
import { FAST_PREORDERS } from './preorders-on-sim';

/**
 * The app as its own process over a data folder already onboarded, against the simulator in
 * KD_KASPI_SIM: `tsx preorder-child.ts <dataDir> send|resume`. With `send` the seller sends every
 * draft pre-order; with `resume` the app starts as after a crash. Prints "ready"; SIGKILL is the crash.
 */
const [dataDir, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: preorder-child.ts <dataDir> send|resume');
const app = await createApp({
  dataDir,
  shell: 'headless',
  appVersion: 'test',
  proxyHealthChecks: false,
  autoStartOrders: false,
  engineOverrides: FAST_ENGINE,
  preorderOverrides: FAST_PREORDERS,
  kaspiSim: kaspiSimFromEnv(),
  browserPath: CHROMIUM_PATH,
});
if (mode === 'send') {
  const drafts = await call<Array<{ id: number; status: string }>>(app, 'preorders.list', { filter: { status: 'draft' } });
  await call(app, 'preorders.send', { ids: drafts.map((d) => d.id) });
}
// The shells keep a real app alive (a window, the headless server); here, a timer does: the sender's own are unref'd.
setInterval(() => undefined, 60_000);
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
