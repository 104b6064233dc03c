import { useCallback, useMemo, useState } from 'react';
import type { ProductTableRow, ProductsQuery, ProductsSort } from '../../../src-shared/contract/products';
import { useCall, useCalls } from '../../api/use-call';

/** Rows per window asked of main: a screen or two of rows, a few milliseconds of SQLite. */
export const WINDOW_ROWS = 100;

export interface ProductWindows {
  /** Rows the filter matches; undefined until main first answers. */
  total: number | undefined;
  /** Products in the store (or all stores) before filtering. */
  all: number | undefined;
  /** The row at a position in the sorted, filtered table, undefined while its window loads. */
  rowAt: (index: number) => ProductTableRow | undefined;
  /** The rows loaded now (the windows in view). */
  loaded: readonly ProductTableRow[];
  /** Tell which rows are in view, so their windows are read. */
  onRangeChange: (start: number, end: number) => void;
  error: Error | null;
}

/**
 * The products table as windows main serves (`products.page`): only the windows in view are read,
 * each cached by its query, sort and offset, patched in place by main's row deltas and read again
 * when they go stale (query-client.ts, product-rows.ts).
 */
export function useProductWindows(query: ProductsQuery, sort: ProductsSort): ProductWindows {
  const [range, setRange] = useState({ start: 0, end: 0 });
  const first = Math.floor(range.start / WINDOW_ROWS);
  const last = Math.max(first, Math.floor(range.end / WINDOW_ROWS));
  const inputs = useMemo(
    () => Array.from({ length: last - first + 1 }, (_, i) => ({ query, sort, offset: (first + i) * WINDOW_ROWS, limit: WINDOW_ROWS })),
    [query, sort, first, last],
  );
  // The first window always: it says how many rows match, and shows at once when the filter changes.
  const head = useCall('products.page', { query, sort, offset: 0, limit: WINDOW_ROWS }, { keepPrevious: true });
  const windows = useCalls('products.page', inputs, { keepPrevious: true });
  const unfiltered = useCall('products.page', { query: { storeId: query.storeId }, offset: 0, limit: 1 }, { keepPrevious: true });

  const rowAt = (index: number): ProductTableRow | undefined => {
    const inWindow = Math.floor(index / WINDOW_ROWS);
    const page = inWindow === 0 && head.data ? head.data : windows[inWindow - first]?.data;
    return page?.rows[index - inWindow * WINDOW_ROWS];
  };
  const loaded = [...(head.data?.rows ?? []), ...windows.flatMap((w, i) => (first + i === 0 ? [] : w.data?.rows ?? []))];
  const onRangeChange = useCallback((start: number, end: number) => {
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, []);
  return {
    total: head.data?.total,
    all: unfiltered.data?.total,
    rowAt,
    loaded,
    onRangeChange,
    error: head.error ?? windows.find((w) => w.error)?.error ?? null,
  };
}
