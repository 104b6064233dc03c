/** IPC channel names, derived from the contract's names so the two can never drift. */
export const callChannel = (name: string) => `kd:call:${name}`;
/** Main's events, batched per turn of its event loop (src-main/app/event-batches.ts), all on one channel. */
export const EVENTS_CHANNEL = 'kd:events';
