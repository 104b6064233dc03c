import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderMessage } from '../../../src-shared/i18n';
import type { UpdateChannel, UpdateStatus } from '../../../src-shared/contract/updates';
import { CHECK_EVERY_MS, FIRST_CHECK_DELAY_MS, INSTALL_GRACE_MS, createUpdateController } from '../../../src-main/updates/update-controller';
import { createLogger } from '../../../src-main/logging/logger';
import { fakeUpdater } from '../../support/fake-updater';

const logger = createLogger({ level: 'error' }).logger;

function setup(options: { unsupported?: string; channel?: UpdateChannel } = {}) {
  const updater = fakeUpdater({ unsupportedReason: options.unsupported ?? null, currentVersion: '1.0.0' });
  let channel: UpdateChannel = options.channel ?? 'stable';
  const emitted: UpdateStatus[] = [];
  const steps: string[] = [];
  let settleNow: () => void = () => undefined;
  const controller = createUpdateController({
    updater: updater.port,
    channel: () => channel,
    settle: () => {
      steps.push('settle started');
      return new Promise<void>((resolve) => (settleNow = () => (steps.push('settled'), resolve())));
    },
    resume: async () => void steps.push('resumed'),
    emit: (status) => emitted.push(status),
    logger,
    now: () => Date.now(),
  });
  updater.port.quitAndInstall.mockImplementation(() => void steps.push('quitAndInstall'));
  return { controller, updater, emitted, steps, settle: () => settleNow(), setChannel: (c: UpdateChannel) => (channel = c) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the app updates itself', () => {
  it('checks shortly after start and then every few hours, on the channel from Settings', async () => {
    const { controller, updater } = setup({ channel: 'beta' });
    controller.start();
    expect(updater.port.setChannel).toHaveBeenCalledWith('beta');
    expect(updater.port.check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updater.port.check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.port.check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(updater.port.check).toHaveBeenCalledTimes(4);
    controller.stop();
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.port.check).toHaveBeenCalledTimes(4);
  });

  it('downloads in the background and then offers "restart to update" without restarting', async () => {
    const { controller, updater, emitted } = setup();
    controller.start();
    updater.fire({ type: 'checking' });
    updater.fire({ type: 'available', version: '1.1.0' });
    updater.fire({ type: 'progress', percent: 42.4 });
    expect(controller.status()).toMatchObject({ state: 'downloading', version: '1.1.0', percent: 42 });
    updater.fire({ type: 'downloaded', version: '1.1.0' });
    expect(controller.status()).toMatchObject({ state: 'ready', version: '1.1.0', percent: 100, currentVersion: '1.0.0' });
    expect(emitted.map((s) => s.state)).toEqual(['checking', 'downloading', 'downloading', 'ready']);

    // Hours pass: the app keeps offering, it never restarts on its own, and later checks do not hide the offer.
    updater.fire({ type: 'checking' });
    updater.fire({ type: 'not-available' });
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(controller.status().state).toBe('ready');
    expect(updater.port.quitAndInstall).not.toHaveBeenCalled();
  });

  it('restarts only after the pushes in flight have settled', async () => {
    const { controller, updater, steps, settle } = setup();
    updater.fire({ type: 'downloaded', version: '1.1.0' });

    const installing = controller.install();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.status().state).toBe('restarting');
    expect(steps).toEqual(['settle started']);
    expect(updater.port.quitAndInstall).not.toHaveBeenCalled();

    settle();
    await installing;
    expect(steps).toEqual(['settle started', 'settled', 'quitAndInstall']);
  });

  it('puts the bot back to work and says so when the installer did not take over', async () => {
    const { controller, updater, steps, settle } = setup();
    updater.fire({ type: 'downloaded', version: '1.1.0' });
    const installing = controller.install();
    settle();
    await installing;
    await vi.advanceTimersByTimeAsync(INSTALL_GRACE_MS);
    expect(steps).toEqual(['settle started', 'settled', 'quitAndInstall', 'resumed']);
    expect(renderMessage(controller.status().message!, 'ru')).toContain('Обновление не установилось');
    expect(renderMessage(controller.status().message!, 'en')).toContain('did not install');
  });

  it('refuses to restart before the download finished', async () => {
    const { controller, updater } = setup();
    updater.fire({ type: 'available', version: '1.1.0' });
    await expect(controller.install()).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('ещё не загружено') });
    expect(updater.port.quitAndInstall).not.toHaveBeenCalled();
  });

  it('shows a failed check or download with its reason and tries again at the next check', async () => {
    const { controller, updater } = setup();
    controller.start();
    updater.port.check.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(controller.status()).toMatchObject({ state: 'error', message: { code: 'untranslated', params: { text: 'net::ERR_INTERNET_DISCONNECTED' } } });
    updater.fire({ type: 'checking' });
    updater.fire({ type: 'not-available' });
    expect(controller.status()).toMatchObject({ state: 'up_to_date', message: null });
  });

  it('switching to beta in Settings checks the beta channel at once', async () => {
    const { controller, updater, setChannel } = setup();
    controller.start();
    setChannel('beta');
    await controller.channelChanged();
    expect(updater.port.setChannel).toHaveBeenLastCalledWith('beta');
    expect(updater.port.check).toHaveBeenCalledTimes(1);
    expect(controller.status().channel).toBe('beta');
    await controller.channelChanged();
    expect(updater.port.check).toHaveBeenCalledTimes(1);
  });

  it('in a development run says why it does not update, and never checks', async () => {
    const { controller, updater } = setup({ unsupported: 'development run' });
    controller.start();
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(await controller.check()).toMatchObject({ state: 'unsupported', message: { params: { text: 'development run' } } });
    expect(updater.port.check).not.toHaveBeenCalled();
  });
});
