import { z } from 'zod';
import { call } from './define';
import { message } from '../i18n/message';

export const systemStatus = z.object({
  appVersion: z.string(),
  shell: z.enum(['electron', 'headless']),
  dataDir: z.string(),
  database: z.object({
    path: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    schemaVersion: z.number().int().nonnegative(),
    journalMode: z.string(),
  }),
  startedAt: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  nodeVersion: z.string(),
  /** What weakens this installation's protection (no OS keychain, say), in words for the seller. */
  warnings: z.array(message),
});
export type SystemStatus = z.infer<typeof systemStatus>;

export const systemCalls = {
  'system.status': call(z.object({}), systemStatus),
};
