import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenContents, hardenSession } from '../../../../src-main/shells/electron/security';

const rendererUrl = 'file:///opt/kaspi-demper/dist/renderer';

// A stand-in for WebContents that records its listeners: the Electron binary cannot run here.
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => { openHandler = fn; },
  } as unknown as WebContents;
  const fire = (name: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(name)!({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('electron security', () => {
  it('blocks navigation away from the renderer but allows its own pages', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents, rendererUrl, vi.fn());
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', `${rendererUrl}/index.html#/stores`)).toBe(false);
    // Exact: the renderer folder itself, not a sibling whose name starts the same, nor a way out of it.
    expect(fire('will-navigate', `${rendererUrl}-evil/index.html`)).toBe(true);
    expect(fire('will-navigate', `${rendererUrl}/../../../home/seller/Downloads/evil.html`)).toBe(true);
    expect(fire('will-redirect', `${rendererUrl}%2Fx/../../evil.html`)).toBe(true);
    expect(fire('will-navigate', 'file://other-host/opt/kaspi-demper/dist/renderer/index.html')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies new windows and opens https links in the system browser instead', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenContents(contents, rendererUrl, openExternal);
    expect(open('https://kaspi.kz/shop/p/-123/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://kaspi.kz/shop/p/-123/');
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and adds the CSP to every response', () => {
    let permission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof permission) => { permission = fn; },
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: (fn: typeof headers) => { headers = fn; } },
    } as unknown as Session;
    hardenSession(session);
    const callback = vi.fn();
    permission!(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const done = vi.fn();
    headers!({ responseHeaders: {} }, done);
    expect(done.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });
});
