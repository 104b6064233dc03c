import { events as eventSchemas } from '../../src-shared/contract';
import type { EventName, EventPayload } from '../../src-shared/contract';

type Listener = (event: EventName, payload: unknown) => void;

export interface EventBusOptions {
  /** Told about a payload its schema refused (a bug in main): the event is not delivered, and this logs it. */
  onInvalidPayload?: (event: EventName, error: unknown) => void;
}

/**
 * Main → renderer events. Shells subscribe once and forward to their windows or sockets.
 * Every payload passes its contract schema before anyone hears it, as call results do in the
 * dispatcher: a payload that does not match is dropped and reported, and what is delivered is the
 * parsed value, so a field the contract does not name never reaches the renderer.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: EventBusOptions = {}) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = eventSchemas[event].safeParse(payload);
    if (!parsed.success) {
      this.options.onInvalidPayload?.(event, parsed.error);
      return;
    }
    for (const listener of this.listeners) listener(event, parsed.data);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
