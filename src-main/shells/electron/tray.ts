import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { join } from 'node:path';
import { DESKTOP_TEXTS as T } from '../../app/desktop-texts';
import { trayImageName } from './tray-image';

export interface TrayActions {
  open(): void;
  quit(): void;
  /** Present once the demper is wired: start/stop from the tray without opening the window. */
  bot?: { isRunning(): boolean; toggle(): void };
  /** The bot is paused by the computer (asleep or offline). */
  paused?: () => boolean;
  /** A downloaded update waiting for "restart to update": its version, else null. */
  updateReady?: () => string | null;
  installUpdate?: () => void;
}

/** The tray icon and menu; `iconDir` holds the images `npm run icons` generates. */
export function createTray(actions: TrayActions, iconDir: string): { refresh(): void; destroy(): void; menuLabels(): string[] } {
  const image = () => nativeImage.createFromPath(join(iconDir, trayImageName(process.platform, nativeTheme.shouldUseDarkColors)));
  const tray = new Tray(image());
  let labels: string[] = [];
  const refresh = () => {
    const items: Electron.MenuItemConstructorOptions[] = [{ label: T.trayOpen, click: actions.open }];
    let tooltip: string = T.trayTooltip;
    if (actions.bot) {
      const running = actions.bot.isRunning();
      items.push({ label: running ? T.trayStop : T.trayStart, click: () => { actions.bot?.toggle(); refresh(); } });
      tooltip = actions.paused?.() ? T.trayPausedAsleep : running ? T.trayRunning : T.trayStopped;
    }
    const update = actions.updateReady?.();
    if (update && actions.installUpdate) items.push({ type: 'separator' }, { label: T.trayRestartToUpdate(update), click: actions.installUpdate });
    items.push({ type: 'separator' }, { label: T.trayQuit, click: actions.quit });
    tray.setToolTip(tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(items));
    labels = items.filter((item) => item.label).map((item) => item.label!);
  };
  const onTheme = () => tray.setImage(image());
  nativeTheme.on('updated', onTheme);
  tray.on('click', actions.open);
  refresh();
  return {
    refresh,
    destroy: () => {
      nativeTheme.off('updated', onTheme);
      tray.destroy();
    },
    /** What the menu shows now (the smoke test reads it through the main process). */
    menuLabels: () => labels,
  };
}
