import { vi } from 'vitest';
import { msg } from '../../src-shared/i18n';
import type { UpdaterEvent, UpdaterPort } from '../../src-main/updates/update-controller';

/** electron-updater at its boundary (the shell would pass the real one): the test plays its events. */
export function fakeUpdater(options: { unsupportedReason?: string | null; currentVersion?: string } = {}) {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const port = {
    unsupportedReason: options.unsupportedReason ? msg('untranslated', { text: options.unsupportedReason }) : null,
    currentVersion: options.currentVersion ?? '0.1.0',
    setChannel: vi.fn<UpdaterPort['setChannel']>(),
    check: vi.fn(async (): Promise<unknown> => undefined),
    quitAndInstall: vi.fn<() => void>(),
    onEvent: (l: (event: UpdaterEvent) => void) => void (listener = l),
  } satisfies UpdaterPort;
  return { port, fire: (event: UpdaterEvent) => listener(event) };
}
