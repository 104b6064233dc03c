import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  open(): void;
  quit(): void;
  /** Present once the demper is wired: start/stop from the tray without opening the window. */
  bot?: { isRunning(): boolean; toggle(): void };
}

const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAN0lEQVR4nGP8z8Dwn4ECwESJZhYGBgaG////M5KjmZGR8T8TJS4YNWDUgFEDRg0YNWDUAGoZAACBIgQdqYyqDwAAAABJRU5ErkJggg==';

export function createTray(actions: TrayActions): { refresh(): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  tray.setToolTip('Kaspi Demper');
  const refresh = () => {
    const items: Electron.MenuItemConstructorOptions[] = [{ label: 'Открыть Kaspi Demper', click: actions.open }];
    if (actions.bot) {
      const running = actions.bot.isRunning();
      items.push({ label: running ? 'Остановить демпер' : 'Запустить демпер', click: () => { actions.bot?.toggle(); refresh(); } });
      tray.setToolTip(`Kaspi Demper — ${running ? 'демпер работает' : 'демпер остановлен'}`);
    }
    items.push({ type: 'separator' }, { label: 'Выход', click: actions.quit });
    tray.setContextMenu(Menu.buildFromTemplate(items));
  };
  tray.on('click', actions.open);
  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
