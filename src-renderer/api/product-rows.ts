import type { QueryClient } from '@tanstack/react-query';
import type { CallOutput, EventPayload } from '../../src-shared/contract';

type Page = CallOutput<'products.page'>;
const pageCache = new WeakMap<QueryClient, ReturnType<typeof follower>>();

/** The calls a product's drawer reads: made stale when that product's row changes. */
const DRAWER_CALLS = new Set(['products.detail', 'demper.insight']);

function follower(client: QueryClient) {
  let due: { ids: Set<number>; timer: ReturnType<typeof setTimeout> } | null = null;
  /**
   * Once a second at most: the windows read again (a changed price can move a row in a sorted or
   * filtered table), and the drawers of changed products and the journal (the overview's counts,
   * every 5 s: query-client.ts).
   */
  const readAgainSoon = (ids: readonly number[] | null) => {
    if (!due) due = { ids: new Set(), timer: setTimeout(readAgain, 1_000) };
    for (const id of ids ?? [-1]) due.ids.add(id);
  };
  const readAgain = () => {
    const ids = due?.ids ?? new Set<number>();
    due = null;
    const everyProduct = ids.has(-1);
    void client.invalidateQueries({
      predicate: ({ queryKey: [name, input] }) =>
        name === 'products.page' || name === 'products.ids' || name === 'journal.list' ||
        (DRAWER_CALLS.has(name as string) && (everyProduct || ids.has((input as { productId?: number }).productId ?? -1))),
    });
  };
  return (delta: EventPayload<'products.rows'>) => {
    if (delta.ids === null) {
      readAgainSoon(null);
      return;
    }
    // The rows main sent are shown at once, in place, in every window that holds them.
    const fresh = new Map(delta.rows.map((row) => [row.id, row]));
    for (const query of client.getQueryCache().findAll({ queryKey: ['products.page'] })) {
      const page = query.state.data as Page | undefined;
      if (!page?.rows.some((row) => fresh.has(row.id))) continue;
      client.setQueryData<Page>(query.queryKey, { ...page, rows: page.rows.map((row) => fresh.get(row.id) ?? row) });
    }
    readAgainSoon(delta.ids);
  };
}

/** Applies main's `products.rows` delta to the cached table windows and drawers. */
export function applyProductRows(client: QueryClient, delta: EventPayload<'products.rows'>): void {
  let follow = pageCache.get(client);
  if (!follow) {
    follow = follower(client);
    pageCache.set(client, follow);
  }
  follow(delta);
}
