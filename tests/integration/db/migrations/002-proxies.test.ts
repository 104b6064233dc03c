import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SqliteProxyStore } from '../../../../src-main/db/repos/proxies-repo';
import { clockWithNow } from '../../../../src-main/time/clock';
import { createAesBox } from '../../../../src-main/secrets/key-file-box';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();

describe('migration 2: proxies', () => {
  it('keeps the seller’s store and products, and proxies can then be stored for that store with their passwords sealed', () => {
    const db = files.at(1);
    seedStore(db);
    const before = seededCounts(db);
    migrateTo(db, 2);
    expect(seededCounts(db)).toEqual(before);

    const store = new SqliteProxyStore(db, createAesBox(randomBytes(32)), clockWithNow(() => Date.parse('2026-03-02T00:00:00Z')));
    const { id } = store.upsert({ protocol: 'http', host: 'Proxy.Example.kz', port: 3128, username: 'u', password: 'secret', label: 'A' }, { storeId: 1 });
    expect(store.endpoints()).toEqual([expect.objectContaining({ id, host: 'proxy.example.kz', password: 'secret', storeId: 1, status: 'healthy' })]);
    expect(JSON.stringify(db.prepare('SELECT * FROM proxies').all())).not.toContain('secret');
  });
});
