import { existsSync } from 'node:fs';
import { startNodeProxy } from './node-proxy';
import type { NodeProxy } from './node-proxy';
import { TINYPROXY_BIN, startTinyproxy } from './tinyproxy';
import type { Tinyproxy } from './tinyproxy';

/**
 * The real proxy servers tests run against: the Node proxy (proxy-chain) everywhere, and Debian's
 * tinyproxy too where it is installed, so the proxy layer is proven against two implementations.
 */
export type ProxyKind = 'node' | 'tinyproxy';
export type TestProxy = NodeProxy | (Tinyproxy & { readonly kind: 'tinyproxy' });

export interface StartProxyOptions {
  /** The address outgoing connections leave from, e.g. 127.0.0.2. */
  bindAddress: string;
  auth?: { username: string; password: string };
  port?: number;
  kind?: ProxyKind;
}

let reported = false;

/** The kinds this machine can run; tinyproxy's absence is printed once, not hidden. */
export function proxyKinds(): ProxyKind[] {
  if (existsSync(TINYPROXY_BIN)) return ['node', 'tinyproxy'];
  if (!reported) {
    reported = true;
    console.info(`[proxy tests] tinyproxy not found at ${TINYPROXY_BIN}: running against the Node proxy server (proxy-chain) only. Install tinyproxy to test both.`);
  }
  return ['node'];
}

export async function startProxy(options: StartProxyOptions): Promise<TestProxy> {
  if ((options.kind ?? 'node') === 'node') return startNodeProxy(options);
  return Object.assign(await startTinyproxy(options), { kind: 'tinyproxy' as const });
}

/** One proxy per bind address (127.0.0.2, 127.0.0.3, …). */
export function startProxies(count: number, auth?: StartProxyOptions['auth'], kind?: ProxyKind): Promise<TestProxy[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => startProxy({ bindAddress: `127.0.0.${i + 2}`, auth, kind })));
}
