/**
 * Encrypts secrets at rest (Kaspi passwords, session cookies, shop API tokens, proxy passwords).
 * The desktop shell backs it with Electron's safeStorage (the OS keychain); headless mode with a
 * key file readable only by the user. Ciphertexts are opaque strings safe to store in SQLite.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}
