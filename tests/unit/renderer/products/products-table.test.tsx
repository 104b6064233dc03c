// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ProductTableRow } from '../../../../src-shared/contract/products';
import { fixtureRows } from './fixture-rows';
import { giveScrollerAViewport } from './app-bridge';

// Nothing here talks to main, but the api client needs a transport when it loads.
await vi.hoisted(async () => (await import('./app-bridge')).installBridge());
const { ProductsTable } = await import('../../../../src-renderer/pages/products/products-table');
const { DEFAULT_QUERY } = await import('../../../../src-renderer/pages/products/table-model');

beforeAll(() => giveScrollerAViewport(600));
afterEach(cleanup);

const noop = async () => null;
function renderTable(rows: ProductTableRow[], props: Partial<Parameters<typeof ProductsTable>[0]> = {}) {
  return render(
    <ProductsTable rows={rows} sort={DEFAULT_QUERY.sort} onSort={() => {}} selected={new Set()} onSelect={() => {}} onSelectAll={() => {}} onOpen={() => {}} onSaveRules={noop} onSetBot={noop} {...props} />,
  );
}

describe('products table', () => {
  it('renders only the rows in view out of 10,000, and others as the seller scrolls', () => {
    const rows = fixtureRows(10_000);
    renderTable(rows);
    const table = screen.getByTestId('products-table');
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const shown = screen.getAllByTestId('product-row');
    // 600 px of 40 px rows plus the overscan either side.
    expect(shown.length).toBeGreaterThanOrEqual(15);
    expect(shown.length).toBeLessThanOrEqual(30);
    expect(screen.getByText(rows[0]!.sku)).toBeTruthy();
    expect(screen.queryByText(rows[5_000]!.sku)).toBeNull();

    const scroller = table.querySelector('[data-virtual-scroll]') as HTMLElement;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 5_000 * 40 });
    act(() => { fireEvent.scroll(scroller); });
    expect(screen.getByText(rows[5_000]!.sku)).toBeTruthy();
    expect(screen.queryByText(rows[0]!.sku)).toBeNull();
    expect(screen.getAllByTestId('product-row').length).toBeLessThanOrEqual(32);
  });

  it('asks to sort by the clicked column and marks the sorted header', () => {
    const onSort = vi.fn();
    renderTable(fixtureRows(50), { sort: { key: 'ourPrice', dir: 'desc' }, onSort });
    const header = screen.getByTestId('sort-ourPrice').closest('[role=columnheader]')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-floor'));
    expect(onSort).toHaveBeenCalledWith('floor');
  });

  it('shows rows in the order main gives, prices in tenge the Kazakh way', () => {
    const rows = fixtureRows(200).filter((r) => r.marketAt !== null && r.rivalsCount === 0).reverse();
    renderTable(rows);
    const first = screen.getAllByTestId('product-row')[0]!;
    expect(within(first).getByText(rows[0]!.sku)).toBeTruthy();
    expect(within(first).getAllByText('нет конкурентов')).toHaveLength(1);
    const price = rows[0]!.ourPrice!;
    const formatted = `${String(price).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F')}\u00A0₸`;
    expect(first.textContent).toContain(formatted);
  });
});
