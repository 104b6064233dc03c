import { join } from 'node:path';

/** Where each file lives inside the data folder; the one place that knows the layout. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'kaspi-demper.db'),
    logFile: join(dataDir, 'logs', 'app.log'),
    secretKey: join(dataDir, 'secret.key'),
    headlessToken: join(dataDir, 'headless-token'),
    loginFailures: join(dataDir, 'login-failures'),
    backups: join(dataDir, 'backups'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
