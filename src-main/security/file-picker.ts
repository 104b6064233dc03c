/**
 * The desktop shell's native file dialog, for the files a seller names by hand: the login browser
 * and a backup to restore. The path it returns was picked by the seller, not typed by a caller of
 * the API; null when the dialog was cancelled.
 */
export type FilePicker = (request: { purpose: 'browser' | 'backup' }) => Promise<string | null>;
