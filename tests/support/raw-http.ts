import { connect, type Socket } from 'node:net';

/**
 * Bytes on a TCP connection, as an attacker writes them (no client library to tidy them up).
 * Resolves with everything the server sent once it closes the connection or falls silent.
 */
export function rawExchange(port: number, chunks: Array<string | Buffer>, quietMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    socket.on('data', (data) => {
      received += data.toString('latin1');
      idle();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      idle();
    });
  });
}

/** The status code of the first response line, or null when the server answered nothing. */
export const statusOf = (response: string): number | null => {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
  return match ? Number(match[1]) : null;
};

/** A WebSocket upgrade request for /api/events with the given extra header lines. */
export function upgradeRequest(port: number, headers: Record<string, string>, path = '/api/events'): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A client-to-server frame (masked, as RFC 6455 requires of clients) with any first byte. */
export function clientFrame(firstByte: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  if (payload.length > 125) throw new Error('clientFrame: payloads up to 125 bytes');
  return Buffer.concat([Buffer.from([firstByte, 0x80 | payload.length]), mask, masked]);
}

/** Opens a raw connection, upgrades it and returns the socket once the 101 arrived (or the refusal). */
export function rawUpgrade(port: number, headers: Record<string, string>): Promise<{ socket: Socket; status: number | null }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    socket.on('error', reject);
    socket.on('data', function onData(data) {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      resolve({ socket, status: statusOf(head) });
    });
    socket.on('connect', () => socket.write(upgradeRequest(port, headers)));
  });
}
