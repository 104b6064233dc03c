import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretBox } from './secret-box';
import { msg } from '../../src-shared/i18n/message';
import { MessageError } from '../../src-shared/i18n/message-error';

const VERSION = 'k1';

/**
 * How the 32-byte data key is kept on disk. Headless mode stores it as is in a 0600 file; the
 * desktop shell wraps it with the OS keychain (Electron safeStorage), the way Signal protects its
 * database key — so every secret is sealed by the keychain while encryption itself stays
 * synchronous and usable inside SQLite transactions.
 */
export interface KeyWrapper {
  wrap(key: Buffer): Promise<string>;
  unwrap(stored: string): Promise<Buffer>;
}

export const plainKeyFile: KeyWrapper = {
  wrap: async (key) => key.toString('base64'),
  unwrap: async (stored) => Buffer.from(stored, 'base64'),
};

export async function createKeyFileBox(keyPath: string, wrapper: KeyWrapper = plainKeyFile): Promise<SecretBox> {
  return createAesBox(await loadOrCreateKey(keyPath, wrapper));
}

/** AES-256-GCM: a tampered or foreign ciphertext fails loudly instead of decrypting to garbage. */
export function createAesBox(key: Buffer): SecretBox {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new MessageError(msg('secrets.unknown_format'));
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

async function loadOrCreateKey(keyPath: string, wrapper: KeyWrapper): Promise<Buffer> {
  if (existsSync(keyPath)) {
    const key = await wrapper.unwrap(readFileSync(keyPath, 'utf8').trim());
    if (key.length !== 32) throw new MessageError(msg('secrets.key_damaged', { path: keyPath }));
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(keyPath, await wrapper.wrap(key), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  return key;
}
