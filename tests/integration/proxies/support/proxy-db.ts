import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../../../src-main/time/clock';
import { PROXY_MIGRATION_SQL } from '../../../../src-main/proxies/sqlite-proxy-store';
import { SqliteProxyStore } from '../../../../src-main/db/repos/proxies-repo';
import { createAesBox } from '../../../../src-main/secrets/key-file-box';

/** A real SQLite file in a temp folder with the proxy tables, reopenable to simulate a restart. */
export class ProxyDb {
  readonly dir = mkdtempSync(join(tmpdir(), 'proxies-db-'));
  readonly path = join(this.dir, 'app.sqlite');
  readonly key = randomBytes(32);
  db!: Database.Database;
  store!: SqliteProxyStore;

  constructor(private readonly clock: Clock = systemClock) {
    this.open();
  }

  open(): SqliteProxyStore {
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(PROXY_MIGRATION_SQL);
    this.store = new SqliteProxyStore(this.db, createAesBox(this.key), this.clock);
    return this.store;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  destroy(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
