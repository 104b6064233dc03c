import { connect, createServer, type Socket } from 'node:net';

/**
 * A minimal SOCKS5 server (RFC 1928 CONNECT, RFC 1929 user/password) for the SOCKS5 lane tests:
 * no SOCKS5 server ships on the build machines. Like the tinyproxy helper, it leaves through its
 * own loopback address so the target can tell it apart.
 */
export interface Socks5Server {
  readonly host: string;
  readonly port: number;
  /** `host:port` of every CONNECT served, in order: what went through this proxy. */
  readonly connections: string[];
  close(): Promise<void>;
}

export async function startSocks5Server(options: { bindAddress: string; auth?: { username: string; password: string } }): Promise<Socks5Server> {
  const sockets = new Set<Socket>();
  const connections: string[] = [];
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    void handshake(client, options, connections).catch(() => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    host: '127.0.0.1',
    port,
    connections,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

async function handshake(client: Socket, options: { bindAddress: string; auth?: { username: string; password: string } }, connections: string[]): Promise<void> {
  const read = reader(client);
  const [version, methodCount] = await read(2);
  if (version !== 5) throw new Error('not SOCKS5');
  const methods = [...(await read(methodCount!))];
  const wanted = options.auth ? 0x02 : 0x00;
  if (!methods.includes(wanted)) return void client.end(Buffer.from([5, 0xff]));
  client.write(Buffer.from([5, wanted]));
  if (options.auth) {
    await read(1);
    const username = (await read((await read(1))[0]!)).toString();
    const password = (await read((await read(1))[0]!)).toString();
    const ok = username === options.auth.username && password === options.auth.password;
    client.write(Buffer.from([1, ok ? 0 : 1]));
    if (!ok) return void client.end();
  }
  const [, command, , addressType] = await read(4);
  if (command !== 1) return void client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0]));
  const host =
    addressType === 1 ? [...(await read(4))].join('.') : addressType === 3 ? (await read((await read(1))[0]!)).toString() : ipv6(await read(16));
  const port = (await read(2)).readUInt16BE(0);
  connections.push(`${host}:${port}`);
  const upstream = connect({ host, port, localAddress: options.bindAddress });
  upstream.once('error', () => client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])));
  upstream.once('connect', () => {
    client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
    const rest = read.rest();
    if (rest.length > 0) upstream.write(rest);
    client.pipe(upstream).pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
}

function ipv6(bytes: Buffer): string {
  return Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
}

/** Reads exact byte counts from a socket until `rest()` hands the remainder over to piping. */
function reader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let waiting: { n: number; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null = null;
  const drain = () => {
    if (waiting && buffered.length >= waiting.n) {
      const chunk = buffered.subarray(0, waiting.n);
      buffered = buffered.subarray(waiting.n);
      const { resolve } = waiting;
      waiting = null;
      resolve(Buffer.from(chunk));
    }
  };
  const onData = (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    drain();
  };
  socket.on('data', onData);
  socket.once('close', () => waiting?.reject(new Error('closed')));
  const read = (n: number) =>
    new Promise<Buffer>((resolve, reject) => {
      waiting = { n, resolve, reject };
      drain();
    });
  return Object.assign(read, {
    rest() {
      socket.off('data', onData);
      return buffered;
    },
  });
}
