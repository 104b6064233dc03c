import { safeStorage } from 'electron';
import type { KeyWrapper } from '../../secrets/key-file-box';
import { msg } from '../../../src-shared/i18n/message';
import type { Message } from '../../../src-shared/i18n/message';
import { MessageError } from '../../../src-shared/i18n/message-error';

type SafeStorage = Pick<typeof safeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/** A key kept without the OS keychain (Linux with no secret service): the 0600 key file is its only protection. */
const UNSEALED = 'plain:';

/** Shown on the System page in the seller's language, and logged. */
export const NO_KEYCHAIN_WARNING: Message = msg('secrets.no_keychain');

/**
 * Seals the data key with the OS keychain (DPAPI, Keychain, libsecret/KWallet). On Linux without
 * a secret service Electron falls back to `basic_text`, a password built into Chromium: sealing
 * with it would only look safe. Then the key is written unsealed to its 0600 file and the seller
 * is told. A key sealed earlier, either way, still opens.
 */
export function desktopKeyProtection(storage: SafeStorage = safeStorage, platform: NodeJS.Platform = process.platform): { wrapper: KeyWrapper; warning: Message | null } {
  const weak = platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text';
  return {
    warning: weak ? NO_KEYCHAIN_WARNING : null,
    wrapper: {
      async wrap(key) {
        if (weak) return UNSEALED + key.toString('base64');
        if (!(await storage.isAsyncEncryptionAvailable())) {
          throw new MessageError(msg('secrets.keychain_unavailable'));
        }
        return (await storage.encryptStringAsync(key.toString('base64'))).toString('base64');
      },
      async unwrap(stored) {
        if (stored.startsWith(UNSEALED)) return Buffer.from(stored.slice(UNSEALED.length), 'base64');
        const { result } = await storage.decryptStringAsync(Buffer.from(stored, 'base64'));
        return Buffer.from(result, 'base64');
      },
    },
  };
}
