import { useEffect, useState } from 'react';
import type { ProductRow, StoreSummary } from '../../../src-shared/domain/store';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

const PAGE = 100;

/** What the sync brought in, read-only: search, filter by store, page through. */
export function ProductsPage() {
  const t = useT();
  const [stores, setStores] = useState<StoreSummary[]>([]);
  const [storeId, setStoreId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; items: ProductRow[] } | null>(null);
  const [error, report] = useApiError();

  useEffect(() => { api.call('stores.list', {}).then(setStores, report); }, [report]);
  useEffect(() => {
    const timer = setTimeout(() => {
      api.call('products.list', { storeId, search: search.trim() || undefined, limit: PAGE, offset }).then(setData, report);
    }, 150);
    return () => clearTimeout(timer);
  }, [storeId, search, offset, report]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <section className="page" data-testid="products-page">
      <h1>{t('nav.products')}</h1>
      <div className="toolbar">
        <input type="search" placeholder={t('products.search')} value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} data-testid="product-search" />
        <select value={storeId ?? ''} onChange={(e) => { setStoreId(e.target.value ? Number(e.target.value) : undefined); setOffset(0); }}>
          <option value="">{t('products.allStores')}</option>
          {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        {data && <span className="muted" data-testid="product-total">{t('products.count', { total: data.total })}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {data?.total === 0 && <div className="empty-state">{t('products.none')}</div>}
      {data && data.total > 0 && (
        <>
          <table className="table">
            <thead><tr><th>{t('products.col.title')}</th><th>{t('products.col.sku')}</th><th>{t('products.col.price')}</th><th>{t('products.col.state')}</th></tr></thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id} data-testid="product-row">
                  <td>{p.title}{p.brand && <span className="muted"> · {p.brand}</span>}</td>
                  <td className="mono">{p.sku}</td>
                  <td className="num">{p.cityPrices.length ? formatTenge(Math.min(...p.cityPrices.map((c) => c.price))) : '—'}</td>
                  <td>{p.active ? t('products.onSale') : t('products.offSale')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('products.prev')}</button>
            <span>{t('products.page', { page: offset / PAGE + 1, pages })}</span>
            <button disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>{t('products.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}
