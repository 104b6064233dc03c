import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real HTTP proxies for tests, the second kind in proxy-servers.ts: Debian's tinyproxy in the
 * foreground, one process per proxy, each leaving through its own loopback address
 * (`Bind 127.0.0.N`), so a local target sees a different client IP per proxy, as Kaspi would. No `ConnectPort` lines: with any, tinyproxy
 * refuses CONNECT to other ports and undici's tunnelling gets a 403.
 *
 * Known limit of Debian's 1.11.1: on plain-HTTP forwarding (not CONNECT) it passes only the first
 * Set-Cookie of an answer (tinyproxy issue #403). undici always tunnels, so app requests are
 * unaffected; a browser loading an http:// simulator through it loses cookies (use SOCKS5 there).
 */

export const TINYPROXY_BIN = process.env.TINYPROXY_BIN ?? '/usr/bin/tinyproxy';

export interface TinyproxyOptions {
  /** The address outgoing connections leave from, e.g. 127.0.0.2. */
  bindAddress: string;
  auth?: { username: string; password: string };
  /** A fixed port, e.g. to bring a killed proxy back where the app knows it; free one by default. */
  port?: number;
}

export interface Tinyproxy {
  readonly host: string;
  readonly port: number;
  readonly bindAddress: string;
  readonly auth: TinyproxyOptions['auth'];
  /** True until `kill()` or an unexpected exit. */
  readonly running: boolean;
  /** Kills the process abruptly, like a proxy that goes away. */
  kill(): Promise<void>;
  /** Kills it (if running) and removes the temp folder. */
  stop(): Promise<void>;
}

export async function startTinyproxy(options: TinyproxyOptions): Promise<Tinyproxy> {
  if (!existsSync(TINYPROXY_BIN)) throw new Error(`tinyproxy is not installed at ${TINYPROXY_BIN}: run \`apt-get install -y tinyproxy\` (or set TINYPROXY_BIN)`);
  const dir = await mkdtemp(join(tmpdir(), 'tinyproxy-'));
  // Another process can take the probed port between the probe and tinyproxy's bind; try again.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(dir, port, options);
    } catch (error) {
      if (attempt >= 5) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

// A test worker that ends without stopping its proxies must not leave tinyproxy processes behind.
const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));

async function launch(dir: string, port: number, options: TinyproxyOptions): Promise<Tinyproxy> {
  const config = join(dir, `tinyproxy-${port}.conf`);
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    `Bind ${options.bindAddress}`,
    'Allow 127.0.0.1',
    'Timeout 30',
    'MaxClients 64',
    'LogLevel Error',
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    'DisableViaHeader Yes',
    'XTinyproxy No',
    ...(options.auth ? [`BasicAuth ${options.auth.username} ${options.auth.password}`] : []),
  ];
  await writeFile(config, `${lines.join('\n')}\n`);
  const child = spawn(TINYPROXY_BIN, ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let alive = true;
  // A missing binary emits 'error' and never 'exit'.
  const exited = new Promise<void>((resolve) => {
    const done = () => ((alive = false), children.delete(child), resolve());
    child.once('exit', done);
    child.once('error', (error) => ((stderr += String(error)), done()));
  });

  try {
    await waitForPort(port, child, () => alive);
  } catch (error) {
    await killProcess(child, exited);
    const log = await readFile(join(dir, 'tinyproxy.log'), 'utf8').catch(() => '');
    throw new Error(`tinyproxy did not start on port ${port}: ${String(error)}\n${stderr}\n${log}`, { cause: error });
  }

  return {
    host: '127.0.0.1',
    port,
    bindAddress: options.bindAddress,
    auth: options.auth,
    get running() {
      return alive;
    },
    kill: () => killProcess(child, exited),
    async stop() {
      await killProcess(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function killProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, alive: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`tinyproxy exited (code ${child.exitCode})`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for the port');
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
