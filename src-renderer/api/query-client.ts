import { QueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import type { CallName, CallOutput, EventName, EventPayload } from '../../src-shared/contract';
import type { ApiClient } from '../../src-shared/contract/client';
import { applyProductRows } from './product-rows';

/**
 * Which cached calls an event of main makes stale, by call-name prefix: the one place that says
 * "when main tells X, the data of Y is old". A page that reads through useCall is refreshed by
 * these events without listening itself.
 */
export const INVALIDATED_BY: Partial<Record<EventName, readonly string[]>> = {
  'orders.changed': ['orders.', 'analytics.', 'insights.products'],
  'orders.syncStatus': ['orders.syncStatus'],
  'stores.changed': ['stores.', 'orders.', 'analytics.', 'products.', 'overview.', 'insights.', 'whatsapp.stores', 'reviews.'],
  'products.changed': ['products.', 'analytics.', 'journal.', 'overview.', 'demper.insight', 'insights.products'],
  'settings.changed': ['settings.'],
  'proxies.changed': ['proxies.', 'overview.'],
  'backup.changed': ['backup.list'],
  // The per-IP budget on the Proxies page is the demper's setting.
  'demper.settings': ['proxies.settings'],
  'backtest.progress': ['backtest.'],
  'whatsapp.status': ['whatsapp.status', 'whatsapp.qr'],
  'whatsapp.outbox.changed': ['whatsapp.outbox', 'whatsapp.stores'],
  'reviews.changed': ['reviews.'],
  'preorders.changed': ['preorders.', 'demper.status'],
};

/**
 * Events that come many times a second while the demper works: what they make stale is read
 * again at most this often (the page stays true within that time without asking main hundreds
 * of times a minute).
 */
export const INVALIDATED_AT_MOST_EVERY: Partial<Record<EventName, ReadonlyArray<{ prefixes: readonly string[]; ms: number }>>> = {
  'demper.decision': [
    { prefixes: ['journal.'], ms: 1_000 },
    // An open drawer's journal and what the demper learnt (dry-run decisions change no table row).
    { prefixes: ['products.detail', 'demper.insight'], ms: 5_000 },
  ],
  'demper.status': [{ prefixes: ['overview.'], ms: 5_000 }],
  // The overview counts the whole table (SQL aggregates): changed rows recount it every 5 s at most.
  'products.rows': [{ prefixes: ['overview.'], ms: 5_000 }],
};

/** Events that carry a call's whole answer: the cache takes it as is, nobody asks again. */
export const CARRIES: Partial<Record<EventName, CallName>> = {
  'demper.status': 'demper.status',
  'updates.status': 'updates.status',
  'power.changed': 'power.status',
  'settings.changed': 'settings.get',
  'demper.settings': 'demper.settings.get',
};

/** The query key of a call: its name, then its input (react-query hashes it deterministically). */
export const callKey = (name: CallName, input: unknown): readonly unknown[] => [name, input];

const callOf = (query: Query) => (typeof query.queryKey[0] === 'string' ? query.queryKey[0] : '');
export const byPrefix = (prefixes: readonly string[]) => (query: Query) => prefixes.some((p) => callOf(query).startsWith(p));

/** Runs `run` now, or once when `ms` have passed since the last run (later calls in between fold into it). */
export function atMostEvery(ms: number, run: () => void): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) {
      last = Date.now();
      run();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      run();
    }, wait);
  };
}

export function createQueryClient(api: ApiClient): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // Main pushes what changed; a window regaining focus does not need to ask again.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: 1,
      },
    },
  });
  const invalidate = (prefixes: readonly string[]) => void client.invalidateQueries({ predicate: byPrefix(prefixes) });
  for (const [event, prefixes] of Object.entries(INVALIDATED_BY) as [EventName, readonly string[]][]) {
    api.on(event, () => invalidate(prefixes));
  }
  for (const [event, throttled] of Object.entries(INVALIDATED_AT_MOST_EVERY) as [EventName, ReadonlyArray<{ prefixes: readonly string[]; ms: number }>][]) {
    for (const { prefixes, ms } of throttled) api.on(event, atMostEvery(ms, () => invalidate(prefixes)));
  }
  for (const [event, name] of Object.entries(CARRIES) as [EventName, CallName][]) {
    api.on(event, (payload) => client.setQueryData(callKey(name, {}), payload as CallOutput<typeof name>));
  }
  api.on('products.rows', (delta: EventPayload<'products.rows'>) => applyProductRows(client, delta));
  // A finished sync brings new products and prices (stores.changed follows for the store list).
  api.on('stores.syncProgress', ({ finished }) => { if (finished) invalidate(['products.', 'overview.']); });
  return client;
}
