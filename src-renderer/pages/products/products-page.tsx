import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { AppError } from '../../../src-shared/contract';
import type { ProductTableRow, RulesRejection } from '../../../src-shared/contract/products';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { downloadText } from '../../components/download';
import { useT } from '../../i18n/use-t';
import { say, translateError } from '../../i18n/translate';
import type { Language } from '../../../src-shared/contract/settings';
import { useLanguage } from '../../store/ui-store';
import { BulkEdit } from './bulk-edit';
import type { SaveOutcome } from './bulk-edit';
import { CsvImport } from './csv-import';
import { problemText, strategyLabels } from './format';
import { ProductDrawer } from './product-drawer';
import { ProductsTable } from './products-table';
import { checkDraft, hasErrors, isEmpty } from './rule-input';
import type { CheckedDraft, RuleDraft } from './rule-input';
import { DEFAULT_QUERY, filterAndSort, FLAGS, nextSort } from './table-model';
import type { Flag, TableQuery } from './table-model';

const rejectionOf = (error: unknown): Partial<RulesRejection> | undefined =>
  error instanceof AppError && error.details && typeof error.details === 'object' && 'fieldErrors' in error.details ? (error.details as Partial<RulesRejection>) : undefined;

/** main's refusal, as words per field; anything else as one message. */
function outcomeOf(error: unknown, language: Language): SaveOutcome {
  const fieldErrors = rejectionOf(error)?.fieldErrors;
  return {
    fieldErrors: fieldErrors && Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, say(language, message)])),
    message: translateError(language, error),
  };
}

/** The seller's catalogue: every product with its market and rules, edited in place or in bulk, in and out as CSV. */
export function ProductsPage() {
  const t = useT();
  const language = useLanguage();
  const labels = useMemo(() => strategyLabels(t), [t]);
  const [stores, setStores] = useState<StoreSummary[]>([]);
  const [storeId, setStoreId] = useState<number | undefined>();
  const [rows, setRows] = useState<ProductTableRow[] | null>(null);
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [toast, setToast] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [error, report] = useApiError();
  const deferredQuery = useDeferredValue(query);

  const load = useCallback(() => { api.call('products.table', { storeId }).then(setRows, report); }, [storeId, report]);
  useEffect(() => { api.call('stores.list', {}).then(setStores, report); }, [report]);
  useEffect(load, [load]);
  // A save reloads the table and main's 'products.changed' follows it: one reload serves both.
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const scheduleReload = useCallback(() => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(load, 150);
  }, [load]);
  useEffect(() => api.on('products.changed', scheduleReload), [scheduleReload]);
  // A finished sync brings new products and prices; stores come and go.
  useEffect(() => api.on('stores.syncProgress', ({ finished }) => { if (finished) scheduleReload(); }), [scheduleReload]);
  useEffect(() => api.on('stores.changed', () => { api.call('stores.list', {}).then(setStores, report); scheduleReload(); }), [scheduleReload, report]);
  useEffect(() => () => clearTimeout(reloadTimer.current), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  const visible = useMemo(() => (rows ? filterAndSort(rows, deferredQuery) : []), [rows, deferredQuery]);
  const selectedRows = useMemo(() => (rows ?? []).filter((r) => selected.has(r.id)), [rows, selected]);

  const save = useCallback(async (ids: number[], checked: CheckedDraft): Promise<SaveOutcome | null> => {
    try {
      await api.call('rules.update', { productIds: ids, set: checked.set, unset: checked.unset });
      scheduleReload();
      return null;
    } catch (e) {
      return outcomeOf(e, language);
    }
  }, [scheduleReload, language]);

  const saveInline = useCallback(async (row: ProductTableRow, draft: RuleDraft): Promise<string | null> => {
    const checked = checkDraft(draft, [row], labels);
    const field = Object.keys(draft)[0] as keyof RuleDraft;
    if (hasErrors(checked)) return problemText(t, Object.values(checked.errors)[0]!);
    if (isEmpty(checked)) return null;
    const outcome = await save([row.id], checked);
    if (!outcome) return null;
    return outcome.fieldErrors?.[field] ?? Object.values(outcome.fieldErrors ?? {})[0] ?? outcome.message ?? null;
  }, [labels, save, t]);

  const setBot = useCallback(async (ids: number[], enabled: boolean): Promise<string | null> => {
    try {
      await api.call('products.setBot', { productIds: ids, enabled });
      scheduleReload();
      return null;
    } catch (e) {
      return translateError(language, e);
    }
  }, [scheduleReload, language]);

  const setBotInline = useCallback(async (row: ProductTableRow, enabled: boolean) => {
    const problem = await setBot([row.id], enabled);
    if (problem) setToast({ kind: 'error', text: problem });
    return problem;
  }, [setBot]);

  const exportCsv = async () => {
    try {
      const { fileName, csv } = await api.call('rules.exportCsv', { storeId, language: language === 'en' ? 'en' : 'ru' });
      downloadText(fileName, csv);
      setToast({ kind: 'ok', text: t('products.export.done', { file: fileName }) });
    } catch (e) {
      report(e);
    }
  };

  const toggleFlag = (flag: Flag) =>
    setQuery((q) => ({ ...q, flags: q.flags.includes(flag) ? q.flags.filter((f) => f !== flag) : [...q.flags, flag] }));

  return (
    <section className="page products-page" data-testid="products-page">
      <div className="page-head">
        <h1>{t('nav.products')}</h1>
        <div className="actions">
          <button type="button" onClick={() => setImporting(true)} data-testid="import-csv">{t('products.import.open')}</button>
          <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">{t('products.export.open')}</button>
        </div>
      </div>
      <div className="toolbar" role="search">
        <input type="search" placeholder={t('products.search')} aria-label={t('products.search')} value={query.search}
          onChange={(e) => setQuery({ ...query, search: e.target.value })} data-testid="product-search" />
        <select aria-label={t('products.allStores')} value={storeId ?? ''} onChange={(e) => setStoreId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t('products.allStores')}</option>
          {stores.map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
        </select>
        <select aria-label={t('products.filter.bot')} value={query.bot} onChange={(e) => setQuery({ ...query, bot: e.target.value as TableQuery['bot'] })} data-testid="filter-bot">
          <option value="all">{t('products.filter.botAll')}</option>
          <option value="on">{t('products.filter.botOn')}</option>
          <option value="off">{t('products.filter.botOff')}</option>
        </select>
        {FLAGS.map((f) => (
          <label key={f} className={query.flags.includes(f) ? 'chip active' : 'chip'}>
            <input type="checkbox" checked={query.flags.includes(f)} onChange={() => toggleFlag(f)} data-testid={`filter-${f}`} />
            {t(`products.filter.${f}`)}
          </label>
        ))}
        {rows && <span className="muted" data-testid="product-total">{t('products.shown', { shown: visible.length, total: rows.length })}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">{toast.text}</div>}
      {selectedRows.length > 0 && (
        <BulkEdit
          rows={selectedRows}
          onApply={(checked) => save(selectedRows.map((r) => r.id), checked)}
          onBot={(enabled) => setBot(selectedRows.map((r) => r.id), enabled)}
          onClear={() => setSelected(new Set())}
        />
      )}
      {rows === null && !error && <progress aria-label={t('products.loading')} />}
      {rows?.length === 0 && <div className="empty-state">{t('products.none')}</div>}
      {rows && rows.length > 0 && visible.length === 0 && <div className="empty-state">{t('products.noMatch')}</div>}
      {rows && visible.length > 0 && (
        <ProductsTable
          rows={visible}
          sort={query.sort}
          onSort={(key) => setQuery((q) => ({ ...q, sort: nextSort(q.sort, key) }))}
          selected={selected}
          onSelect={(id, on) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; })}
          onSelectAll={(on) => setSelected(on ? new Set(visible.map((r) => r.id)) : new Set())}
          onOpen={setOpenId}
          onSaveRules={saveInline}
          onSetBot={setBotInline}
        />
      )}
      {openId !== null && <ProductDrawer productId={openId} stores={stores} onClose={() => setOpenId(null)} />}
      {importing && <CsvImport run={(csv, apply) => api.call('rules.importCsv', { csv, apply })} onClose={() => { setImporting(false); load(); }} />}
    </section>
  );
}
