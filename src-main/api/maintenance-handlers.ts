import { AppError } from '../../src-shared/contract';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/create-app';
import { listLoginFailures, loginFailureImage, queryLog } from '../logging/log-query';
import { NO_DIALOG_MESSAGES } from '../security/file-picker';

type MaintenanceCalls = 'logs.query' | 'logs.loginFailures' | 'logs.loginFailureImage' | 'backup.list' | 'backup.create' | 'backup.restore';

export function maintenanceHandlers({ paths, backups, logger, config }: AppServices): { [N in MaintenanceCalls]: Handler<N> } {
  return {
    'logs.query': (query) => queryLog(paths.logFile, query),
    'logs.loginFailures': () => listLoginFailures(paths.loginFailures),
    'logs.loginFailureImage': ({ name }) => {
      try {
        return { dataUrl: loginFailureImage(paths.loginFailures, name) };
      } catch {
        throw new AppError('not_found', 'Снимок не найден');
      }
    },
    'backup.list': () => backups.list(),
    'backup.create': async () => {
      const created = await backups.create();
      logger.child('backup').info('backup created', { path: created.path, sizeBytes: created.sizeBytes });
      return created;
    },
    'backup.restore': async (input) => {
      let source: string;
      if ('name' in input) {
        backups.restoreByName(input.name);
        source = input.name;
      } else {
        if (!config.pickFile) throw new AppError('unsupported', NO_DIALOG_MESSAGES.backup(paths.backups));
        const picked = await config.pickFile({ purpose: 'backup' });
        if (picked === null) throw new AppError('cancelled', 'Файл не выбран');
        backups.restoreFile(picked);
        source = picked;
      }
      logger.child('backup').warn('restore scheduled for the next start', { source });
      return { restartRequired: true as const };
    },
  };
}
