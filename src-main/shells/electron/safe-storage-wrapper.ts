import { safeStorage } from 'electron';
import type { KeyWrapper } from '../../secrets/key-file-box';

/** Seals the data key with the OS keychain (DPAPI, Keychain, libsecret). */
export const safeStorageWrapper: KeyWrapper = {
  async wrap(key) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('Системное хранилище ключей недоступно: пароли нельзя сохранить безопасно');
    }
    return (await safeStorage.encryptStringAsync(key.toString('base64'))).toString('base64');
  },
  async unwrap(stored) {
    const { result } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
    return Buffer.from(result, 'base64');
  },
};
