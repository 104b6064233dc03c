import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyFileBox } from '../../../src-main/secrets/key-file-box';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

describe('key file secret box', () => {
  it('round-trips a secret and never stores it in plain text', async () => {
    const box = await createKeyFileBox(join(tempDir(), 'secret.key'));
    const sealed = box.encrypt('Пароль-от-кабинета-123');
    expect(sealed).not.toContain('Пароль');
    expect(box.decrypt(sealed)).toBe('Пароль-от-кабинета-123');
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('keeps its key in a file only the user can read, and reuses it after a restart', async () => {
    const keyPath = join(tempDir(), 'secret.key');
    const sealed = (await createKeyFileBox(keyPath)).encrypt('token');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect((await createKeyFileBox(keyPath)).decrypt(sealed)).toBe('token');
  });

  it('refuses a tampered ciphertext instead of returning garbage', async () => {
    const box = await createKeyFileBox(join(tempDir(), 'secret.key'));
    const sealed = box.encrypt('cookie-value');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('cookie-valuX').toString('base64');
    expect(() => box.decrypt(parts.join(':'))).toThrow();
    expect(() => box.decrypt('plain text')).toThrow(/неизвестном формате/);
  });
});
