import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../src-shared/contract';
import type { ProductTableRow, RulesRejection } from '../../../src-shared/contract/products';
import { api } from '../../api/client';
import { byPrefix } from '../../api/query-client';
import { useStores } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSettled } from '../../components/use-settled';
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
import { useProductWindows } from './product-windows';
import { DEFAULT_QUERY, FLAGS, nextSort } from './table-model';
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

/**
 * The seller's catalogue: every product with its market and rules, edited in place or in bulk, in
 * and out as CSV. Main sorts, filters and searches it in SQLite and serves the rows in view a
 * window at a time; prices the demper pushes arrive as row deltas.
 */
export function ProductsPage() {
  const t = useT();
  const language = useLanguage();
  const labels = useMemo(() => strategyLabels(t), [t]);
  const client = useQueryClient();
  const stores = useStores();
  const [storeId, setStoreId] = useState<number | undefined>();
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [everySelected, setEverySelected] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [toast, setToast] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [error, report] = useApiError();
  // Typing in the search asks main once the seller pauses, not on every key.
  const search = useDeferredValue(useSettled(query.search, 200));
  const filter = useMemo(() => ({ storeId, search, bot: query.bot, flags: [...query.flags] }), [storeId, search, query.bot, query.flags]);
  const table = useProductWindows(filter, query.sort);
  useEffect(() => { if (table.error) report(table.error); }, [table.error, report]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  // A selection belongs to the rows it was made on: a new filter starts afresh.
  useEffect(() => { setSelected(new Set()); setEverySelected(false); }, [filter]);

  // The rows of the selection at hand (their floors and ceilings are checked before sending; main checks them all).
  const selectedRows = useMemo(() => table.loaded.filter((r) => selected.has(r.id)), [table.loaded, selected]);
  const reload = useCallback(() => void client.invalidateQueries({ predicate: byPrefix(['products.']) }), [client]);

  const save = useCallback(async (ids: number[], checked: CheckedDraft): Promise<SaveOutcome | null> => {
    try {
      await api.call('rules.update', { productIds: ids, set: checked.set, unset: checked.unset });
      reload();
      return null;
    } catch (e) {
      return outcomeOf(e, language);
    }
  }, [reload, language]);

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
      reload();
      return null;
    } catch (e) {
      return translateError(language, e);
    }
  }, [reload, language]);

  const setBotInline = useCallback(async (row: ProductTableRow, enabled: boolean) => {
    const problem = await setBot([row.id], enabled);
    if (problem) setToast({ kind: 'error', text: problem });
    return problem;
  }, [setBot]);

  const exportCsv = async () => {
    try {
      // The file comes in parts, so a catalogue of 20,000 never holds main up as one string.
      const exportLanguage = language === 'en' ? 'en' : 'ru';
      const parts: string[] = [];
      let part = await api.call('rules.exportCsv', { storeId, language: exportLanguage, offset: 0 });
      parts.push(part.csv);
      while (part.next !== null) {
        part = await api.call('rules.exportCsv', { storeId, language: exportLanguage, offset: part.next });
        parts.push(part.csv);
      }
      const fileName = part.fileName;
      downloadText(fileName, parts.join(''));
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
        {table.total !== undefined && table.all !== undefined && <span className="muted" data-testid="product-total">{t('products.shown', { shown: table.total, total: table.all })}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">{toast.text}</div>}
      {selected.size > 0 && (
        <BulkEdit
          count={selected.size}
          rows={selectedRows}
          onApply={(checked) => save([...selected], checked)}
          onBot={(enabled) => setBot([...selected], enabled)}
          onClear={() => { setSelected(new Set()); setEverySelected(false); }}
        />
      )}
      {table.total === undefined && !error && <progress aria-label={t('products.loading')} />}
      {table.all === 0 && <div className="empty-state">{t('products.none')}</div>}
      {table.all !== undefined && table.all > 0 && table.total === 0 && <div className="empty-state">{t('products.noMatch')}</div>}
      {table.total !== undefined && table.total > 0 && (
        <ProductsTable
          count={table.total}
          rowAt={table.rowAt}
          onRangeChange={table.onRangeChange}
          allSelected={everySelected}
          sort={query.sort}
          onSort={(key) => setQuery((q) => ({ ...q, sort: nextSort(q.sort, key) }))}
          selected={selected}
          onSelect={(id, on) => { setEverySelected(false); setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; }); }}
          onSelectAll={(on) => {
            setEverySelected(on);
            if (!on) { setSelected(new Set()); return; }
            // Every row the filter matches, not only those on screen: main lists their ids.
            api.call('products.ids', { query: filter, sort: query.sort }).then((ids) => setSelected(new Set(ids)), report);
          }}
          onOpen={setOpenId}
          onSaveRules={saveInline}
          onSetBot={setBotInline}
        />
      )}
      {openId !== null && <ProductDrawer productId={openId} stores={stores} onClose={() => setOpenId(null)} />}
      {importing && <CsvImport run={(csv, apply) => api.call('rules.importCsv', { csv, apply })} onClose={() => { setImporting(false); reload(); }} />}
    </section>
  );
}
