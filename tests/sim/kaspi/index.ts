import type { ServerResponse } from 'node:http';
import { controlHandler } from './control';
import { SimHandle } from './handle';
import { hostHandler } from './host';
import { closeServer, listen, type Listening } from './http';
import { idmcRouter } from './idmc';
import { mcRouter } from './mc';
import { SimState, type SimUrls } from './sim-state';
import { storefrontRouter } from './storefront';

export { SCENARIO_CREDENTIALS, SCENARIO_NAMES } from './scenarios';
export type { SimHandle, OfferView, ScenarioInfo } from './handle';
export type { SimUrls, PushRecord } from './sim-state';
export type { FaultInput, Fault } from './faults';
export type { Limits, LimitsPatch } from './limits';
export { OAUTH_CLIENT_ID } from './idmc';

export interface KaspiSimOptions {
  /** Seed of every random choice (default 1). */
  seed?: number;
  /** small (default), demo or bench. */
  scenario?: string;
  /** Multiplies every Kaspi duration (default 1; tests use e.g. 0.001). */
  timeScale?: number;
  /**
   * One interface for every host. By default each Kaspi host gets its own loopback address
   * (idmc 127.0.0.1, mc 127.0.0.2, storefront 127.0.0.3, control 127.0.0.1), so a browser keeps
   * cookies per host as it does for idmc.shop.kaspi.kz, mc.shop.kaspi.kz and kaspi.kz; with one
   * host they are shared (cookies ignore ports).
   */
  host?: string;
  /** Fixed ports: base, base+1, base+2, base+3 for idmc, mc, storefront, control (default: ephemeral). */
  portBase?: number;
}

export interface KaspiSim extends SimHandle {
  readonly urls: SimUrls;
  close(): Promise<void>;
}

/**
 * Starts the three Kaspi hosts and the control API, each on its own port. The app's three base
 * URLs (idmc, mc, storefront) are settings: point them at `sim.urls`.
 */
export async function startKaspiSim(opts: KaspiSimOptions = {}): Promise<KaspiSim> {
  const state = new SimState({ seed: opts.seed ?? 1, scenario: opts.scenario ?? 'small', timeScale: opts.timeScale ?? 1 });
  const port = (i: number): number => (opts.portBase ? opts.portBase + i : 0);
  const hanging = new Set<ServerResponse>();
  const handle = new SimHandle(state);
  const servers: Listening[] = [];
  try {
    const hosts: [string, string, string] = opts.host ? [opts.host, opts.host, opts.host] : await ownLoopbackAddresses();
    servers.push(await listen(hostHandler(state, 'idmc', idmcRouter(state), hanging), hosts[0], port(0)));
    servers.push(await listen(hostHandler(state, 'mc', mcRouter(state), hanging), hosts[1], port(1)));
    servers.push(await listen(hostHandler(state, 'storefront', storefrontRouter(state), hanging), hosts[2], port(2)));
    servers.push(await listen(controlHandler(handle), hosts[0], port(3)));
  } catch (err) {
    await Promise.all(servers.map((s) => closeServer(s.server)));
    state.stop();
    throw err;
  }
  const [idmc, mc, storefront, control] = servers as [Listening, Listening, Listening, Listening];
  state.urls = { idmc: idmc.url, mc: mc.url, storefront: storefront.url, control: control.url };
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      state.stop();
      for (const res of hanging) res.destroy();
      await Promise.all(servers.map((s) => closeServer(s.server)));
    })();
    return closed;
  };
  return Object.assign(handle, { close }) as KaspiSim;
}

const LOOPBACKS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'] as const;

/**
 * Linux and Windows answer on all of 127/8; macOS only on 127.0.0.1 unless aliased. Where the
 * other addresses are missing every host shares 127.0.0.1 (and its cookies): README lists it.
 */
async function ownLoopbackAddresses(): Promise<[string, string, string]> {
  try {
    const probe = await listen(() => undefined, LOOPBACKS[2], 0);
    await closeServer(probe.server);
    return [...LOOPBACKS];
  } catch {
    return ['127.0.0.1', '127.0.0.1', '127.0.0.1'];
  }
}
