import type { App as ElectronApp, Session, WebContents } from 'electron';
import { CSP } from '../../app/content-security-policy';

/**
 * design.md §4: the renderer may not navigate away, open windows, or get any permission, and runs
 * under a strict CSP. Links to kaspi.kz etc. open in the user's browser instead.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

export function hardenContents(contents: WebContents, rendererUrl: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(rendererUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applied to every web contents the app ever creates, not only the main window. */
export function hardenApp(app: ElectronApp, rendererUrl: string, openExternal: (url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, rendererUrl, openExternal));
}
