import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { OrderOutcome } from '../../../src-shared/domain/order';
import type { OrderRow, OrdersFilter, OrdersSort, OrderTab } from '../../../src-shared/contract/orders';
import { ORDER_TABS } from '../../../src-shared/contract/orders';
import { api } from '../../api/client';
import { useCall } from '../../api/use-call';
import { VirtualTable } from '../../components/virtual-table';
import type { Column } from '../../components/virtual-table';
import { translateError } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { kzDateTime, kzTime, tenge } from './format';
import { downloadText } from '../../components/download';
import { OrderDrawer } from './order-drawer';
import { SyncPanel } from './sync-panel';
import { useOrdersWindow } from './use-orders-window';

const OUTCOMES: readonly OrderOutcome[] = ['completed', 'cancelled', 'returned'];
/** "All" first, then the cabinet's own order. */
const TABS: readonly OrderTab[] = ['all', ...ORDER_TABS.filter((tab) => tab !== 'all')];
/** Kaspi's status words (§7b), to filter by. */
const STATUSES = ['APPROVED_BY_BANK', 'ACCEPTED_BY_MERCHANT', 'COMPLETED', 'CANCELLED', 'CANCELLING', 'KASPI_DELIVERY_RETURN_REQUESTED', 'RETURNED'];

interface Filters {
  tab: OrderTab;
  outcome?: OrderOutcome;
  storeId?: number;
  cityId?: string;
  status?: string;
  from?: string;
  to?: string;
  product?: { id: number; name: string };
  search: string;
}

/** Every order of every store, in the cabinet's tabs, served by main a window at a time. */
export function OrdersPage() {
  const t = useT();
  const language = useLanguage();
  const [filters, setFilters] = useState<Filters>({ tab: 'all', search: '' });
  const [sort, setSort] = useState<OrdersSort>({ key: 'created', dir: 'desc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [productSearch, setProductSearch] = useState('');
  const [toast, setToast] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const search = useDeferredValue(filters.search);

  const stores = useCall('stores.list', {});
  const statuses = useCall('orders.syncStatus', {});
  const storeName = useCallback((id: number) => stores.data?.find((s) => s.id === id)?.name ?? String(id), [stores.data]);
  const cities = useMemo(() => [...new Map((stores.data ?? []).flatMap((s) => s.cities.map((c) => [c.id, c.name] as const))).entries()], [stores.data]);
  const products = useCall('products.list', { search: productSearch, limit: 8 }, { enabled: productSearch.trim().length >= 2 });

  const filter: OrdersFilter = useMemo(() => ({
    tab: filters.tab,
    outcome: filters.tab === 'archive' ? filters.outcome : undefined,
    storeId: filters.storeId,
    cityId: filters.cityId,
    status: filters.status,
    from: filters.from,
    to: filters.to,
    productId: filters.product?.id,
    search: search.trim() || undefined,
  }), [filters, search]);
  const { tab: _tab, outcome: _outcome, ...withoutTab } = filter;
  const counts = useCall('orders.counts', { filter: withoutTab }, { keepPrevious: true });
  const list = useOrdersWindow(filter, sort);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const onSort = (key: string) => setSort((s) => ({ key: key as OrdersSort['key'], dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }));

  const exportCsv = async () => {
    try {
      const { fileName, csv, rows } = await api.call('orders.exportCsv', { filter, sort, language });
      downloadText(fileName, csv);
      setToast({ kind: 'ok', text: t('orders.exported', { file: fileName, n: rows }) });
    } catch (e) {
      setToast({ kind: 'error', text: translateError(language, e as { code?: string; message: string }) });
    }
  };

  const columns: Column<OrderRow>[] = [
    { id: 'date', header: t('orders.col.date'), width: '140px', sortKey: 'created', cell: (r) => kzDateTime(r.createdAt, language) },
    { id: 'code', header: t('orders.col.code'), width: '100px', sortKey: 'code', cell: (r) => <button type="button" className="link mono" onClick={() => setOpenId(r.id)} data-testid={`order-${r.code}`}>{r.code}</button> },
    // The store column only when there is more than one store to tell apart.
    ...((stores.data?.length ?? 0) > 1 ? [{ id: 'store', header: t('orders.col.store'), width: 'minmax(110px, 1fr)', cell: (r: OrderRow) => storeName(r.storeId) }] : []),
    {
      id: 'items', header: t('orders.col.items'), width: 'minmax(160px, 2fr)',
      cell: (r) => (r.entriesPending ? <span className="muted">{t('orders.itemsLoading')}</span> : <span className="title-cell"><span translate="no" title={r.firstItem ?? ''}>{r.firstItem ?? '—'}</span>{r.moreItems ? <span className="muted"> {t('orders.moreItems', { n: r.moreItems })}</span> : null}</span>),
    },
    { id: 'total', header: t('orders.col.total'), width: '110px', numeric: true, sortKey: 'total', cell: (r) => tenge(r.totalPrice) },
    { id: 'city', header: t('orders.col.city'), width: '100px', cell: (r) => r.cityName ?? '—' },
    { id: 'customer', header: t('orders.col.customer'), width: 'minmax(150px, 1fr)', cell: (r) => (r.customerName ? <span translate="no" title={r.customerName}>{r.customerName}</span> : '—') },
    { id: 'phone', header: t('orders.col.phone'), width: '110px', cell: (r) => (r.phoneTail ? `…${r.phoneTail}` : r.phoneMasked ? <span className="muted" title={t('orders.phoneMasked')}>{t('orders.phoneHidden')}</span> : '—') },
    {
      id: 'state', header: t('orders.col.state'), width: '160px',
      cell: (r) => (
        <span>
          <span className={`badge state-${r.outcome ?? r.state}`}>{r.outcome ? t(`orders.outcome.${r.outcome}`) : t(`orders.tab.${r.state}`)}</span>
          {r.acceptDeadline && (r.state === 'new' || r.state === 'sign_required') ? <span className="muted deadline"> {t('orders.deadlineIn', { time: kzTime(r.acceptDeadline, language) })}</span> : null}
        </span>
      ),
    },
  ];

  const noOrders = counts.data && counts.data['all'] === 0 && !filter.storeId && !filter.cityId && !filter.search && !filter.from && !filter.to && !filter.productId && !filter.status;
  return (
    <section className="page orders-page" data-testid="orders-page">
      <div className="page-head">
        <h1>{t('nav.orders')}</h1>
        <div className="actions">
          <button type="button" onClick={() => void exportCsv()} data-testid="orders-export">{t('orders.export')}</button>
        </div>
      </div>
      {statuses.data && statuses.data.length > 0 && <SyncPanel statuses={statuses.data} />}

      <div className="tabs order-tabs" role="tablist">
        {TABS.map((tab) => (
          <button key={tab} type="button" role="tab" aria-selected={filters.tab === tab} className={filters.tab === tab ? 'tab active' : 'tab'} onClick={() => set({ tab, outcome: undefined })} data-testid={`orders-tab-${tab}`}>
            {t(`orders.tab.${tab}`)} <span className="count">{counts.data?.[tab] ?? ''}</span>
          </button>
        ))}
      </div>
      {filters.tab === 'archive' && (
        <div className="tabs" role="tablist">
          <button type="button" className={!filters.outcome ? 'chip active' : 'chip'} onClick={() => set({ outcome: undefined })}>{t('orders.outcome.all')}</button>
          {OUTCOMES.map((o) => (
            <button key={o} type="button" className={filters.outcome === o ? 'chip active' : 'chip'} onClick={() => set({ outcome: o })} data-testid={`orders-outcome-${o}`}>
              {t(`orders.outcome.${o}`)} <span className="count">{counts.data?.[o] ?? ''}</span>
            </button>
          ))}
        </div>
      )}

      <div className="toolbar" role="search">
        <input type="search" placeholder={t('orders.search')} aria-label={t('orders.search')} value={filters.search} onChange={(e) => set({ search: e.target.value })} data-testid="orders-search" />
        <select aria-label={t('orders.filter.store')} value={filters.storeId ?? ''} onChange={(e) => set({ storeId: e.target.value ? Number(e.target.value) : undefined })} data-testid="orders-store">
          <option value="">{t('orders.filter.store')}</option>
          {(stores.data ?? []).map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
        </select>
        <select aria-label={t('orders.filter.city')} value={filters.cityId ?? ''} onChange={(e) => set({ cityId: e.target.value || undefined })} data-testid="orders-city">
          <option value="">{t('orders.filter.city')}</option>
          {cities.map(([id, name]) => <option key={id} value={id} translate="no">{name}</option>)}
        </select>
        <select aria-label={t('orders.filter.status')} value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
          <option value="">{t('orders.filter.status')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label>{t('orders.filter.from')} <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} data-testid="orders-from" /></label>
        <label>{t('orders.filter.to')} <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} data-testid="orders-to" /></label>
        {filters.product ? (
          <button type="button" className="chip active" onClick={() => set({ product: undefined })} data-testid="orders-product-chip">{t('orders.filter.productChosen', { name: filters.product.name })} ✕</button>
        ) : (
          <span className="product-pick">
            <input type="search" placeholder={t('orders.filter.product')} aria-label={t('orders.filter.product')} value={productSearch} onChange={(e) => setProductSearch(e.target.value)} />
            {productSearch.trim().length >= 2 && (products.data?.items.length ?? 0) > 0 && (
              <ul className="suggestions" role="listbox">
                {products.data!.items.map((p) => (
                  <li key={p.id}><button type="button" className="link" onClick={() => { set({ product: { id: p.id, name: p.title } }); setProductSearch(''); }}><span translate="no">{p.title}</span> <span className="muted mono">{p.sku}</span></button></li>
                ))}
              </ul>
            )}
          </span>
        )}
        <button type="button" onClick={() => { setFilters({ tab: filters.tab, search: '' }); setProductSearch(''); }}>{t('orders.filter.clear')}</button>
        {list.total !== null && <span className="muted" data-testid="orders-total">{t('orders.shown', { n: list.total })}</span>}
      </div>

      {list.error && <p className="error" role="alert">{translateError(language, list.error as { code?: string; message: string })}</p>}
      {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} onClick={() => setToast(null)} data-testid="toast">{toast.text}</div>}
      {list.loading && list.total === null && <progress aria-label={t('common.loading')} />}
      {noOrders && <div className="empty-state" data-testid="orders-empty">{t('orders.none')}</div>}
      {!noOrders && list.total === 0 && <div className="empty-state">{t('orders.noMatch')}</div>}
      {list.total !== null && list.total > 0 && (
        <VirtualTable
          count={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          rowKey={(r) => r.id}
          sort={sort}
          onSort={onSort}
          label={t('nav.orders')}
          testId="orders-table"
          rowTestId="order-row"
          height="62vh"
        />
      )}
      {openId !== null && (
        <OrderDrawer
          orderId={openId}
          storeName={storeName}
          onClose={() => setOpenId(null)}
          onProduct={(id, name) => { set({ product: { id, name } }); setOpenId(null); }}
        />
      )}
    </section>
  );
}
