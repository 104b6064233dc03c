/**
 * How main's events travel to a window: the events of one turn of main's event loop as one
 * message, a JSON object for one event or a JSON array for several (the bridge's WebSocket and
 * Electron's IPC send the same text). The sending side is src-main/app/event-batches.ts.
 */
export interface SentEvent {
  event: string;
  payload: unknown;
}

/** One message from events already written as JSON (`{"event":…,"payload":…}`). */
export const eventBatchMessage = (encoded: readonly string[]): string => (encoded.length === 1 ? encoded[0]! : `[${encoded.join(',')}]`);

/** The events a message carries, in the order main emitted them. */
export function eventsOfMessage(message: string): SentEvent[] {
  const data = JSON.parse(message) as SentEvent | SentEvent[];
  return Array.isArray(data) ? data : [data];
}
