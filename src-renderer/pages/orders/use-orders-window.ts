import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { OrderRow, OrdersFilter, OrdersSort } from '../../../src-shared/contract/orders';
import { api } from '../../api/client';
import { callKey } from '../../api/query-client';

/** Rows are fetched in pages of this many: a screen is about 20, scrolling asks for the next page early. */
export const PAGE = 200;

/**
 * The orders list as main serves it: a count and windows of rows. Only the pages in view are asked
 * for (each a cached `orders.list` call keyed by filter, sort and offset), so 100,000 orders cost
 * what a screenful costs; main's `orders.changed` makes the cached pages stale.
 */
export function useOrdersWindow(filter: OrdersFilter, sort: OrdersSort) {
  const [wanted, setWanted] = useState<readonly number[]>([0]);
  const key = JSON.stringify([filter, sort]);
  const [forKey, setForKey] = useState(key);
  // A new filter or sort starts from the top again.
  const pages = forKey === key ? wanted : [0];
  if (forKey !== key) {
    setForKey(key);
    setWanted([0]);
  }
  const results = useQueries({
    queries: pages.map((page) => {
      const input = { filter, sort, offset: page * PAGE, limit: PAGE };
      return { queryKey: callKey('orders.list', input), queryFn: () => api.call('orders.list', input), placeholderData: page === 0 ? keepPreviousData : undefined };
    }),
  });
  const total = results.find((r) => r.data)?.data?.total ?? null;
  const rowsByPage = useMemo(() => new Map(pages.map((page, i) => [page, results[i]?.data?.rows])), [pages, results]);
  const rowAt = useCallback((index: number): OrderRow | undefined => rowsByPage.get(Math.floor(index / PAGE))?.[index % PAGE], [rowsByPage]);
  const onRangeChange = useCallback((start: number, end: number) => {
    const needed: number[] = [];
    for (let page = Math.floor(start / PAGE); page <= Math.floor(end / PAGE); page++) needed.push(page);
    setWanted((current) => (needed.every((p) => current.includes(p)) && current.length <= 6 ? current : [...new Set([0, ...needed])]));
  }, []);
  const error = results.find((r) => r.error)?.error ?? null;
  return { total, rowAt, onRangeChange, loading: results[0]?.isPending ?? true, error };
}
