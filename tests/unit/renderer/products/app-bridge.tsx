import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createApp } from '../../../../src-main/app/create-app';
import type { App } from '../../../../src-main/app/create-app';
import type { Transport } from '../../../../src-shared/contract/client';
import { seedDatabase } from '../../../integration/rules/seed';

export interface Bridge {
  target: Transport | null;
  calls: Array<{ name: string; input: unknown }>;
}

/**
 * The renderer's api module reads `window.kaspiDemper` when it loads, so a test installs this
 * forwarding transport first (vi.hoisted) and points it at a real app per test.
 */
export function installBridge(): Bridge {
  const bridge: Bridge = { target: null, calls: [] };
  (window as unknown as { kaspiDemper: Transport }).kaspiDemper = {
    invoke: (name, input) => {
      bridge.calls.push({ name, input });
      return bridge.target!.invoke(name, input);
    },
    subscribe: (event, listener) => bridge.target?.subscribe(event, listener) ?? (() => {}),
  };
  return bridge;
}

/** A real app (SQLite file, dispatcher, events) over a seeded data folder, wired to the bridge. */
export async function startSeededApp(bridge: Bridge, dataDir: string, stores: Parameters<typeof seedDatabase>[1]): Promise<{ app: App; ids: Map<string, number> }> {
  const { db, ids } = seedDatabase(dataDir, stores, 'kaspi-demper.db');
  db.close();
  const app = await createApp({ dataDir, shell: 'headless', appVersion: 'test', runLogin: async () => { throw new Error('no login in component tests'); } });
  bridge.target = {
    invoke: (name, input) => app.dispatcher.dispatch(name, input, { shell: 'test' }),
    subscribe: (event, listener) => app.events.subscribe((e, payload) => { if (e === event) listener(payload); }),
  };
  bridge.calls.length = 0;
  return { app, ids };
}

/** jsdom lays nothing out: give the table's scroller a viewport so the virtualiser has rows to show. */
export function giveScrollerAViewport(height = 600): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) { return this.hasAttribute('data-virtual-scroll') ? height : 0; },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) { return this.hasAttribute('data-virtual-scroll') ? 1200 : 0; },
  });
}

/** Renders a page as the app does: its calls cached and refreshed by main's events through the query client. */
export async function renderWithQueries(page: ReactElement) {
  const { api } = await import('../../../../src-renderer/api/client');
  const { createQueryClient } = await import('../../../../src-renderer/api/query-client');
  const client = createQueryClient(api);
  return { client, ...render(<QueryClientProvider client={client}>{page}</QueryClientProvider>) };
}
