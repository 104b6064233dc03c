import type { ProductTableRow } from '../../../src-shared/contract/products';

/** Quick filters a seller toggles; each narrows the rows further. */
export const FLAGS = ['firstLost', 'atFloor', 'noRivals', 'attention'] as const;
export type Flag = (typeof FLAGS)[number];

export const SORT_KEYS = ['title', 'sku', 'ourPrice', 'bestRivalPrice', 'position', 'floor', 'ceiling', 'strategy', 'botEnabled', 'lastChangeAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableQuery {
  search: string;
  bot: 'all' | 'on' | 'off';
  flags: readonly Flag[];
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const DEFAULT_QUERY: TableQuery = { search: '', bot: 'all', flags: [], sort: { key: 'title', dir: 'asc' } };

/** We are on sale and someone is cheaper (a tie lost counts too). */
export const lostFirstPlace = (r: ProductTableRow) => r.position !== null && r.position > 1;
export const atFloor = (r: ProductTableRow) => r.ourPrice !== null && r.floor !== null && r.ourPrice <= r.floor;
export const noRivals = (r: ProductTableRow) => r.marketAt !== null && r.rivalsCount === 0;
/** The bot cannot price it: rules that do not resolve, or the bot is on without a floor. */
export const needsAttention = (r: ProductTableRow) => r.rulesError !== null || (r.botEnabled && r.floor === null);

const FLAG_TEST: Record<Flag, (r: ProductTableRow) => boolean> = { firstLost: lostFirstPlace, atFloor, noRivals, attention: needsAttention };

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

type Value = string | number | null;
const valueOf: Record<SortKey, (r: ProductTableRow) => Value> = {
  title: (r) => r.title,
  sku: (r) => r.sku,
  ourPrice: (r) => r.ourPrice,
  bestRivalPrice: (r) => r.bestRivalPrice,
  position: (r) => r.position,
  floor: (r) => r.floor,
  ceiling: (r) => r.ceiling,
  strategy: (r) => r.strategy,
  botEnabled: (r) => (r.botEnabled ? 1 : 0),
  lastChangeAt: (r) => r.lastChangeAt,
};
const TEXT_KEYS: ReadonlySet<SortKey> = new Set(['title', 'sku', 'strategy']);

/**
 * Locale-aware comparison is the slow part of a sort, so each loaded row set is ranked once per
 * text column; later sorts and re-filters of the same rows compare integers.
 */
const rankCache = new WeakMap<readonly ProductTableRow[], Map<SortKey, Map<ProductTableRow, number>>>();
function ranksFor(all: readonly ProductTableRow[], key: SortKey): Map<ProductTableRow, number> {
  let byKey = rankCache.get(all);
  if (!byKey) { byKey = new Map(); rankCache.set(all, byKey); }
  let ranks = byKey.get(key);
  if (!ranks) {
    const get = valueOf[key];
    const keyed = all.filter((r) => get(r) !== null).map((r) => ({ r, text: String(get(r)), cheap: String(get(r)).toLowerCase() }));
    // A cheap code-point pre-sort leaves the collator an almost sorted list, which TimSort finishes in about n compares.
    keyed.sort((a, b) => (a.cheap < b.cheap ? -1 : a.cheap > b.cheap ? 1 : 0));
    keyed.sort((a, b) => collator.compare(a.text, b.text));
    const sorted = keyed.map((k) => k.r);
    ranks = new Map();
    let rank = 0;
    sorted.forEach((r, i) => {
      if (i > 0 && collator.compare(String(get(sorted[i - 1]!)), String(get(r))) !== 0) rank++;
      ranks!.set(r, rank);
    });
    byKey.set(key, ranks);
  }
  return ranks;
}

/**
 * The table's data layer: search, filters, then a stable sort with empty values last in either
 * direction (a product without a rival is not "cheapest"). Pure, so it is tested and benchmarked alone.
 */
export function filterAndSort(rows: readonly ProductTableRow[], query: TableQuery): ProductTableRow[] {
  const needle = query.search.trim().toLowerCase();
  const tests = query.flags.map((f) => FLAG_TEST[f]);
  const out: ProductTableRow[] = [];
  for (const r of rows) {
    if (query.bot === 'on' && !r.botEnabled) continue;
    if (query.bot === 'off' && r.botEnabled) continue;
    if (needle && !r.title.toLowerCase().includes(needle) && !r.sku.toLowerCase().includes(needle) && !(r.masterSku ?? '').includes(needle)) continue;
    if (tests.length > 0 && !tests.every((t) => t(r))) continue;
    out.push(r);
  }
  const { key, dir } = query.sort;
  const sign = dir === 'asc' ? 1 : -1;
  const ranks = TEXT_KEYS.has(key) ? ranksFor(rows, key) : null;
  const get = ranks ? (r: ProductTableRow) => ranks.get(r) ?? null : valueOf[key];
  // Decorate once: comparing pre-read numbers keeps a 10,000-row sort well under a frame budget.
  const keyed = out.map((row, index) => ({ row, index, key: get(row) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    const c = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return c !== 0 ? c * sign : a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** Clicking a header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: TableQuery['sort'], key: SortKey): TableQuery['sort'] {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}
