import { z } from 'zod';
import { call } from './define';
import { message } from '../i18n/message';

export const pauseCause = z.enum(['asleep', 'offline']);

/** The last time the bot came back from a sleep or a network outage, and what it caught up on. */
export const wakeReport = z.object({
  at: z.number(),
  cause: pauseCause,
  pausedMs: z.number().int().nonnegative(),
  /** Products read again since the wake (each before any push). */
  productsChecked: z.number().int().nonnegative(),
  /** Every product the bot reprices has been read again. */
  complete: z.boolean(),
  /** Whether the bot was running when the pause began (if not, nothing was missed). */
  wasRunning: z.boolean(),
  /** The same report as a catalogue message, as the tray and notifications show it in the seller's language. */
  text: message,
});
export type WakeReport = z.infer<typeof wakeReport>;

/** Whether the bot is paused by the computer (asleep, offline) and the last catch-up report. */
export const powerStatus = z.object({
  paused: pauseCause.nullable(),
  pausedSince: z.number().nullable(),
  lastWake: wakeReport.nullable(),
  /** "Keep the computer awake while the demper runs" is holding the system awake right now. */
  keepingAwake: z.boolean(),
});
export type PowerStatus = z.infer<typeof powerStatus>;

export const powerCalls = {
  'power.status': call(z.object({}), powerStatus),
};

export const powerEvents = {
  'power.changed': powerStatus,
};
