import { useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<R> {
  id: string;
  header: ReactNode;
  /** A CSS grid track: "120px", "minmax(200px, 2fr)". */
  width: string;
  cell: (row: R) => ReactNode;
  /** Set on sortable columns: what a header click asks to sort by. */
  sortKey?: string;
  numeric?: boolean;
}

export interface VirtualTableProps<R> {
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R) => string | number;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  rowHeight?: number;
  /** The scroll area's height (CSS). */
  height?: string;
  rowClassName?: (row: R) => string | undefined;
  label: string;
  testId?: string;
  rowTestId?: string;
}

/**
 * A table that renders only the rows in view (plus a few either side), so 10,000 products scroll
 * as lightly as 50. Rows are grid rows of fixed height; the header stays put above the scroller.
 */
export function VirtualTable<R>({ rows, columns, rowKey, sort, onSort, rowHeight = 40, height = '70vh', rowClassName, label, testId, rowTestId }: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => rowKey(rows[index]!),
  });
  // Columns never shrink below their minimum: a narrow window scrolls sideways instead.
  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
  const grid: CSSProperties = { gridTemplateColumns: columns.map((c) => c.width).join(' '), minWidth };
  return (
    <div className="vt" role="table" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId}>
      <div ref={headRef} className="vt-head-wrap">
        <div className="vt-head vt-row" role="row" style={grid}>
          {columns.map((c) => {
            const active = sort && c.sortKey === sort.key;
            return (
              <div key={c.id} role="columnheader" className={c.numeric ? 'vt-cell num' : 'vt-cell'} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.sortKey && onSort ? (
                  <button type="button" className="vt-sort" onClick={() => onSort(c.sortKey!)} data-testid={`sort-${c.id}`}>
                    {c.header}
                    <span aria-hidden="true" className="vt-arrow">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                ) : c.header}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="vt-scroll"
        style={{ height }}
        data-virtual-scroll=""
        // The header sits outside the scroller (so it never scrolls away): it follows sideways scrolling.
        onScroll={(e) => { if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft; }}
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid={rowTestId}
                className={['vt-row', rowClassName?.(row)].filter(Boolean).join(' ')}
                style={{ ...grid, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={c.numeric ? 'vt-cell num' : 'vt-cell'}>{c.cell(row)}</div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
