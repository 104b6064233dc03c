import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { join } from 'node:path';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { Language, MessageCode, MessageParams } from '../../../src-shared/i18n';
import { trayImageName } from './tray-image';

export interface TrayActions {
  open(): void;
  quit(): void;
  /** The seller's language (Settings): the menu speaks it, read again on every refresh. */
  language: () => Language;
  /** Present once the demper is wired: start/stop from the tray without opening the window. */
  bot?: { isRunning(): boolean; toggle(): void };
  /** The bot is paused by the computer (asleep or offline). */
  paused?: () => boolean;
  /** A downloaded update waiting for "restart to update": its version, else null. */
  updateReady?: () => string | null;
  installUpdate?: () => void;
}

/** The tray icon and menu; `iconDir` holds the images `npm run icons` generates. */
export function createTray(actions: TrayActions, iconDir: string): { refresh(): void; destroy(): void; menuLabels(): string[]; tooltip(): string } {
  const image = () => nativeImage.createFromPath(join(iconDir, trayImageName(process.platform, nativeTheme.shouldUseDarkColors)));
  const tray = new Tray(image());
  let labels: string[] = [];
  let tooltip = '';
  const refresh = () => {
    const language = actions.language();
    const say = (code: MessageCode, params?: MessageParams) => renderMessage(msg(code, params), language);
    const items: Electron.MenuItemConstructorOptions[] = [{ label: say('tray.open'), click: actions.open }];
    tooltip = say('tray.tooltip');
    if (actions.bot) {
      const running = actions.bot.isRunning();
      items.push({ label: say(running ? 'tray.stop' : 'tray.start'), click: () => { actions.bot?.toggle(); refresh(); } });
      tooltip = say(actions.paused?.() ? 'tray.paused' : running ? 'tray.running' : 'tray.stopped');
    }
    const update = actions.updateReady?.();
    if (update && actions.installUpdate) items.push({ type: 'separator' }, { label: say('tray.restart_to_update', { version: update }), click: actions.installUpdate });
    items.push({ type: 'separator' }, { label: say('tray.quit'), click: actions.quit });
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
    tooltip: () => tooltip,
  };
}
