import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../src-shared/i18n';

// Electron cannot run here: its Tray and Menu are stood in for, keeping what the tray hands them.
const shown = { tooltip: '', menu: [] as Array<{ label?: string; type?: string }> };
class FakeTray extends EventEmitter {
  setToolTip(text: string) { shown.tooltip = text; }
  setContextMenu(menu: Array<{ label?: string; type?: string }>) { shown.menu = menu; }
  setImage() {}
  destroy() {}
}
const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
vi.mock('electron', () => ({
  Tray: FakeTray,
  Menu: { buildFromTemplate: (items: unknown) => items },
  nativeImage: { createFromPath: () => ({}) },
  nativeTheme,
}));
const { createTray } = await import('../../../../src-main/shells/electron/tray');

function trayIn(language: { current: Language }, running = false) {
  return createTray({
    open: () => undefined,
    quit: () => undefined,
    language: () => language.current,
    bot: { isRunning: () => running, toggle: () => undefined },
    updateReady: () => '1.4.0',
    installUpdate: () => undefined,
  }, '/icons');
}

const labels = () => shown.menu.filter((item) => item.label).map((item) => item.label);

describe('the tray menu speaks the seller’s language', () => {
  it('in Kazakh', () => {
    trayIn({ current: 'kk' });
    expect(labels()).toEqual(['Kaspi Demper-ді ашу', 'Демперді іске қосу', '1.4.0 нұсқасына жаңарту үшін қайта іске қосу', 'Шығу']);
    expect(shown.tooltip).toBe('Kaspi Demper — демпер тоқтатылды');
  });

  it('in English, with no Cyrillic left', () => {
    trayIn({ current: 'en' }, true);
    expect(labels()).toEqual(['Open Kaspi Demper', 'Stop the repricer', 'Restart to update to 1.4.0', 'Quit']);
    expect(shown.tooltip).toBe('Kaspi Demper — the repricer is running');
    expect([...labels(), shown.tooltip].join(' ')).not.toMatch(/[А-Яа-яЁё]/);
  });

  it('in Russian by default, and follows a change of the setting on the next refresh', () => {
    const language: { current: Language } = { current: 'ru' };
    const tray = trayIn(language);
    expect(labels()).toEqual(['Открыть Kaspi Demper', 'Запустить демпер', 'Перезапустить для обновления до 1.4.0', 'Выход']);
    language.current = 'en';
    tray.refresh();
    expect(tray.menuLabels()).toEqual(['Open Kaspi Demper', 'Start the repricer', 'Restart to update to 1.4.0', 'Quit']);
  });
});
