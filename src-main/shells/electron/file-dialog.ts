import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { FilePicker } from '../../security/file-picker';

const DIALOGS: Record<Parameters<FilePicker>[0]['purpose'], OpenDialogOptions> = {
  browser: {
    title: 'Браузер для входа в Kaspi (Chrome, Edge или Chromium)',
    properties: ['openFile'],
    ...(process.platform === 'win32' ? { filters: [{ name: 'Программы', extensions: ['exe'] }] } : {}),
  },
  backup: {
    title: 'Резервная копия Kaspi Demper',
    properties: ['openFile'],
    filters: [{ name: 'Копия базы Kaspi Demper', extensions: ['db'] }],
  },
};

/** The native open dialog: the only way a path typed by no one but the seller reaches main. */
export function nativeFilePicker(window: () => BrowserWindow | null): FilePicker {
  return async ({ purpose }) => {
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, DIALOGS[purpose]) : await dialog.showOpenDialog(DIALOGS[purpose]);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
