import { lookup } from 'node:dns/promises';
import { createServer } from 'node:net';
import { Server } from 'proxy-chain';

/**
 * A real HTTP proxy in the test process: proxy-chain (a maintained Node proxy server, with Basic
 * authentication and CONNECT tunnelling). It runs wherever Node does, so the proxy tests need no
 * system package; like tinyproxy's `Bind`, it leaves through its own loopback address, so a local
 * target sees a different client IP per proxy, as Kaspi would.
 */
export interface NodeProxyOptions {
  bindAddress: string;
  auth?: { username: string; password: string };
  /** A fixed port, e.g. to bring a killed proxy back where the app knows it; free one by default. */
  port?: number;
}

export interface NodeProxy {
  readonly kind: 'node';
  readonly host: string;
  readonly port: number;
  readonly bindAddress: string;
  readonly auth: NodeProxyOptions['auth'];
  readonly running: boolean;
  /** Closes it and every connection through it at once, like a proxy that goes away. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNodeProxy(options: NodeProxyOptions): Promise<NodeProxy> {
  await assertLocalAddress(options.bindAddress);
  const { auth, bindAddress } = options;
  const server = new Server({
    host: '127.0.0.1',
    port: options.port ?? 0,
    verbose: false,
    prepareRequestFunction: async ({ username, password, hostname, isHttp }) => {
      const denied = !!auth && (username !== auth.username || password !== auth.password);
      if (!denied && !isHttp) await answerUnresolvable(hostname);
      return { requestAuthentication: denied, localAddress: bindAddress };
    },
  });
  await server.listen();
  let running = true;
  const kill = async () => {
    if (!running) return;
    running = false;
    await server.close(true);
  };
  return {
    kind: 'node',
    host: '127.0.0.1',
    port: server.port,
    bindAddress,
    auth,
    get running() {
      return running;
    },
    kill,
    stop: kill,
  };
}

const checked = new Map<string, Promise<void>>();

/**
 * 127.0.0.2 and up are local on Linux and Windows; macOS has only 127.0.0.1 until aliases are
 * added (the CI workflow adds them). Say so plainly instead of failing on a connect error later.
 */
export function assertLocalAddress(address: string): Promise<void> {
  let check = checked.get(address);
  if (!check) {
    check = new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `${address} is not a local address on this machine (${error.code}). The proxy tests give each proxy its own loopback address. ` +
              `On macOS add them once with: for i in $(seq 2 20); do sudo ifconfig lo0 alias 127.0.0.$i up; done`,
          ),
        ),
      );
      probe.listen(0, address, () => probe.close(() => resolve()));
    });
    checked.set(address, check);
  }
  return check;
}

/**
 * A CONNECT to a name that does not resolve gets a 502, as from tinyproxy or Squid. proxy-chain
 * would drop the connection instead, and undici 7's ProxyAgent never settles a request whose
 * CONNECT is dropped (nodejs/undici#3897): the tests would hang where the app, with a real proxy, gets an answer.
 */
async function answerUnresolvable(hostname: string): Promise<void> {
  try {
    await lookup(hostname);
  } catch (error) {
    // proxy-chain answers an error named RequestError with its statusCode.
    throw Object.assign(new Error(`cannot resolve ${hostname}: ${(error as NodeJS.ErrnoException).code}`), { name: 'RequestError', statusCode: 502 });
  }
}
