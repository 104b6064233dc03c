import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * A PNG that looks like a QR code and changes with its value: finder squares in three corners and
 * a module pattern drawn from the value's hash. It is not a scannable QR (the simulator's "scan" is
 * a control call); it gives the app a real image/png to show and to replace when WAHA rotates it.
 */
const MODULES = 29;
const SCALE = 6;
const QUIET = 4;

export function qrPng(value: string): Buffer {
  const size = (MODULES + QUIET * 2) * SCALE;
  const dark = moduleMap(value);
  const raw = Buffer.alloc((size + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / SCALE) - QUIET;
      const my = Math.floor(y / SCALE) - QUIET;
      const on = mx >= 0 && my >= 0 && mx < MODULES && my < MODULES && dark[my * MODULES + mx];
      raw[y * (size + 1) + 1 + x] = on ? 0 : 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function moduleMap(value: string): boolean[] {
  const bits: boolean[] = [];
  let block = createHash('sha256').update(value).digest();
  for (let i = 0; bits.length < MODULES * MODULES; i++) {
    if (i === block.length * 8) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    bits.push(((block[i >> 3]! >> (i & 7)) & 1) === 1);
  }
  const finder = (ox: number, oy: number) => {
    for (let y = 0; y < 7; y++) {
      for (let x = 0; x < 7; x++) {
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        bits[(oy + y) * MODULES + ox + x] = ring !== 2;
      }
    }
  };
  finder(0, 0);
  finder(MODULES - 7, 0);
  finder(0, MODULES - 7);
  return bits;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
