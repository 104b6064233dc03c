import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright';
import type { ElectronApplication, Page } from 'playwright';
import { PAGES } from '../../src-renderer/store/pages';
import { electronBinaryMissing } from '../../scripts/electron-native';
import { startKaspiSim } from '../sim/kaspi';
import type { KaspiSim } from '../sim/kaspi';

/**
 * The built desktop app in real Electron (Playwright's _electron): starts against the Kaspi
 * simulator, walks every page, checks the tray and the window's security settings, and leaves
 * screenshots in test-artifacts/electron. Runs wherever Electron's binary is installed (a normal
 * `npm ci`, the CI workflow on ubuntu, windows and macos); skipped, with the reason printed,
 * where the binary could not be downloaded.
 */
const root = resolve(import.meta.dirname, '../..');
const missing = electronBinaryMissing(root);
if (missing) console.info(`[electron smoke] skipped: ${missing}. Run it where \`npm ci\` can download Electron.`);

describe.skipIf(missing !== null)('the desktop app in real Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let sim: KaspiSim;
  let userData: string;
  const shots = join(root, 'test-artifacts', 'electron');

  beforeAll(async () => {
    // `npm test` on a fresh clone: build the app, its icons and Electron's better-sqlite3 once.
    if (!existsSync(join(root, 'dist-main', 'main.js')) || !existsSync(join(root, 'build', 'generated', 'tray')) || !existsSync(join(root, 'native'))) {
      const built = spawnSync('npm', ['run', 'build:electron'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
      if (built.status !== 0) throw new Error('npm run build:electron failed');
    }
    mkdirSync(shots, { recursive: true });
    userData = mkdtempSync(join(tmpdir(), 'kd-electron-'));
    sim = await startKaspiSim({ scenario: 'small', timeScale: 0.001 });
    app = await electron.launch({
      cwd: root,
      // GitHub's Linux runners forbid Chromium's sandbox helper; the window's own sandbox setting is checked below.
      args: ['.', ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      // The simulator as a start-up option (KD_KASPI_SIM, the JSON `npm run sim` prints), never through the contract.
      env: { ...process.env, KD_USER_DATA_DIR: userData, KD_E2E_HOOKS: '1', KD_KASPI_SIM: JSON.stringify(sim.urls) },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.getByTestId('nav-overview').waitFor({ timeout: 60_000 });
  }, 15 * 60_000);

  afterAll(async () => {
    await app?.close();
    await sim?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('runs the window with context isolation, sandbox and no Node, and exposes only the contract', async () => {
    // The preferences the window really runs with (an Electron internal, absent from its typings).
    const prefs = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences());
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { kaspiDemper: object }).kaspiDemper).sort())).toEqual(['invoke', 'subscribe']);
    // A navigation away from the app is refused.
    await page.evaluate(() => { window.location.href = 'https://example.com/'; });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^file:/);
  });

  it('walks every page without an error', async () => {
    for (const name of PAGES) {
      await page.getByTestId(`nav-${name}`).click();
      await expect.poll(() => page.locator('main').textContent()).not.toBe('');
      await page.screenshot({ path: join(shots, `${name}.png`) });
    }
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });

  it('has a tray that starts and stops the demper and quits', async () => {
    const labels = await app.evaluate(() => (globalThis as unknown as { kdTray: { menuLabels(): string[] } }).kdTray.menuLabels());
    expect(labels).toEqual(expect.arrayContaining(['Открыть Kaspi Demper', 'Запустить демпер', 'Выход']));
  });
});
