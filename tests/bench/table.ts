import { pathToFileURL } from 'node:url';
import { filterAndSort } from '../../src-renderer/pages/products/table-model';
import type { TableQuery } from '../../src-renderer/pages/products/table-model';
import { fixtureRows } from '../unit/renderer/products/fixture-rows';

/** What a seller does with the table: search, a filter or two, a sort by some column. */
const QUERIES: TableQuery[] = [
  { search: '', bot: 'all', flags: [], sort: { key: 'title', dir: 'asc' } },
  { search: 'чайник', bot: 'all', flags: [], sort: { key: 'ourPrice', dir: 'desc' } },
  { search: '', bot: 'on', flags: ['firstLost'], sort: { key: 'position', dir: 'asc' } },
  { search: '', bot: 'all', flags: ['attention'], sort: { key: 'sku', dir: 'asc' } },
  { search: 'sam', bot: 'off', flags: ['noRivals'], sort: { key: 'lastChangeAt', dir: 'desc' } },
  { search: '', bot: 'all', flags: [], sort: { key: 'strategy', dir: 'asc' } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median time of one filter + sort pass over 10,000 rows in the products table's data layer. */
export default async function bench(): Promise<Record<string, unknown>> {
  // Cold: the first sort by a text column after the rows arrive (ranks the rows once).
  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const fresh = fixtureRows(10_000, 100 + i);
    const started = performance.now();
    filterAndSort(fresh, QUERIES[0]!);
    cold.push(performance.now() - started);
  }
  const rows = fixtureRows(10_000);
  for (let i = 0; i < 5; i++) for (const q of QUERIES) filterAndSort(rows, q); // warm-up: JIT and the collator
  const times: number[] = [];
  const byQuery: number[][] = QUERIES.map(() => []);
  for (let round = 0; round < 15; round++) {
    QUERIES.forEach((q, i) => {
      const started = performance.now();
      filterAndSort(rows, q);
      const ms = performance.now() - started;
      times.push(ms);
      byQuery[i]!.push(ms);
    });
  }
  const fullSortByTitle = median(byQuery[0]!);
  return {
    table_filter_sort_ms: Number(median(times).toFixed(2)),
    table_full_title_sort_ms: Number(fullSortByTitle.toFixed(2)),
    table_first_title_sort_after_load_ms: Number(median(cold).toFixed(2)),
    table_filter_sort_max_ms: Number(Math.max(...times).toFixed(2)),
    table_rows: rows.length,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await bench()));
