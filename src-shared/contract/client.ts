import { AppError } from './errors';
import type { CallName, CallInput, CallOutput, CallResult, EventName, EventPayload } from './index';

/** What a shell offers the renderer: the preload object in Electron, the HTTP/WebSocket bridge in headless mode. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(name, input) {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw AppError.from(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
