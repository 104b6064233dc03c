import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { settingsRepo, writeStored } from '../../../src-main/db/repos/settings-repo';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { DEFAULT_DEMPER_SETTINGS } from '../../../src-shared/contract/demper';
import { DEFAULT_PROXY_SETTINGS } from '../../../src-shared/domain/proxy';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function storedDatabase() {
  const db = openDatabase(join(tempDir(), 'app.db'));
  const dropped: Array<[string, string[]]> = [];
  return { db, open: () => settingsRepo(db, (key, fields) => dropped.push([key, fields])), dropped };
}

describe('settings, read once through the settings repository', () => {
  it('keep every good field when one stored field is bad: only that one falls back to its default', () => {
    const { db, open, dropped } = storedDatabase();
    writeStored(db, 'app', {
      ...DEFAULT_SETTINGS,
      language: 'fr', // no such language (a hand edit, an older release)
      theme: 'dark',
      kaspi: { ...DEFAULT_SETTINGS.kaspi, idmcUrl: 'http://evil.example', browserPath: '/usr/bin/chromium' },
      notifications: { ...DEFAULT_SETTINGS.notifications, floorReached: 'yes', killSwitch: false },
      updates: { channel: 'beta' },
    });
    writeStored(db, 'demper', { ...DEFAULT_DEMPER_SETTINGS, dryRun: false, pushWindowLimit: 9_999, workingHours: { enabled: true, from: '25:00', to: '20:00' } });
    writeStored(db, 'proxies', { ...DEFAULT_PROXY_SETTINGS, allowDirect: false, offersPerSecond: -3 });

    const settings = open();
    expect(settings.app()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      kaspi: { ...DEFAULT_SETTINGS.kaspi, browserPath: '/usr/bin/chromium' },
      notifications: { ...DEFAULT_SETTINGS.notifications, killSwitch: false },
      updates: { channel: 'beta' },
    });
    expect(settings.demper()).toEqual({ ...DEFAULT_DEMPER_SETTINGS, dryRun: false, workingHours: { enabled: true, from: '09:00', to: '20:00' } });
    expect(settings.proxies()).toEqual({ ...DEFAULT_PROXY_SETTINGS, allowDirect: false });
    expect(dropped).toEqual([
      ['app', ['language', 'kaspi.idmcUrl', 'notifications.floorReached']],
      ['demper', ['pushWindowLimit', 'workingHours.from']],
      ['proxies', ['offersPerSecond']],
    ]);
    db.close();
  });

  it('read a row that is not JSON at all as defaults, and a fresh database as defaults without complaint', () => {
    const { db, open, dropped } = storedDatabase();
    expect(open().app()).toEqual(DEFAULT_SETTINGS);
    expect(dropped).toEqual([]);
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('app', '{\"language\": \"kk\", ')").run();
    writeStored(db, 'demper', 'not an object');
    const settings = open();
    expect(settings.app()).toEqual(DEFAULT_SETTINGS);
    expect(settings.demper()).toEqual(DEFAULT_DEMPER_SETTINGS);
    expect(dropped).toEqual([['demper', ['(all)']]]);
    db.close();
  });

  it('write through to the database, so the next start reads what the seller chose', () => {
    const { db, open } = storedDatabase();
    const first = open();
    first.updateApp({ language: 'en', desktop: { preventSleep: true } });
    first.updateDemper({ dryRun: false });
    first.setDemperRunning(true);
    first.updateProxies({ allowDirect: false });
    expect(() => first.updateApp({ theme: 'neon' as never })).toThrow();
    const next = open();
    expect(next.app()).toMatchObject({ language: 'en', desktop: { preventSleep: true, minimizeToTray: true } });
    expect(next.demper().dryRun).toBe(false);
    expect(next.demperRunning()).toBe(true);
    expect(next.proxies().allowDirect).toBe(false);
    db.close();
  });
});
