import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../src-main/app/create-app';
import type { App } from '../../../src-main/app/create-app';
import { writeStored } from '../../../src-main/db/repos/settings-repo';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { startAppOnSim, simConfig } from '../../support/app-on-sim';
import { CHROMIUM_PATH } from '../../support/browser';
import { call } from '../../support/call-app';
import { useTempDir } from '../../support/temp-dir';
import { startKaspiSim, type KaspiSim } from '../../sim/kaspi';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const OWNER = { method: 'email', login: 'owner@small.test', password: 'small-pass-1' } as const;

async function loggedInStore(app: App): Promise<number> {
  const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'login-target-1', credentials: OWNER });
  const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: ['30000001'] });
  return store!.id;
}

const sessionsOf = (sim: KaspiSim) => sim.sessions().length;

describe('Kaspi addresses over the API', () => {
  it('accept only https://*.kaspi.kz, so a re-login cannot type the stored password into another site', async () => {
    const env = await startAppOnSim(tempDir());
    cleanups.push(() => env.close());
    const phishing = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 0.001 });
    cleanups.push(() => phishing.close());
    const { app, sim } = env;
    const storeId = await loggedInStore(app);

    // A page or program with API access points the login at its own copy of the login page.
    for (const idmcUrl of [phishing.urls.idmc, 'https://idmc.shop.kaspi.kz.evil.example', 'http://idmc.shop.kaspi.kz']) {
      await expect(call(app, 'settings.update', { kaspi: { idmcUrl, mcUrl: phishing.urls.mc } })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('https://….kaspi.kz'),
      });
    }
    // The session expires; the app re-logs in by itself with the stored password.
    sim.expireSessions({ login: OWNER.login });
    await call(app, 'stores.sync', { storeId });
    expect(sessionsOf(phishing)).toBe(0);
    expect(await call(app, 'settings.update', { kaspi: { idmcUrl: 'https://idmc.shop.kaspi.kz' } })).toMatchObject({ kaspi: { idmcUrl: 'https://idmc.shop.kaspi.kz' } });
  });

  it('from an older release or a simulator run fall back to Kaspi’s own, keeping the other settings', async () => {
    const dir = tempDir();
    let app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    writeStored(app.db, 'app', { ...DEFAULT_SETTINGS, language: 'kk', kaspi: { ...DEFAULT_SETTINGS.kaspi, idmcUrl: 'http://evil.example', mcUrl: 'http://127.0.0.1:9' } });
    await app.close();
    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    expect(await call(app, 'settings.get')).toMatchObject({ language: 'kk', kaspi: DEFAULT_SETTINGS.kaspi });
    await app.close();
  });
});

describe('the login browser', () => {
  it('cannot be named over the API', async () => {
    const app = await createApp({ dataDir: tempDir(), shell: 'headless', appVersion: 'test' });
    cleanups.push(() => app.close());
    await expect(call(app, 'settings.update', { kaspi: { browserPath: '/bin/sh' } })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--browser') });
    await expect(call(app, 'settings.chooseBrowser')).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('--browser') });
    expect(await call(app, 'settings.update', { kaspi: { browserPath: null } })).toMatchObject({ kaspi: { browserPath: null } });
  });

  it('named by a database from an older release or a restore is launched only if it is a known browser', async () => {
    const dir = tempDir();
    const program = join(dir, 'update-helper');
    writeFileSync(program, `#!/bin/sh\ntouch "${program}.ran"\n`);
    chmodSync(program, 0o755);
    const older = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    writeStored(older.db, 'app', { ...DEFAULT_SETTINGS, kaspi: { ...DEFAULT_SETTINGS.kaspi, browserPath: program } });
    await older.close();
    const app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    cleanups.push(() => app.close());
    await expect(call(app, 'stores.login', { loginId: 'login-target-2', credentials: OWNER })).rejects.toMatchObject({
      code: 'browser_missing',
      message: expect.stringContaining('не браузер'),
    });
    expect(existsSync(`${program}.ran`)).toBe(false);
  });

  it('is chosen in the desktop’s native dialog, and only a known browser is kept', async () => {
    const dir = tempDir();
    const picks: Array<string | null> = ['/bin/sh', null, CHROMIUM_PATH];
    const app = await createApp({ dataDir: dir, shell: 'electron', appVersion: 'test', pickFile: async () => picks.shift() ?? null });
    cleanups.push(() => app.close());
    await expect(call(app, 'settings.chooseBrowser')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('/bin/sh') });
    expect(await call(app, 'settings.chooseBrowser')).toMatchObject({ kaspi: { browserPath: null } });
    expect(await call(app, 'settings.chooseBrowser')).toMatchObject({ kaspi: { browserPath: CHROMIUM_PATH } });
  });
});

describe('a changed login target', () => {
  it('asks for the Kaspi password again before any login uses the stored one', async () => {
    const dir = tempDir();
    const sim = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 0.001 });
    cleanups.push(() => sim.close());
    let app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, ...simConfig(sim.urls) });
    const storeId = await loggedInStore(app);
    await app.close();

    // Restarted with another browser (as `--browser` or the desktop dialog would set it).
    const otherBrowser = join(dir, 'chromium');
    symlinkSync(CHROMIUM_PATH, otherBrowser);
    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, ...simConfig(sim.urls), browserPath: otherBrowser });
    cleanups.push(() => app.close());
    sim.expireSessions({ login: OWNER.login });
    const before = sessionsOf(sim);
    await expect(call(app, 'stores.sync', { storeId })).rejects.toMatchObject({ message: expect.stringContaining('введёте его снова') });
    expect(sessionsOf(sim)).toBe(before);
    expect(await call(app, 'stores.list')).toEqual([expect.objectContaining({ sessionStatus: 'needs_login' })]);
    await expect(call(app, 'stores.relogin', { storeId, loginId: 'login-target-3' })).rejects.toMatchObject({ code: 'password_required' });

    // The seller types it: the login goes ahead, and the next automatic one may use it again.
    expect(await call(app, 'stores.relogin', { storeId, loginId: 'login-target-4', password: OWNER.password })).toMatchObject({ sessionStatus: 'valid' });
    sim.expireSessions({ login: OWNER.login });
    await expect(call(app, 'stores.sync', { storeId })).resolves.toMatchObject({ total: expect.any(Number) });
  });
});
