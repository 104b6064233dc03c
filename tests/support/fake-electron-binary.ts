import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Electron's fuse sentinel, then the wire: version 1, 8 fuses, each '0' (off) or '1' (on), as
// Electron 45 ships them (RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const AS_SHIPPED = '10110001';
/** A fuse's byte in the wire @electron/fuses reads back. */
export const FUSE_ON = 49;
export const FUSE_OFF = 48;

/** A stand-in Electron executable: the Electron binary cannot be downloaded here, its fuse wire can be written. */
export function fakeElectronBinary(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(AS_SHIPPED), Buffer.from('…more code')]));
  return path;
}
