import { useEffect, useRef } from 'react';
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
  /** Text that must show whole wraps to a second line instead of being cut. */
  wrap?: boolean;
}

export interface VirtualTableProps<R> {
  /** Every row at hand; or, for a list served a window at a time, `count` and `rowAt`. */
  rows?: readonly R[];
  count?: number;
  /** The row at an index, undefined while its window is loading (a placeholder row shows). */
  rowAt?: (index: number) => R | undefined;
  /** Told which rows are in view (plus overscan), so the page can load their window. */
  onRangeChange?: (start: number, end: number) => void;
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
export function VirtualTable<R>({ rows, count: total, rowAt, onRangeChange, columns, rowKey, sort, onSort, rowHeight = 40, height = '70vh', rowClassName, label, testId, rowTestId }: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const count = total ?? rows?.length ?? 0;
  const at = (index: number): R | undefined => (rowAt ? rowAt(index) : rows?.[index]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => {
      const row = at(index);
      return row === undefined ? `loading-${index}` : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onRangeChange && last >= first) onRangeChange(first, last);
  }, [onRangeChange, first, last]);
  // Columns never shrink below their minimum: a narrow window scrolls sideways instead.
  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
  const grid: CSSProperties = { gridTemplateColumns: columns.map((c) => c.width).join(' '), minWidth };
  return (
    <div className="vt" role="table" aria-label={label} aria-rowcount={count + 1} data-testid={testId}>
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
          {items.map((item) => {
            const row = at(item.index);
            const style = { ...grid, position: 'absolute' as const, top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` };
            if (row === undefined) return <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="vt-row vt-loading" style={style} />;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid={rowTestId}
                className={['vt-row', rowClassName?.(row)].filter(Boolean).join(' ')}
                style={style}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={['vt-cell', c.numeric && 'num', c.wrap && 'wrap'].filter(Boolean).join(' ')}>{c.cell(row)}</div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
