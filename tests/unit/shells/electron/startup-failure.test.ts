import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../../src-main/app/create-app';
import { dataPaths } from '../../../../src-main/app/data-paths';
import { startupFailure } from '../../../../src-main/shells/electron/startup-failure';
import { MessageError, msg } from '../../../../src-shared/i18n';
import { call } from '../../../support/call-app';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const keychainDown = new MessageError(msg('secrets.keychain_unavailable'));

describe('the box the desktop shows when the app cannot start', () => {
  it("speaks the seller's language as stored", async () => {
    const dir = tempDir();
    const app = await createApp({ dataDir: dir, shell: 'electron', appVersion: 'test' });
    await call(app, 'settings.update', { language: 'kk' });
    await app.close();
    expect(startupFailure(keychainDown, dir)).toEqual({
      title: 'Kaspi Demper іске қосылмады',
      text: 'Жүйелік кілт қоймасы қолжетімсіз: құпиясөздерді қауіпсіз сақтау мүмкін емес',
    });
  });

  it('falls back to Russian when the settings cannot be read: no database yet, or a damaged one', () => {
    const empty = tempDir();
    expect(startupFailure(keychainDown, empty)).toEqual({
      title: 'Kaspi Demper не запустился',
      text: 'Системное хранилище ключей недоступно: пароли нельзя сохранить безопасно',
    });
    const damaged = tempDir();
    writeFileSync(dataPaths(damaged).database, 'not a database at all');
    expect(startupFailure(keychainDown, damaged).title).toBe('Kaspi Demper не запустился');
    // Reading the language never writes to the seller's file.
    expect(readFileSync(dataPaths(damaged).database, 'utf8')).toBe('not a database at all');
    expect(startupFailure(keychainDown, join(damaged, 'no-such-folder')).title).toBe('Kaspi Demper не запустился');
  });

  it("shows a bug's own text when the error carries no catalogue message", () => {
    expect(startupFailure(new Error('native module did not load'), tempDir()).text).toBe('native module did not load');
  });
});
