import { createServer, type Server } from 'node:http';

/**
 * A local "Kaspi" for proxy tests: answers every request with the caller's socket address, and
 * can ban an address (403) for a while, the way Kaspi bans an IP that asks too fast.
 */
export interface EchoTarget {
  readonly url: string;
  /** Client addresses of every request answered (200 or 403), in arrival order. */
  readonly seen: string[];
  ban(address: string, forMs: number): void;
  clearBans(): void;
  close(): Promise<void>;
}

export async function startEchoTarget(): Promise<EchoTarget> {
  const seen: string[] = [];
  const bannedUntil = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    seen.push(address);
    if ((bannedUntil.get(address) ?? 0) > Date.now()) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('banned');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ip: address, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    ban: (address, forMs) => void bannedUntil.set(address, Date.now() + forMs),
    clearBans: () => bannedUntil.clear(),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
