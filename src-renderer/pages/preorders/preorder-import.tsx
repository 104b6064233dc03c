import { useState } from 'react';
import type { CallOutput } from '../../../src-shared/contract';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/catalog';
import { readCsvFile } from '../products/csv-import';

type ImportResult = CallOutput<'preorders.importFile'>;

export interface PreorderImportProps {
  /** apply=false: the preview, nothing written. */
  run: (file: { format: 'xlsx' | 'csv'; data: string }, apply: boolean) => Promise<ImportResult>;
  onClose: () => void;
}

/** An .xlsx file as base64 (main reads it with the same library that builds Kaspi's price list). */
async function readFile(file: File): Promise<{ format: 'xlsx' | 'csv'; data: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', data: btoa(binary) };
  }
  return { format: 'csv', data: await readCsvFile(file) };
}

/** Pick a price list → see every change and every bad row → apply the good rows in one transaction (as the rules import). */
export function PreorderImport({ run, onClose }: PreorderImportProps) {
  const t = useT();
  const say = useSay();
  const [file, setFile] = useState<{ format: 'xlsx' | 'csv'; data: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, report, clear] = useApiError();

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setBusy(true); clear(); setPreview(null); setResult(null);
    try {
      const read = await readFile(picked);
      setFile(read);
      setPreview(await run(read, false));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file) return;
    setBusy(true); clear();
    try {
      setResult(await run(file, true));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const good = preview?.rows.filter((r) => r.errors.length === 0 && r.changes.length > 0).length ?? 0;
  const bad = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const field = (name: string): string => (['new', 'new_article', 'price'].includes(name) ? t(`preorders.change.${name}` as MessageKey) : name);

  return (
    <div className="dialog-backdrop">
      <section className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="preorder-import-title" data-testid="preorder-import">
        <header className="dialog-head">
          <h2 id="preorder-import-title">{t('preorders.importTitle')}</h2>
          <button type="button" className="link" onClick={onClose} aria-label={t('preorders.close')}>✕</button>
        </header>
        <p className="muted">{t('preorders.importHint')}</p>
        <label className="file-pick">
          {t('preorders.importPick')}
          <input type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} data-testid="preorder-file" />
        </label>
        {busy && <progress />}
        {error && <p className="error" role="alert">{error}</p>}
        {preview && preview.fileErrors.length > 0 && (
          <ul className="error" role="alert" data-testid="preorder-file-errors">{preview.fileErrors.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
        )}
        {preview && preview.fileErrors.length === 0 && !result && (
          <>
            <p data-testid="preorder-import-summary">{t('preorders.importSummary', { good, bad })}</p>
            <div className="import-preview">
              <table className="table">
                <thead><tr><th>{t('preorders.importLine')}</th><th>{t('preorders.col.sku')}</th><th>{t('preorders.col.name')}</th><th>{t('preorders.importChanges')}</th></tr></thead>
                <tbody>
                  {preview.rows.slice(0, 500).map((r) => (
                    <tr key={r.line} className={r.errors.length ? 'row-error' : undefined} data-testid={`preorder-row-${r.line}`}>
                      <td className="num">{r.line}</td>
                      <td className="mono" translate="no">{r.sku}</td>
                      <td translate="no">{r.name ?? '—'}</td>
                      <td>
                        {r.errors.length > 0
                          ? <ul className="error">{r.errors.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
                          : <ul className="diff">{r.changes.map((c) => <li key={c.field}>{field(c.field)}: {c.from && <><del>{c.from}</del> → </>}<ins>{c.to}</ins></li>)}</ul>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="dialog-actions">
              <button type="button" onClick={onClose}>{t('preorders.cancel')}</button>
              <button type="button" className="primary" disabled={good === 0 || busy} onClick={() => void apply()} data-testid="preorder-import-apply">{t('preorders.importApply', { good })}</button>
            </div>
          </>
        )}
        {result && (
          <div role="status" data-testid="preorder-import-result">
            <p>{t('preorders.importDone', { applied: result.applied })}</p>
            <button type="button" className="primary" onClick={onClose}>{t('preorders.close')}</button>
          </div>
        )}
      </section>
    </div>
  );
}
