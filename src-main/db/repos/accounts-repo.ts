import type { Database } from 'better-sqlite3';
import type { LoginMethod, SessionStatus } from '../../../src-shared/domain/store';

/** A Kaspi cabinet login. Secrets stay encrypted here; only services holding the SecretBox open them. */
export interface AccountRecord {
  id: number;
  login: string;
  loginMethod: LoginMethod;
  passwordEnc: string | null;
  /** The login target the stored password was typed for (security/login-target.ts); null: before it was recorded. */
  passwordContext: string | null;
  cookiesEnc: string | null;
  sessionStatus: SessionStatus;
  sessionCheckedAt: string | null;
}

interface Row {
  id: number;
  login: string;
  login_method: LoginMethod;
  password_enc: string | null;
  password_context: string | null;
  cookies_enc: string | null;
  session_status: SessionStatus;
  session_checked_at: string | null;
}

const toRecord = (r: Row): AccountRecord => ({
  id: r.id,
  login: r.login,
  loginMethod: r.login_method,
  passwordEnc: r.password_enc,
  passwordContext: r.password_context,
  cookiesEnc: r.cookies_enc,
  sessionStatus: r.session_status,
  sessionCheckedAt: r.session_checked_at,
});

export function accountsRepo(db: Database) {
  const byId = db.prepare<[number], Row>('SELECT * FROM kaspi_accounts WHERE id = ?');
  const upsert = db.prepare<[string, LoginMethod, string | null, string | null, string | null, string, string, string]>(
    `INSERT INTO kaspi_accounts (login, login_method, password_enc, password_context, cookies_enc, session_status, session_checked_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'valid', ?, ?, ?)
     ON CONFLICT(login) DO UPDATE SET login_method = excluded.login_method,
       password_context = CASE WHEN excluded.password_enc IS NULL THEN kaspi_accounts.password_context ELSE excluded.password_context END,
       password_enc = COALESCE(excluded.password_enc, kaspi_accounts.password_enc),
       cookies_enc = excluded.cookies_enc, session_status = 'valid',
       session_checked_at = excluded.session_checked_at, updated_at = excluded.updated_at
     RETURNING id`,
  );
  const setSession = db.prepare<[string | null, SessionStatus, string, number]>(
    'UPDATE kaspi_accounts SET cookies_enc = COALESCE(?, cookies_enc), session_status = ?, session_checked_at = ?, updated_at = session_checked_at WHERE id = ?',
  );
  return {
    get(id: number): AccountRecord | undefined {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    /** After a successful login: one row per Kaspi login, updated in place on re-login; a new password brings its login context. */
    saveLogin(input: { login: string; method: LoginMethod; passwordEnc: string | null; passwordContext: string | null; cookiesEnc: string; at: string }): number {
      return (upsert.get(input.login, input.method, input.passwordEnc, input.passwordContext, input.cookiesEnc, input.at, input.at, input.at) as { id: number }).id;
    },
    setSession(id: number, status: SessionStatus, at: string, cookiesEnc: string | null = null): void {
      setSession.run(cookiesEnc, status, at, id);
    },
  };
}
