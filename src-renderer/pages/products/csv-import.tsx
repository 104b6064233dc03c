import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../src-shared/contract';
import { useSay, useT } from '../../i18n/use-t';
import { useApiError } from '../../components/use-api-error';
import { changeField, changeValue } from './format';

type ImportResult = CallOutput<'rules.importCsv'>;

export interface CsvImportProps {
  /** apply=false: the preview, nothing written. */
  run: (csv: string, apply: boolean) => Promise<ImportResult>;
  onClose: () => void;
}

/** Excel in Russian Windows saves "CSV" in cp1251: decode as UTF-8 when it is valid, else as 1251. */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** Pick a file → see every change and every bad row → apply the good rows in one transaction. */
export function CsvImport({ run, onClose }: CsvImportProps) {
  const t = useT();
  const say = useSay();
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [error, report, clear] = useApiError();
  const [fileName, setFileName] = useState<string | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && busy === null) onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy('reading'); clear(); setPreview(null); setResult(null);
    try {
      const csv = await readCsvFile(file);
      setText(csv);
      setPreview(await run(csv, false));
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };
  const apply = async () => {
    if (text === null) return;
    setBusy('applying'); clear();
    try {
      setResult(await run(text, true));
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  const shown = preview?.rows.filter((r) => r.changes.length > 0 || r.errors.length > 0) ?? [];
  const good = preview?.rows.filter((r) => r.errors.length === 0 && r.changes.length > 0).length ?? 0;
  const bad = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const same = (preview?.rows.length ?? 0) - good - bad;

  return (
    <div className="dialog-backdrop">
      <section className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="csv-import-title" data-testid="csv-import">
        <header className="dialog-head">
          <h2 id="csv-import-title">{t('products.import.title')}</h2>
          <button type="button" className="link" onClick={onClose} aria-label={t('products.close')}>✕</button>
        </header>
        <p className="muted">{t('products.import.hint')}</p>
        <label className="file-pick">
          {t('products.import.pick')}{fileName && <span className="muted">{fileName}</span>}
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => { setFileName(e.target.files?.[0]?.name ?? null); void pick(e.target.files?.[0]); }} data-testid="csv-file" />
        </label>
        {busy && <progress aria-label={t(busy === 'reading' ? 'products.import.reading' : 'products.import.applying')} />}
        {error && <p className="error" role="alert">{error}</p>}
        {preview && preview.fileErrors.length > 0 && (
          <div className="error" role="alert" data-testid="csv-file-errors">
            <strong>{t('products.import.fileError')}</strong>
            <ul>{preview.fileErrors.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
          </div>
        )}
        {preview && preview.fileErrors.length === 0 && !result && (
          <>
            <p data-testid="csv-summary">{t('products.import.summary', { good, bad, same })}</p>
            <div className="import-preview" data-testid="csv-preview">
              <table className="table">
                <thead><tr><th>{t('products.import.line')}</th><th>{t('products.col.sku')}</th><th>{t('products.col.title')}</th><th>{t('products.import.changes')}</th></tr></thead>
                <tbody>
                  {shown.slice(0, 500).map((r) => (
                    <tr key={r.line} className={r.errors.length ? 'row-error' : undefined} data-testid={`csv-row-${r.line}`}>
                      <td className="num">{r.line}</td>
                      <td className="mono">{r.sku}</td>
                      <td>{r.title ?? '—'}</td>
                      <td>
                        {r.errors.length > 0
                          ? <ul className="error">{r.errors.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
                          : <ul className="diff">{r.changes.map((c) => (
                            <li key={c.field}>{changeField(t, c.field)}: <del>{changeValue(t, c.field, c.from)}</del> → <ins>{changeValue(t, c.field, c.to)}</ins></li>
                          ))}</ul>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length > 500 && <p className="muted">{t('products.import.more', { count: shown.length - 500 })}</p>}
            </div>
            <div className="dialog-actions">
              <button type="button" onClick={onClose}>{t('products.cancel')}</button>
              <button type="button" className="primary" disabled={good === 0 || busy !== null} onClick={() => void apply()} data-testid="csv-apply">
                {bad > 0 ? t('products.import.applyGood', { good, bad }) : t('products.import.apply', { good })}
              </button>
            </div>
          </>
        )}
        {result && (
          <div role="status" data-testid="csv-result">
            <p>{t('products.import.done', { applied: result.applied, skipped: result.rows.filter((r) => r.errors.length > 0).length })}</p>
            <button type="button" className="primary" onClick={onClose}>{t('products.close')}</button>
          </div>
        )}
      </section>
    </div>
  );
}
