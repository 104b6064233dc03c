import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { useE2EBrowser } from './support/e2e-browser';

/**
 * The seller's own Chromium, signed in to the dashboard (it holds the bridge cookie), opens a page
 * another local program serves on another 127.0.0.1 port. That page tries everything a page can:
 * simple cross-origin POSTs, a JSON call, the events socket, and a socket from a sandboxed iframe
 * (Origin: null). Nothing may change, nothing may leak, and the app must keep running.
 */
const browser = useE2EBrowser();
let headless: HeadlessProcess;
let attacker: Server;
let attackerUrl: string;
let dataDir: string;

function attackerPage(bridge: string): string {
  const ws = bridge.replace('http', 'ws');
  return `<!doctype html><html><body><script>
  window.report = { calls: [], socket: 'pending', events: 0, iframe: 'pending' };
  const body = JSON.stringify({ language: 'en' });
  (async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      try { await fetch('${bridge}/api/call/settings.update', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': type }, body }); window.report.calls.push(type + ':sent'); }
      catch (e) { window.report.calls.push(type + ':error'); }
    }
    try {
      const r = await fetch('${bridge}/api/call/settings.update', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-kaspi-demper': '1' }, body });
      window.report.calls.push('json:' + r.status);
    } catch (e) { window.report.calls.push('json:blocked'); }
    const socket = new WebSocket('${ws}/api/events');
    socket.onopen = () => { window.report.socket = 'open'; };
    socket.onmessage = () => { window.report.events++; };
    socket.onerror = () => { if (window.report.socket === 'pending') window.report.socket = 'refused'; };
    const frame = document.createElement('iframe');
    frame.sandbox = 'allow-scripts';
    frame.srcdoc = "<script>const s = new WebSocket('${ws}/api/events'); s.onopen = () => parent.postMessage('open', '*'); s.onerror = () => parent.postMessage('refused', '*');<\\/script>";
    window.addEventListener('message', (m) => { window.report.iframe = m.data; });
    document.body.appendChild(frame);
  })();
  </script></body></html>`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kd-hostile-'));
  headless = await startHeadlessProcess(dataDir);
  attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage(headless.base)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await headless?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const bearer = (name: string, body: object) => headless.call(name, body).then((r) => r.json() as Promise<{ ok: boolean; value: { language: string } }>);

describe('a hostile page on another local port, in the browser that holds the dashboard cookie', () => {
  it('cannot change settings, cannot read events, cannot crash the app', async () => {
    const context = await browser.newContext();
    const dashboard = await context.newPage();
    await dashboard.goto(`${headless.base}/?token=${headless.token}`);
    expect((await context.cookies(headless.base)).map((c) => c.name)).toContain('kd_token');

    const page = await context.newPage();
    await page.goto(attackerUrl);
    await page.waitForFunction(() => {
      const r = (window as unknown as { report: { calls: string[]; socket: string; iframe: string } }).report;
      return r.calls.length === 3 && r.socket !== 'pending' && r.iframe !== 'pending';
    }, undefined, { timeout: 15_000 });
    // Events the hostile socket would receive, if it were open.
    await bearer('settings.update', { theme: 'dark' });
    await page.waitForTimeout(300);
    const report = await page.evaluate(() => (window as unknown as { report: unknown }).report);

    expect(headless.alive(), headless.stderr()).toBe(true);
    expect((await bearer('settings.get', {})).value.language).toBe('ru');
    expect(report).toMatchObject({ calls: ['text/plain:sent', 'application/x-www-form-urlencoded:sent', 'json:blocked'], socket: 'refused', events: 0, iframe: 'refused' });

    // The dashboard itself, in the same browser, still works.
    const own = await dashboard.evaluate(async () => {
      const r = await fetch('/api/call/settings.get', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaspi-demper': '1' }, body: '{}' });
      return r.status;
    });
    expect(own).toBe(200);
  });
});
