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

/**
 * Whether a URL is one of the renderer's own pages: the same scheme and host, and a path inside
 * the renderer folder once `..` and escapes are resolved. A bare prefix check would also let
 * `…/dist/renderer-evil/` and `…/dist/renderer/../x` through.
 */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const root = new URL(rendererUrl.endsWith('/') ? rendererUrl : `${rendererUrl}/`);
    return target.protocol === root.protocol && target.host === root.host && target.pathname.startsWith(root.pathname);
  } catch {
    return false;
  }
}

export function hardenContents(contents: WebContents, rendererUrl: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isRendererUrl(url, rendererUrl)) event.preventDefault();
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
