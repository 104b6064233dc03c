import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../src-main/app/create-app';
import { useTempDir } from '../../support/temp-dir';
import { call } from '../../support/call-app';

const tempDir = useTempDir();


describe('backup and restore', () => {
  it('backs up a live database and restores it at the next start, keeping the replaced one', async () => {
    const dir = tempDir();
    let app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    await call(app, 'settings.update', { language: 'kk' });
    const backup = await call(app, 'backup.create') as { name: string; path: string; sizeBytes: number };
    expect(backup.sizeBytes).toBeGreaterThan(0);
    expect(await call(app, 'backup.list')).toEqual([expect.objectContaining({ path: backup.path })]);

    await call(app, 'settings.update', { language: 'en' });
    await expect(call(app, 'backup.restore', { name: backup.name })).resolves.toEqual({ restartRequired: true });
    // Nothing changes until the restart.
    expect((await call(app, 'settings.get') as { language: string }).language).toBe('en');
    await app.close();

    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    expect((await call(app, 'settings.get') as { language: string }).language).toBe('kk');
    expect(readdirSync(join(dir, 'backups')).some((name) => name.startsWith('before-restore-'))).toBe(true);
    await app.close();
  });

  it('refuses a file that is not a Kaspi Demper backup and schedules nothing', async () => {
    const dir = tempDir();
    const app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test' });
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'prices.xlsx.db'), 'PK\u0003\u0004 not a database at all');
    await expect(call(app, 'backup.restore', { name: 'prices.xlsx.db' })).rejects.toMatchObject({ code: 'invalid_backup' });
    await expect(call(app, 'backup.restore', { name: 'missing.db' })).rejects.toMatchObject({ code: 'invalid_backup' });
    expect(existsSync(join(dir, 'kaspi-demper.db.restore'))).toBe(false);
    await app.close();
  });
});

describe('log view', () => {
  it('filters the structured log by level, module, store and text, newest first', async () => {
    const app = await createApp({ dataDir: tempDir(), shell: 'headless', appVersion: 'test' });
    const demper = app.logger.child('demper');
    demper.info('price set', { storeId: 1, sku: 'A-1' });
    demper.warn('account blocked', { storeId: 2 });
    app.logger.child('kaspi').child('login').error('login failed', { storeId: 1 });
    const all = await call(app, 'logs.query', { minLevel: 'debug' }) as { records: Array<{ msg: string; module: string }>; modules: string[] };
    expect(all.records[0]!.msg).toBe('login failed');
    expect(all.modules).toEqual(expect.arrayContaining(['demper', 'kaspi.login', 'app']));
    const warnings = await call(app, 'logs.query', { minLevel: 'warn' }) as { records: Array<{ msg: string }> };
    expect(warnings.records.map((r) => r.msg)).toEqual(['login failed', 'account blocked']);
    const store1 = await call(app, 'logs.query', { minLevel: 'info', storeId: 1 }) as { records: Array<{ msg: string }> };
    expect(store1.records.map((r) => r.msg)).toEqual(['login failed', 'price set']);
    const kaspi = await call(app, 'logs.query', { module: 'kaspi', text: 'FAILED' }) as { records: Array<{ module: string }> };
    expect(kaspi.records).toEqual([expect.objectContaining({ module: 'kaspi.login' })]);
    await app.close();
  });
});
