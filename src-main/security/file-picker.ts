/**
 * The desktop shell's native file dialog, for the files a seller names by hand: the login browser
 * and a backup to restore. The path it returns was picked by the seller, not typed by a caller of
 * the API; null when the dialog was cancelled.
 */
export type FilePicker = (request: { purpose: 'browser' | 'backup' }) => Promise<string | null>;

/** What headless mode answers when a native dialog is asked for (texts move to the catalogue with issue #14). */
export const NO_DIALOG_MESSAGES = {
  browser: 'Без экрана браузер для входа задаётся при запуске: npm run headless -- --browser /путь/к/chrome',
  backup: (folder: string) => `Без экрана файл копии выбирается так: положите его в папку копий (${folder}) — он появится в списке.`,
} as const;
