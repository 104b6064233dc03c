import type { Handler } from '../../src-shared/contract/dispatcher';
import { msg } from '../../src-shared/i18n';
import type { UpdateStatus } from '../../src-shared/contract/updates';
import type { AppServices } from '../app/services';

export function updatesHandlers(app: AppServices): {
  'updates.status': Handler<'updates.status'>;
  'updates.check': Handler<'updates.check'>;
  'updates.install': Handler<'updates.install'>;
} {
  // Headless mode has no updater: the server's owner updates from git or a new package.
  const unsupported = (): UpdateStatus => ({
    state: 'unsupported',
    currentVersion: app.config.appVersion,
    channel: app.settings.app().updates.channel,
    version: null,
    percent: null,
    checkedAt: null,
    message: msg('updates.headless'),
  });
  return {
    'updates.status': () => app.updates?.status() ?? unsupported(),
    'updates.check': async () => (app.updates ? await app.updates.check() : unsupported()),
    'updates.install': async () => (app.updates ? await app.updates.install() : unsupported()),
  };
}
