import { Agent, ProxyAgent, Socks5ProxyAgent, type Dispatcher } from 'undici';
import type { ProxyProtocol, ProxyStatus } from '../../src-shared/domain/proxy';
import { UnsupportedProxyError } from './errors';
import { msg } from '../../src-shared/i18n/message';

/** A proxy as the main process uses it: with its password. Never leaves the main process. */
export interface ProxyEndpoint {
  id: number;
  protocol: ProxyProtocol;
  host: string;
  port: number;
  username: string | null;
  password: string | null;
  label: string | null;
  storeId: number | null;
  enabled: boolean;
  /** The status last persisted, so a proxy found dead before a restart is probed, not trusted. */
  status?: ProxyStatus;
}

export interface DispatcherOptions {
  /** Connect, headers and body timeouts of the underlying sockets. */
  timeoutMs: number;
}

/** `http://host:port`, without credentials: safe for logs and the UI. */
export function endpointAddress(endpoint: Pick<ProxyEndpoint, 'protocol' | 'host' | 'port'>): string {
  return `${endpoint.protocol}://${endpoint.host}:${endpoint.port}`;
}

/** Whether two endpoint versions need different sockets (and so a new dispatcher). */
export function sameConnection(a: ProxyEndpoint, b: ProxyEndpoint): boolean {
  return endpointAddress(a) === endpointAddress(b) && a.username === b.username && a.password === b.password;
}

/**
 * An undici dispatcher that sends requests through the endpoint, or straight out when the
 * endpoint is null (the direct lane). HTTP(S) proxies tunnel with CONNECT, so the target sees
 * the proxy's address for https and http targets alike.
 */
export function createDispatcher(endpoint: ProxyEndpoint | null, { timeoutMs }: DispatcherOptions): Dispatcher {
  const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs } };
  if (endpoint === null) return new Agent(timeouts);
  if (endpoint.protocol === 'socks5') {
    if (typeof Socks5ProxyAgent !== 'function') throw new UnsupportedProxyError(msg('proxies.socks_unsupported'));
    // Socks5ProxyAgent takes `connect` as its connector function, not as options; the pool's own
    // per-attempt deadline bounds a SOCKS5 request instead.
    return new Socks5ProxyAgent(`socks5://${endpoint.host}:${endpoint.port}`, endpoint.username ? { username: endpoint.username, password: endpoint.password ?? '' } : {});
  }
  return new ProxyAgent({
    uri: endpointAddress(endpoint),
    ...timeouts,
    ...(endpoint.username ? { token: basicAuth(endpoint.username, endpoint.password ?? '') } : {}),
  });
}

function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The `proxy` option of Playwright's `chromium.launch()` / `browser.newContext()`. */
export interface PlaywrightProxy {
  server: string;
  username?: string;
  password?: string;
  bypass?: string;
}

/**
 * Playwright's proxy option for one endpoint. `<-loopback>` makes Chromium send even localhost
 * through the proxy (it bypasses loopback by default), so a local simulator sees the proxy's IP.
 * Chromium cannot authenticate to SOCKS5 proxies, so such an endpoint is refused up front.
 */
export function playwrightProxyOption(endpoint: ProxyEndpoint): PlaywrightProxy {
  if (endpoint.protocol === 'socks5' && endpoint.username) {
    throw new UnsupportedProxyError(msg('proxies.socks_login'));
  }
  return {
    server: endpointAddress(endpoint),
    ...(endpoint.username ? { username: endpoint.username, password: endpoint.password ?? '' } : {}),
    bypass: '<-loopback>',
  };
}
