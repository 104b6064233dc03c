import { AppError } from '../../src-shared/contract';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/create-app';
import { listLoginFailures, loginFailureImage, queryLog } from '../logging/log-query';

type MaintenanceCalls = 'logs.query' | 'logs.loginFailures' | 'logs.loginFailureImage' | 'backup.list' | 'backup.create' | 'backup.restore';

export function maintenanceHandlers({ paths, backups, logger }: AppServices): { [N in MaintenanceCalls]: Handler<N> } {
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
    'backup.restore': ({ path }) => {
      backups.restore(path);
      logger.child('backup').warn('restore scheduled for the next start', { path });
      return { restartRequired: true as const };
    },
  };
}
