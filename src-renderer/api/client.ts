import { createApiClient } from '../../src-shared/contract/client';
import type { ApiClient, Transport } from '../../src-shared/contract/client';
import { createBridgeTransport } from './bridge-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser talking to the headless bridge. */
    kaspiDemper?: Transport;
  }
}

/** The renderer never knows its shell: the preload's object if present, else the bridge. */
export const api: ApiClient = createApiClient(window.kaspiDemper ?? createBridgeTransport());
