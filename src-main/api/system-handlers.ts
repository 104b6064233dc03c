import { statSync } from 'node:fs';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';
import { journalMode } from '../db/connection';
import { schemaVersion } from '../db/migrate';

export function systemHandlers(app: AppServices): { 'system.status': Handler<'system.status'> } {
  return {
    'system.status': () => ({
      appVersion: app.config.appVersion,
      shell: app.config.shell,
      dataDir: app.paths.dataDir,
      database: {
        path: app.paths.database,
        sizeBytes: statSync(app.paths.database).size,
        schemaVersion: schemaVersion(app.db),
        journalMode: journalMode(app.db),
      },
      startedAt: app.startedAt.toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((app.now().getTime() - app.startedAt.getTime()) / 1000)),
      nodeVersion: process.versions.node,
      warnings: app.config.warnings ?? [],
    }),
  };
}
