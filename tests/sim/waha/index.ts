import { closeServer, listen, type Listening } from '../kaspi/http';
import { wahaApiHandler } from './api';
import { wahaControlHandler } from './control';
import { WahaFaults } from './faults';
import { WahaSimHandle } from './handle';
import { WahaState, type Engine, type WahaOptions } from './state';

export type { WahaSimState } from './handle';
export type { SimMessage, SessionStatus, WebhookDelivery } from './state';
export type { WahaFaultInput } from './faults';
export { keyMatches } from './api';

export interface WahaSimOptions {
  /** WAHA_API_KEY as WAHA takes it: the plain key or `sha512:<hex>`; omitted: no key asked. */
  apiKey?: string;
  /** NOWEB (default) or WEBJS: what POST /api/sendText answers differs. */
  engine?: Engine;
  /** Multiplies WAHA's durations: start-up 1.5 s, QR 60 s then 20 s ×6, acks (default 1). */
  timeScale?: number;
  /** Acks after a send, in WAHA ms (default delivered after 3 s, read after 20 s); null: only by control. */
  autoAck?: WahaOptions['autoAck'];
  /** Interface for both servers (default 127.0.0.1). */
  host?: string;
  /** Fixed ports (default ephemeral). */
  port?: number;
  controlPort?: number;
}

export interface WahaSim extends WahaSimHandle {
  /** WAHA's base URL (what the seller enters in the app) and the control API's. */
  readonly url: string;
  readonly controlUrl: string;
  close(): Promise<void>;
}

/** Starts a local WAHA (API on one port, control on another). */
export async function startWahaSim(opts: WahaSimOptions = {}): Promise<WahaSim> {
  const state = new WahaState({ engine: opts.engine ?? 'NOWEB', timeScale: opts.timeScale ?? 1, autoAck: opts.autoAck === undefined ? { deliveredMs: 3_000, readMs: 20_000 } : opts.autoAck });
  const faults = new WahaFaults();
  const held = new Set<() => void>();
  const handle = new WahaSimHandle(state, faults, held);
  const host = opts.host ?? '127.0.0.1';
  const servers: Listening[] = [];
  try {
    servers.push(await listen(wahaApiHandler(state, faults, held, { apiKey: opts.apiKey }), host, opts.port ?? 0));
    servers.push(await listen(wahaControlHandler(handle), host, opts.controlPort ?? 0));
  } catch (error) {
    await Promise.all(servers.map((s) => closeServer(s.server)));
    state.close();
    throw error;
  }
  const [api, control] = servers as [Listening, Listening];
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      state.close();
      await Promise.all(servers.map((s) => closeServer(s.server)));
    })();
    return closed;
  };
  return Object.assign(handle, { url: api.url, controlUrl: control.url, close }) as WahaSim;
}
