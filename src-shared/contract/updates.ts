import { z } from 'zod';
import { call } from './define';
import { message } from '../i18n/message';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const updateChannel = z.enum(UPDATE_CHANNELS);
export type UpdateChannel = z.infer<typeof updateChannel>;

/**
 * Where the desktop app's self-update stands. Updates download in the background; the app
 * restarts only when the seller presses "restart to update", after the pushes in flight settle.
 */
export const updateStatus = z.object({
  state: z.enum(['unsupported', 'idle', 'checking', 'downloading', 'ready', 'up_to_date', 'restarting', 'error']),
  currentVersion: z.string(),
  channel: updateChannel,
  /** The version found or downloaded. */
  version: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  /** When the last check finished (ms since epoch). */
  checkedAt: z.number().nullable(),
  /** Why updates are unsupported, or what went wrong. */
  message: message.nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatus>;

export const updatesCalls = {
  'updates.status': call(z.object({}), updateStatus),
  'updates.check': call(z.object({}), updateStatus),
  'updates.install': call(z.object({}), updateStatus),
};

export const updatesEvents = {
  'updates.status': updateStatus,
};
