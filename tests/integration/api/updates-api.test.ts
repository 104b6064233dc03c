import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src-main/app/create-app';
import type { UpdateStatus } from '../../../src-shared/contract/updates';
import { readStored } from '../../../src-main/db/repos/settings-repo';
import { call } from '../../support/call-app';
import { fakeUpdater } from '../../support/fake-updater';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('updates through the contract', () => {
  it('the window learns of a downloaded update, and "restart to update" stops the bot cleanly first, keeping it on for the new version', async () => {
    const updater = fakeUpdater();
    app = await createApp({ dataDir: tempDir(), shell: 'electron', appVersion: '0.1.0', updater: () => updater.port, proxyHealthChecks: false });
    const pushed: UpdateStatus[] = [];
    app.events.subscribe((event, payload) => event === 'updates.status' && pushed.push(payload as UpdateStatus));
    await call(app, 'demper.control', { action: 'start' });
    expect(app.demper.status().state).not.toBe('stopped');

    updater.fire({ type: 'available', version: '0.2.0' });
    updater.fire({ type: 'downloaded', version: '0.2.0' });
    expect(pushed.at(-1)).toMatchObject({ state: 'ready', version: '0.2.0' });
    expect(await call(app, 'updates.status')).toMatchObject({ state: 'ready', version: '0.2.0', channel: 'stable' });

    const core = app;
    updater.port.quitAndInstall.mockImplementation(() => {
      // At the moment the installer takes over, the engine has stopped and journalled what was in flight…
      expect(core.demper.status().state).toBe('stopped');
    });
    await call(app, 'updates.install');
    expect(updater.port.quitAndInstall).toHaveBeenCalledTimes(1);
    // …and the seller's "running" choice survives, so the new version starts the bot again.
    expect(readStored<boolean>(app.db, 'demper.running')).toBe(true);
  });

  it('switching the channel in Settings checks that channel at once', async () => {
    const updater = fakeUpdater();
    app = await createApp({ dataDir: tempDir(), shell: 'electron', appVersion: '0.1.0', updater: () => updater.port, proxyHealthChecks: false, autoStartDemper: false });
    expect(updater.port.setChannel).toHaveBeenCalledWith('stable');
    const settings = await call<{ updates: { channel: string } }>(app, 'settings.update', { updates: { channel: 'beta' } });
    expect(settings.updates.channel).toBe('beta');
    await vi.waitFor(() => expect(updater.port.check).toHaveBeenCalledTimes(1));
    expect(updater.port.setChannel).toHaveBeenLastCalledWith('beta');
    expect(await call(app, 'updates.status')).toMatchObject({ channel: 'beta' });
  });

  it('headless mode answers that it does not update itself, and how to update it', async () => {
    app = await createApp({ dataDir: tempDir(), shell: 'headless', appVersion: '0.1.0', proxyHealthChecks: false, autoStartDemper: false });
    expect(await call(app, 'updates.install')).toMatchObject({ state: 'unsupported', message: { code: 'updates.headless' } });
  });
});
