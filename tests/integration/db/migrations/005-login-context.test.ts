import { describe, expect, it } from 'vitest';
import { accountsRepo } from '../../../../src-main/db/repos/accounts-repo';
import { LEGACY_LOGIN_CONTEXT, loginContext, passwordFits } from '../../../../src-main/security/login-target';
import { KASPI_ENDPOINTS } from '../../../../src-main/kaspi/endpoints';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 5: login context of stored passwords', () => {
  it('keeps a stored password usable for real Kaspi with the browser found by discovery, and for nothing else', () => {
    const db = files.at(4);
    seedStore(db);
    const before = seededCounts(db);
    migrateTo(db, 5);
    expect(seededCounts(db)).toEqual(before);

    const account = accountsRepo(db).get(1)!;
    expect(account).toMatchObject({ login: 'seller@shop.kz', passwordEnc: 'enc:pw', cookiesEnc: 'enc:cookies', sessionStatus: 'valid', passwordContext: null });
    expect(passwordFits(account.passwordContext, LEGACY_LOGIN_CONTEXT)).toBe(true);
    expect(passwordFits(account.passwordContext, loginContext({ endpoints: KASPI_ENDPOINTS, browserPath: '/tmp/other-browser' }))).toBe(false);
  });
});
