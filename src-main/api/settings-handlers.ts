import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/create-app';
import { readSettings, updateSettings } from '../db/repos/settings-repo';

export function settingsHandlers(app: AppServices): {
  'settings.get': Handler<'settings.get'>;
  'settings.update': Handler<'settings.update'>;
} {
  return {
    'settings.get': () => readSettings(app.db),
    'settings.update': (patch) => {
      const next = updateSettings(app.db, patch);
      app.events.emit('settings.changed', next);
      return next;
    },
  };
}
