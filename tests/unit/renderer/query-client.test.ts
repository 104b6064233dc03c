import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src-shared/contract/client';
import { callKey, createQueryClient } from '../../../src-renderer/api/query-client';

/** An api whose events the test sends by hand. */
function fakeApi() {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const api = {
    call: async () => { throw new Error('not called'); },
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  } as unknown as ApiClient;
  return { api, emit: (event: string, payload: unknown = {}) => listeners.get(event)?.forEach((l) => l(payload)) };
}

describe('cached calls and main’s events', () => {
  it('makes the calls an event names stale, and leaves the others fresh', () => {
    const { api, emit } = fakeApi();
    const client = createQueryClient(api);
    const list = callKey('orders.list', { filter: { tab: 'all' } });
    const overview = callKey('analytics.overview', { scope: { from: '2026-01-01', to: '2026-01-07' } });
    const proxies = callKey('proxies.list', {});
    for (const key of [list, overview, proxies]) client.setQueryData(key, { cached: true });
    const stale = () => [list, overview, proxies].map((key) => client.getQueryState(key)?.isInvalidated);
    expect(stale()).toEqual([false, false, false]);
    emit('orders.changed');
    expect(stale()).toEqual([true, true, false]);
    emit('proxies.changed');
    expect(stale()).toEqual([true, true, true]);
  });

  it('takes the demper settings main announces as they are, and marks the Proxies page’s budget (the same setting) stale', () => {
    const { api, emit } = fakeApi();
    const client = createQueryClient(api);
    const proxySettings = callKey('proxies.settings.get', {});
    const backups = callKey('backup.list', {});
    client.setQueryData(proxySettings, { offersPerSecond: 2 });
    client.setQueryData(backups, []);
    emit('demper.settings', { offersPerSecondPerIp: 3, dryRun: false });
    expect(client.getQueryData(callKey('demper.settings.get', {}))).toEqual({ offersPerSecondPerIp: 3, dryRun: false });
    expect(client.getQueryState(proxySettings)?.isInvalidated).toBe(true);
    expect(client.getQueryState(backups)?.isInvalidated).toBe(false);
    emit('backup.changed');
    expect(client.getQueryState(backups)?.isInvalidated).toBe(true);
  });
});
