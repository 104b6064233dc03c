import { QueryClient } from '@tanstack/react-query';
import type { CallName, EventName } from '../../src-shared/contract';
import type { ApiClient } from '../../src-shared/contract/client';

/**
 * Which cached calls an event of main makes stale, by call-name prefix: the one place that says
 * "when main tells X, the data of Y is old". A page that reads through useCall is refreshed by
 * these events without listening itself.
 */
export const INVALIDATED_BY: Partial<Record<EventName, readonly string[]>> = {
  'orders.changed': ['orders.', 'analytics.'],
  'orders.syncStatus': ['orders.syncStatus'],
  'stores.changed': ['stores.', 'orders.', 'analytics.', 'products.'],
  'products.changed': ['products.', 'analytics.', 'journal.'],
  'settings.changed': ['settings.'],
  'proxies.changed': ['proxies.'],
  'preorders.changed': ['preorders.', 'demper.status'],
};

/** The query key of a call: its name, then its input (react-query hashes it deterministically). */
export const callKey = (name: CallName, input: unknown): readonly unknown[] => [name, input];

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
  for (const [event, prefixes] of Object.entries(INVALIDATED_BY) as [EventName, readonly string[]][]) {
    api.on(event, () => {
      void client.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && prefixes.some((p) => (query.queryKey[0] as string).startsWith(p)) });
    });
  }
  return client;
}
