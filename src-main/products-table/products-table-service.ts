import type { Database } from 'better-sqlite3';
import type { ProductTableRow, ProductsQuery, ProductsSort } from '../../src-shared/contract/products';
import { productsQuery } from '../../src-shared/contract/products';
import type { EventBus } from '../app/event-bus';
import { productsTableRepo, RECORD_COLUMNS } from '../db/repos/products-table-repo';
import type { TableRecord, TableSource, TableSummary } from '../db/repos/products-table-repo';
import type { Logger } from '../logging/logger';
import { describeErrors, parseDefaults, parseStored, resolveProduct } from '../rules/resolve';
import { searchText, sortKey } from './sort-key';

export interface ProductsTableDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  /** How often rows marked out of date are looked for (their changes reach open pages this fast). */
  checkEveryMs?: number;
}

/**
 * Rows rewritten per step (about half a millisecond each on a shared laptop core, several times
 * that on a busy one): a step stays well under the 50 ms a seller would feel, so the event loop
 * is never held long (main_blocked_max_ms in `npm run bench`).
 */
const STEP_ROWS = 25;
/** A read brings at most this many rows up to date itself, in one step (the rest are the background's, which pushes them as deltas). */
const READ_ROWS = STEP_ROWS;
/** A delta carries the changed rows up to this many; beyond, pages are told to read the table again. */
const DELTA_ROWS = 300;

const sameRecord = (a: TableRecord, b: TableRecord): boolean => RECORD_COLUMNS.every((column) => a[column] === b[column]);

/** A row computed from its sources; rules are resolved again only when the rules they come from changed. */
function computeRecord(source: TableSource, previous: TableRecord | undefined): TableRecord {
  const resolvedFrom = `${source.default_rules_json}\u0000${source.rules_json}`;
  let rules: Pick<TableRecord, 'floor' | 'ceiling' | 'strategy' | 'rules_error_json'>;
  if (previous?.resolved_from === resolvedFrom) {
    const { floor, ceiling, strategy, rules_error_json } = previous;
    rules = { floor, ceiling, strategy, rules_error_json };
  } else {
    const resolved = resolveProduct(parseDefaults(source.default_rules_json), parseStored(source.rules_json));
    const error = describeErrors(resolved.errors);
    rules = { floor: resolved.floor, ceiling: resolved.ceiling, strategy: resolved.strategy, rules_error_json: error === null ? null : JSON.stringify(error) };
  }
  const sameText = previous?.title === source.title && previous.sku === source.sku && previous.master_sku === source.master_sku;
  const looked = source.market_city_id !== null;
  return {
    product_id: source.id,
    store_id: source.store_id,
    listed: source.listed,
    title: source.title,
    sku: source.sku,
    master_sku: source.master_sku,
    title_key: sameText ? previous.title_key : sortKey(source.title),
    sku_key: sameText ? previous.sku_key : sortKey(source.sku),
    search_text: sameText ? previous.search_text : searchText(source.title, source.sku, source.master_sku),
    bot_enabled: source.bot_enabled,
    active: source.active,
    city_id: source.market_city_id ?? source.price_city_id,
    city_price: source.city_price,
    our_price: ourPrice(source),
    best_rival_price: looked ? source.best_rival_price : null,
    best_rival_name: looked ? source.best_rival_name : null,
    position: source.our_position,
    rivals_count: source.rivals_count ?? 0,
    market_at: source.taken_at,
    ...rules,
    resolved_from: resolvedFrom,
    last_change_at: source.last_change_at,
  };
}

/**
 * Our price as the newest word on it says: the storefront's look, the cabinet's price (a sync, a
 * verified push) or a change just pushed to Kaspi, whichever came last — so a pushed price shows
 * at once, before the storefront shows it. Where the storefront does not list us (or was never
 * looked at), the price the cabinet holds.
 */
function ourPrice(source: TableSource): number | null {
  const sameCity = source.market_city_id === null || source.market_city_id === source.price_city_id;
  const said: Array<{ at: string; price: number }> = [];
  if (source.our_price !== null && source.taken_at !== null) said.push({ at: source.taken_at, price: source.our_price });
  if (source.pushed_price !== null && source.pushed_at !== null) said.push({ at: source.pushed_at, price: source.pushed_price });
  if (source.city_price !== null && sameCity && (said.length === 0 || source.city_price_at !== null)) said.push({ at: source.city_price_at ?? '', price: source.city_price });
  if (said.length === 0) return source.city_price;
  // ISO times compare as text; a tie keeps the storefront's look (listed first).
  return said.reduce((newest, word) => (word.at > newest.at ? word : newest)).price;
}

/**
 * The products table as main serves it. Rows live in SQLite (`product_table_rows`), sorted and
 * filtered there a window at a time; triggers mark a row out of date whenever anything it shows
 * is written (a synced offer, rules, a snapshot, a pushed change), and this service rewrites those
 * rows — in small steps in the background, and before any read — then pushes the rows that
 * really changed to open pages (`products.rows`), so a price the demper pushed shows within a
 * second, with no page reading the whole table.
 */
export function createProductsTable({ db, events, logger, checkEveryMs = 250 }: ProductsTableDeps) {
  const repo = productsTableRepo(db);
  const log = logger.child('products-table');

  /** Rewrites up to `limit` rows that are out of date; returns the ids whose row changed. */
  function refresh(limit: number): number[] {
    const ids = repo.dirtyIds(limit);
    if (ids.length === 0) return [];
    const previous = new Map(repo.stored(ids).map((r) => [r.product_id, r]));
    const found = new Set<number>();
    const changed: number[] = [];
    const records: TableRecord[] = [];
    for (const source of repo.sources(ids)) {
      found.add(source.id);
      const before = previous.get(source.id);
      const record = computeRecord(source, before);
      if (before && sameRecord(before, record)) continue;
      records.push(record);
      changed.push(source.id);
    }
    const gone = ids.filter((id) => !found.has(id) && previous.has(id));
    repo.save(records, gone, ids);
    return [...changed, ...gone];
  }

  function announce(changed: readonly number[]): void {
    if (changed.length === 0) return;
    const unique = [...new Set(changed)];
    if (unique.length > DELTA_ROWS) events.emit('products.rows', { ids: null, rows: [] });
    else events.emit('products.rows', { ids: unique, rows: repo.rows(unique) });
  }

  /** Brings up to `limit` rows up to date now, in steps, and tells open pages. */
  function catchUp(limit: number): void {
    const changed: number[] = [];
    for (let done = 0; done < limit; done += STEP_ROWS) {
      const step = refresh(Math.min(STEP_ROWS, limit - done));
      changed.push(...step);
      if (!repo.hasDirty()) break;
    }
    announce(changed);
  }

  // The background: a look every checkEveryMs; when rows are out of date, a step per turn of the
  // event loop until none is left (a synced catalogue of 20,000 is rewritten in ~800 short steps).
  let timeout: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let stopped = true;
  let pending: number[] = [];
  let pendingSince = 0;
  const schedule = (soon: boolean) => {
    if (stopped) return;
    if (soon) {
      immediate = setImmediate(background);
    } else {
      timeout = setTimeout(background, checkEveryMs);
      timeout.unref();
    }
  };
  function background(): void {
    timeout = immediate = null;
    try {
      const step = refresh(STEP_ROWS);
      if (pending.length === 0) pendingSince = performance.now();
      pending.push(...step);
      const more = repo.hasDirty();
      // A long rewrite tells pages now and then, not only at its end.
      if (!more || performance.now() - pendingSince > 1_000) {
        announce(pending);
        pending = [];
      }
      schedule(more);
    } catch (error) {
      log.error('products table not brought up to date', { error });
      schedule(false);
    }
  }

  const filterOf = (query: ProductsQuery) => productsQuery.parse(query);

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(true);
    },
    stop(): void {
      stopped = true;
      if (timeout) clearTimeout(timeout);
      if (immediate) clearImmediate(immediate);
      timeout = immediate = null;
    },
    /** Every row out of date rewritten now (tests, and whoever must read the table exact). */
    catchUpAll(): void {
      while (repo.hasDirty()) catchUp(Number.MAX_SAFE_INTEGER);
    },
    page(query: ProductsQuery, sort: ProductsSort, offset: number, limit: number): { total: number; rows: ProductTableRow[] } {
      catchUp(READ_ROWS);
      return repo.window(filterOf(query), sort, offset, limit);
    },
    ids(query: ProductsQuery, sort: ProductsSort): number[] {
      catchUp(READ_ROWS);
      return repo.ids(filterOf(query), sort);
    },
    titles: (ids: readonly number[]) => repo.titles(ids),
    summary(): TableSummary {
      catchUp(READ_ROWS);
      return repo.summary();
    },
  };
}

export type ProductsTable = ReturnType<typeof createProductsTable>;
