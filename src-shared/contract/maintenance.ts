import { z } from 'zod';
import { call } from './define';
import { messageCode } from '../i18n/message';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const logRecord = z.object({
  ts: z.string(),
  level: z.enum(LOG_LEVELS),
  module: z.string(),
  msg: z.string(),
  /** Everything else the record carried, already redacted. */
  fields: z.record(z.string(), z.unknown()),
});
export type LogRecordView = z.infer<typeof logRecord>;

export const backupInfo = z.object({ name: z.string(), path: z.string(), sizeBytes: z.number().int(), createdAt: z.string() });
export type BackupInfo = z.infer<typeof backupInfo>;

export const maintenanceCalls = {
  'logs.query': call(
    z.object({
      minLevel: z.enum(LOG_LEVELS).default('info'),
      module: z.string().max(100).optional(),
      storeId: z.number().int().optional(),
      text: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(300),
    }),
    z.object({ records: z.array(logRecord), modules: z.array(z.string()) }),
  ),
  'logs.loginFailures': call(z.object({}), z.array(z.object({ name: z.string(), createdAt: z.string(), reason: z.string(), hasHtml: z.boolean() }))),
  /** The screenshot as a data URL: the renderer has no file access. */
  'logs.loginFailureImage': call(z.object({ name: z.string().regex(/^[\w.-]+\.png$/, messageCode('logs.file_name')) }), z.object({ dataUrl: z.string() })),
  'backup.list': call(z.object({}), z.array(backupInfo)),
  'backup.create': call(z.object({}), backupInfo),
  /**
   * Checks a copy and schedules it to replace the database at the next start (the current one is
   * kept): a file of the backups folder by name, or one the seller picks in the desktop's file
   * dialog. No path crosses the API.
   */
  'backup.restore': call(
    z.union([
      z.strictObject({ name: z.string().regex(/^[\w-][\w.-]*\.db$/, messageCode('backup.pick_from_list')) }),
      z.strictObject({ pickFile: z.literal(true) }),
    ]),
    z.object({ restartRequired: z.literal(true) }),
  ),
};

export const maintenanceEvents = {
  'backup.progress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** A copy was made or a restore scheduled: the list of copies is read again. */
  'backup.changed': z.object({}),
};
