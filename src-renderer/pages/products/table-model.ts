import type { ProductFlag, ProductSortKey, ProductTableRow } from '../../../src-shared/contract/products';
import { PRODUCT_FLAGS } from '../../../src-shared/contract/products';

/** Quick filters a seller toggles; each narrows the rows further (main filters, in SQLite). */
export const FLAGS = PRODUCT_FLAGS;
export type Flag = ProductFlag;
export type SortKey = ProductSortKey;

export interface TableQuery {
  search: string;
  bot: 'all' | 'on' | 'off';
  flags: readonly Flag[];
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const DEFAULT_QUERY: TableQuery = { search: '', bot: 'all', flags: [], sort: { key: 'title', dir: 'asc' } };

/** The bot cannot price it: rules that do not resolve, or the bot is on without a floor (the row's dot; main's `attention` filter says the same). */
export const needsAttention = (r: ProductTableRow) => r.rulesError !== null || (r.botEnabled && r.floor === null);

/** Clicking a header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: TableQuery['sort'], key: SortKey): TableQuery['sort'] {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}
