import { describe, expect, it, vi } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { createApp } from '../../../../src-main/app/create-app';
import { dataPaths } from '../../../../src-main/app/data-paths';
import { call } from '../../../support/call-app';
import { useTempDir } from '../../../support/temp-dir';
import { errorText, msg, renderMessage } from '../../../../src-shared/i18n';

// The Electron binary cannot run here: safeStorage is a stand-in that "seals" by reversing bytes.
vi.mock('electron', () => ({ safeStorage: {} }));
const { desktopKeyProtection, NO_KEYCHAIN_WARNING } = await import('../../../../src-main/shells/electron/safe-storage-wrapper');

const tempDir = useTempDir();

function fakeSafeStorage(backend: string) {
  return {
    getSelectedStorageBackend: vi.fn(() => backend),
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(text).reverse()),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: Buffer.from(sealed).reverse().toString(), shouldReEncrypt: false })),
  } as unknown as Parameters<typeof desktopKeyProtection>[0] & Record<string, ReturnType<typeof vi.fn>>;
}

describe('the data key on the desktop', () => {
  it('on Linux without a keychain (basic_text) is not "sealed" with Chromium’s known password: kept in the 0600 file, the seller warned', async () => {
    const storage = fakeSafeStorage('basic_text');
    const keys = desktopKeyProtection(storage, 'linux');
    const dir = tempDir();
    const app = await createApp({ dataDir: dir, shell: 'electron', appVersion: 'test', keyWrapper: keys.wrapper, warnings: keys.warning ? [keys.warning] : [] });
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
    const stored = readFileSync(dataPaths(dir).secretKey, 'utf8');
    expect(stored).toMatch(/^plain:/);
    expect(statSync(dataPaths(dir).secretKey).mode & 0o777).toBe(0o600);
    expect(await call(app, 'system.status')).toMatchObject({ warnings: [msg('secrets.no_keychain')] });
    // The System page shows it in the seller's language.
    expect(keys.warning).toEqual(NO_KEYCHAIN_WARNING);
    expect(renderMessage(NO_KEYCHAIN_WARNING, 'en')).toMatch(/^This computer has no system password store/);
    expect(renderMessage(NO_KEYCHAIN_WARNING, 'kk')).toMatch(/^Бұл компьютерде жүйелік құпиясөз қоймасы/);
    const log = await call<{ records: Array<{ msg: string }> }>(app, 'logs.query', { minLevel: 'warn' });
    expect(log.records.map((r) => r.msg)).toContain('protection weakened');
    // The secrets still round-trip after a restart.
    const sealed = app.secrets.encrypt('kaspi-password');
    await app.close();
    const again = await createApp({ dataDir: dir, shell: 'electron', appVersion: 'test', keyWrapper: desktopKeyProtection(storage, 'linux').wrapper });
    expect(again.secrets.decrypt(sealed)).toBe('kaspi-password');
    await again.close();
  });

  it('with a real keychain (libsecret, DPAPI, Keychain) is sealed by it, with no warning', async () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['win32', 'unknown'], ['darwin', 'unknown']] as const) {
      const storage = fakeSafeStorage(backend);
      const keys = desktopKeyProtection(storage, platform);
      expect(keys.warning).toBeNull();
      const key = Buffer.alloc(32, 7);
      const stored = await keys.wrapper.wrap(key);
      expect(stored).not.toMatch(/^plain:/);
      expect(storage.encryptStringAsync).toHaveBeenCalled();
      expect(await keys.wrapper.unwrap(stored)).toEqual(key);
    }
  });

  it('sealed earlier with basic_text still opens', async () => {
    const storage = fakeSafeStorage('basic_text');
    const key = Buffer.alloc(32, 3);
    const legacy = (await storage.encryptStringAsync(key.toString('base64'))).toString('base64');
    expect(await desktopKeyProtection(storage, 'linux').wrapper.unwrap(legacy)).toEqual(key);
  });

  it('refuses to store the key when the keychain is unavailable, saying so in the seller\u2019s language', async () => {
    const storage = fakeSafeStorage('gnome_libsecret');
    (storage.isAsyncEncryptionAvailable as ReturnType<typeof vi.fn>).mockResolvedValue(false);
    const refused = await desktopKeyProtection(storage, 'linux').wrapper.wrap(Buffer.alloc(32, 1)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ userMessage: msg('secrets.keychain_unavailable') });
    expect(errorText(refused, 'en')).toBe('The system key store is unavailable: passwords cannot be stored safely');
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
  });
});
