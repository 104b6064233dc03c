/** IPC channel names, derived from the contract's names so the two can never drift. */
export const callChannel = (name: string) => `kd:call:${name}`;
export const eventChannel = (name: string) => `kd:event:${name}`;
