import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { FilePicker } from '../../security/file-picker';
import { FALLBACK_LANGUAGE, msg, renderMessage } from '../../../src-shared/i18n';
import type { Language, MessageCode } from '../../../src-shared/i18n';

/** The dialog's words in the seller's language. */
function dialogOptions(purpose: Parameters<FilePicker>[0]['purpose'], language: Language): OpenDialogOptions {
  const say = (code: MessageCode) => renderMessage(msg(code), language);
  if (purpose === 'browser') {
    return {
      title: say('dialog.browser_title'),
      properties: ['openFile'],
      ...(process.platform === 'win32' ? { filters: [{ name: say('dialog.programs'), extensions: ['exe'] }] } : {}),
    };
  }
  return { title: say('dialog.backup_title'), properties: ['openFile'], filters: [{ name: say('dialog.backup_filter'), extensions: ['db'] }] };
}

/** The native open dialog: the only way a path typed by no one but the seller reaches main. */
export function nativeFilePicker(window: () => BrowserWindow | null, language: () => Language = () => FALLBACK_LANGUAGE): FilePicker {
  return async ({ purpose }) => {
    const parent = window();
    const options = dialogOptions(purpose, language());
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
