import type { Migration } from './types';

/**
 * The login target (Kaspi addresses and browser, as a fingerprint) each stored password was typed
 * for: a changed target asks for the password again before any login uses it (issue #10).
 * NULL: stored before this migration, i.e. for real Kaspi with the browser found by discovery.
 */
export const loginContext: Migration = {
  version: 5,
  name: 'login context of stored passwords',
  up: 'ALTER TABLE kaspi_accounts ADD COLUMN password_context TEXT;',
};
