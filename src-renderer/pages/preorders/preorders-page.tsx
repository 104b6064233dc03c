import { useMemo, useState } from 'react';
import type { PreorderStatus, PreorderView } from '../../../src-shared/domain/preorder';
import { PREORDER_STATUSES } from '../../../src-shared/domain/preorder';
import { api } from '../../api/client';
import { useCall, useCallMutation } from '../../api/use-call';
import { downloadBase64, downloadText } from '../../components/download';
import { useApiError } from '../../components/use-api-error';
import type { MessageKey } from '../../i18n/catalog';
import { useSay, useT } from '../../i18n/use-t';
import { PreorderImport } from './preorder-import';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';

const short = (pointId: string): string => pointId.slice(pointId.lastIndexOf('_') + 1);

/** Pre-orders per offer and point of sale (issue #16): filters, bulk add, inline days, import/export, send. */
export function PreordersPage() {
  const t = useT();
  const say = useSay();
  const [status, setStatus] = useState<PreorderStatus | ''>('');
  const [storeId, setStoreId] = useState<number | ''>('');
  const [pointId, setPointId] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulkDays, setBulkDays] = useState('30');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [error, report, clear] = useApiError();

  const filter = { status: status || undefined, storeId: storeId || undefined, pointId: pointId || undefined };
  const list = useCall('preorders.list', { filter }, { keepPrevious: true, refetchEveryMs: 5_000 });
  const stores = useCall('preorders.points', {});
  const points = useMemo(() => (stores.data ?? []).filter((s) => !storeId || s.storeId === storeId).flatMap((s) => s.points), [stores.data, storeId]);
  const invalidates = ['preorders.'];
  const setDays = useCallMutation('preorders.setDays', invalidates);
  const send = useCallMutation('preorders.send', invalidates);
  const end = useCallMutation('preorders.end', invalidates);
  const remove = useCallMutation('preorders.remove', invalidates);
  const update = useCallMutation('preorders.update', invalidates);
  const importFile = useCallMutation('preorders.importFile', invalidates);

  const rows = list.data ?? [];
  const ids = [...selected].filter((id) => rows.some((r) => r.id === id));
  const act = async (run: () => Promise<unknown>, done?: string) => {
    clear();
    try {
      await run();
      if (done) setToast(done);
    } catch (e) {
      report(e);
    }
  };
  const toggle = (id: number) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const editDays = (entry: PreorderView, point: string, value: string) => {
    const days = Number(value);
    void act(() => update.mutateAsync({ id: entry.id, points: entry.points.map((p) => (p.pointId === point ? { ...p, days } : p)) }));
  };
  const exportAs = (format: 'csv' | 'xlsx') => void act(async () => {
    const file = await api.call('preorders.exportFile', { format, ids: ids.length ? ids : undefined });
    if (format === 'csv') downloadText(file.fileName, file.data);
    else downloadBase64(file.fileName, file.data);
    setToast(t('preorders.exported', { file: file.fileName }));
  });

  return (
    <section className="page" data-testid="preorders-page">
      <header className="page-head">
        <h1>{t('preorders.title')}</h1>
        <p className="muted">{t('preorders.hint')}</p>
      </header>
      <div className="toolbar">
        <select value={status} onChange={(e) => setStatus(e.target.value as PreorderStatus | '')} aria-label={t('preorders.col.status')} data-testid="preorders-status">
          <option value="">{t('preorders.status.all')}</option>
          {PREORDER_STATUSES.map((s) => <option key={s} value={s}>{t(`preorders.status.${s}` as MessageKey)}</option>)}
        </select>
        <select value={storeId} onChange={(e) => { setStoreId(e.target.value ? Number(e.target.value) : ''); setPointId(''); }} aria-label={t('preorders.col.store')}>
          <option value="">{t('preorders.filter.store')}</option>
          {(stores.data ?? []).map((s) => <option key={s.storeId} value={s.storeId} translate="no">{s.name}</option>)}
        </select>
        <select value={pointId} onChange={(e) => setPointId(e.target.value)} aria-label={t('preorders.filter.point')} data-testid="preorders-point">
          <option value="">{t('preorders.filter.point')}</option>
          {points.map((p) => <option key={p.pointId} value={p.pointId}>{short(p.pointId)}</option>)}
        </select>
        <button type="button" onClick={() => setAdding(true)} data-testid="preorders-add">{t('preorders.add')}</button>
        <button type="button" onClick={() => setImporting(true)} data-testid="preorders-import">{t('preorders.import')}</button>
        <button type="button" onClick={() => exportAs('csv')}>{t('preorders.exportCsv')}</button>
        <button type="button" onClick={() => exportAs('xlsx')}>{t('preorders.exportXlsx')}</button>
      </div>
      {ids.length > 0 && (
        <div className="toolbar" data-testid="preorders-bulk">
          <span>{t('preorders.selected', { n: ids.length })}</span>
          <label>{t('preorders.setDays')} <input type="number" min={1} max={30} value={bulkDays} onChange={(e) => setBulkDays(e.target.value)} style={{ width: '4em' }} data-testid="preorders-bulk-days" /></label>
          <button type="button" onClick={() => void act(() => setDays.mutateAsync({ ids, days: Number(bulkDays), pointId: pointId || undefined }))}>{t('preorders.setDaysApply')}</button>
          <button type="button" className="primary" onClick={() => void act(() => send.mutateAsync({ ids }), t('preorders.sentToast', { n: ids.length }))} data-testid="preorders-send">{t('preorders.send')}</button>
          <button type="button" onClick={() => void act(() => end.mutateAsync({ ids }), t('preorders.sentToast', { n: ids.length }))}>{t('preorders.end')}</button>
          <button type="button" onClick={() => void act(async () => { await remove.mutateAsync({ ids }); setSelected(new Set()); })}>{t('preorders.remove')}</button>
        </div>
      )}
      {error && <p className="error" role="alert" data-testid="preorders-error">{error}</p>}
      {toast && <p role="status" className="muted" data-testid="preorders-toast">{toast}</p>}
      {rows.length === 0 && !list.isLoading ? (
        <p className="muted" data-testid="preorders-empty">{status || storeId || pointId ? t('preorders.noMatch') : t('preorders.none')}</p>
      ) : (
        <table className="table" data-testid="preorders-table">
          <thead>
            <tr>
              <th><input type="checkbox" aria-label={t('preorders.selected', { n: rows.length })} checked={rows.length > 0 && ids.length === rows.length} onChange={(e) => setSelected(new Set(e.target.checked ? rows.map((r) => r.id) : []))} data-testid="preorders-select-all" /></th>
              <th>{t('preorders.col.sku')}</th><th>{t('preorders.col.name')}</th><th>{t('preorders.col.store')}</th><th>{t('preorders.col.price')}</th><th>{t('preorders.col.days')}</th><th>{t('preorders.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`preorder-${r.sku}`} data-status={r.status}>
                <td><input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={r.sku} /></td>
                <td className="mono" translate="no">{r.sku}</td>
                <td translate="no">{r.name}{r.brand ? <span className="muted"> · {r.brand}</span> : null}</td>
                <td translate="no">{r.storeName}</td>
                <td className="num">{formatTenge(r.price)}</td>
                <td>
                  {r.points.map((p) => (
                    <label key={p.pointId} className="inline-days">
                      {short(p.pointId)}{' '}
                      <input type="number" min={0} max={30} defaultValue={p.days} key={`${p.pointId}:${p.days}`} style={{ width: '3.5em' }} disabled={r.status === 'processing'}
                        onBlur={(e) => { if (Number(e.target.value) !== p.days) editDays(r, p.pointId, e.target.value); }} data-testid={`days-${r.sku}-${short(p.pointId)}`} />
                      {' '}{t('preorders.days')}
                    </label>
                  ))}
                </td>
                <td>
                  <span className={`badge status-${r.status}`}>{t(`preorders.status.${r.status}` as MessageKey)}</span>
                  {r.via && <span className="muted"> · {t(`preorders.via.${r.via}` as MessageKey)}</span>}
                  {r.error && <p className="error" data-testid={`preorder-error-${r.sku}`}>{say(r.error)}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddFromProducts onClose={() => setAdding(false)} onAdded={(n) => setToast(t('preorders.selected', { n }))} />}
      {importing && <PreorderImport onClose={() => setImporting(false)} run={(file, apply) => importFile.mutateAsync({ ...file, storeId: storeId || undefined, apply })} />}
    </section>
  );
}

/** Bulk add: pick products from the synced list, one number of days for all their points. */
function AddFromProducts({ onClose, onAdded }: { onClose: () => void; onAdded: (n: number) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  // The products table is served by window from main: the search runs there, over every product.
  const products = useCall('products.page', { query: { search }, limit: 200 }, { keepPrevious: true });
  const add = useCallMutation('preorders.addFromProducts', ['preorders.']);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [days, setDays] = useState('30');
  const [error, report, clear] = useApiError();
  const shown = products.data?.rows ?? [];
  const submit = async () => {
    clear();
    try {
      const { ids } = await add.mutateAsync({ productIds: [...picked], days: Number(days) });
      onAdded(ids.length);
      onClose();
    } catch (e) {
      report(e);
    }
  };
  return (
    <div className="dialog-backdrop">
      <section className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="preorder-add-title" data-testid="preorder-add">
        <header className="dialog-head">
          <h2 id="preorder-add-title">{t('preorders.addTitle')}</h2>
          <button type="button" className="link" onClick={onClose} aria-label={t('preorders.close')}>✕</button>
        </header>
        <div className="toolbar">
          <input type="search" placeholder={t('preorders.addSearch')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <label>{t('preorders.addDays')} <input type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} style={{ width: '4em' }} data-testid="preorder-add-days" /></label>
        </div>
        {error && <p className="error" role="alert" data-testid="preorder-add-error">{error}</p>}
        <div className="import-preview">
          <table className="table">
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td><input type="checkbox" checked={picked.has(p.id)} aria-label={p.sku} data-testid={`add-${p.sku}`}
                    onChange={() => setPicked((s) => { const next = new Set(s); if (next.has(p.id)) next.delete(p.id); else next.add(p.id); return next; })} /></td>
                  <td className="mono" translate="no">{p.sku}</td>
                  <td translate="no">{p.title}</td>
                  <td translate="no">{p.storeName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('preorders.cancel')}</button>
          <button type="button" className="primary" disabled={picked.size === 0 || add.isPending} onClick={() => void submit()} data-testid="preorder-add-apply">{t('preorders.addApply', { n: picked.size })}</button>
        </div>
      </section>
    </div>
  );
}
