import { AppError } from '../../src-shared/contract';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';
import { listLoginFailures, loginFailureImage, queryLog } from '../logging/log-query';
import { msg } from '../../src-shared/i18n/message';

type MaintenanceCalls = 'logs.query' | 'logs.loginFailures' | 'logs.loginFailureImage' | 'backup.list' | 'backup.create' | 'backup.restore';

export function maintenanceHandlers({ paths, backups, logger, config, events }: AppServices): { [N in MaintenanceCalls]: Handler<N> } {
  return {
    'logs.query': (query) => queryLog(paths.logFile, query),
    'logs.loginFailures': () => listLoginFailures(paths.loginFailures),
    'logs.loginFailureImage': ({ name }) => {
      try {
        return { dataUrl: loginFailureImage(paths.loginFailures, name) };
      } catch {
        throw new AppError('not_found', msg('logs.screenshot_not_found'));
      }
    },
    'backup.list': () => backups.list(),
    'backup.create': async () => {
      const created = await backups.create();
      logger.child('backup').info('backup created', { path: created.path, sizeBytes: created.sizeBytes });
      events.emit('backup.changed', {});
      return created;
    },
    'backup.restore': async (input) => {
      let source: string;
      if ('name' in input) {
        backups.restoreByName(input.name);
        source = input.name;
      } else {
        if (!config.pickFile) throw new AppError('unsupported', msg('backup.no_dialog', { folder: paths.backups }));
        const picked = await config.pickFile({ purpose: 'backup' });
        if (picked === null) throw new AppError('cancelled', msg('backup.no_file_picked'));
        backups.restoreFile(picked);
        source = picked;
      }
      logger.child('backup').warn('restore scheduled for the next start', { source });
      events.emit('backup.changed', {});
      return { restartRequired: true as const };
    },
  };
}
