import { AppError } from '../../src-shared/contract';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';
import { checkBrowserPath } from '../security/browser-path';
import { msg } from '../../src-shared/i18n/message';

export function settingsHandlers(app: AppServices): {
  'settings.get': Handler<'settings.get'>;
  'settings.update': Handler<'settings.update'>;
  'settings.chooseBrowser': Handler<'settings.chooseBrowser'>;
} {
  const log = app.logger.child('settings');
  return {
    'settings.get': () => app.settings.app(),
    'settings.update': (patch) => {
      const next = app.settings.updateApp(patch);
      if (patch.kaspi) log.info('Kaspi login settings changed; stored passwords are asked again before use', { kaspi: patch.kaspi });
      app.events.emit('settings.changed', next);
      return next;
    },
    'settings.chooseBrowser': async () => {
      if (!app.config.pickFile) throw new AppError('unsupported', msg('browser.no_dialog'));
      const picked = await app.config.pickFile({ purpose: 'browser' });
      if (picked === null) return app.settings.app();
      const check = checkBrowserPath(picked);
      if (!check.ok) throw new AppError('invalid_input', check.problem);
      const next = app.settings.setBrowserPath(check.executablePath);
      log.info('login browser chosen; stored passwords are asked again before use', { browserPath: check.executablePath });
      app.events.emit('settings.changed', next);
      return next;
    },
  };
}
