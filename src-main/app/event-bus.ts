import type { EventName, EventPayload } from '../../src-shared/contract';

type Listener = (event: EventName, payload: unknown) => void;

/** Main → renderer events. Shells subscribe once and forward to their windows or sockets. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
