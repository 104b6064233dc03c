import { useState } from 'react';
import type { ProxyImportSummary } from '../../../src-shared/contract/proxies';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';

/** Paste a provider's list; good lines are stored, bad ones stay listed by line number to fix. */
export function ProxyImport({ stores }: { stores: StoreSummary[] }) {
  const t = useT();
  const say = useSay();
  const [text, setText] = useState('');
  const [storeId, setStoreId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ProxyImportSummary | null>(null);
  const [error, report, clear] = useApiError();
  const importList = useCallMutation('proxies.import', ['proxies.']);

  async function submit() {
    clear();
    setBusy(true);
    try {
      const summary = await importList.mutateAsync({ text, storeId });
      setResult(summary);
      // With bad lines the text stays as it was, so the line numbers point at what to fix.
      if (summary.errors.length === 0) setText('');
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card proxy-import" data-testid="proxy-import">
      <h2>{t('proxies.importTitle')}</h2>
      <p className="muted">{t('proxies.importHint')}</p>
      <textarea
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'10.0.0.1:8080\nuser:pass@10.0.0.2:3128\nsocks5://user:pass@proxy.example.kz:1080'}
        spellCheck={false}
        data-testid="proxy-import-text"
      />
      <div className="toolbar">
        <label>
          {t('proxies.importTo')}{' '}
          <select value={storeId ?? ''} onChange={(e) => setStoreId(e.target.value === '' ? null : Number(e.target.value))} data-testid="proxy-import-store">
            <option value="">{t('proxies.shared')}</option>
            {stores.map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
          </select>
        </label>
        <button className="primary" disabled={busy || text.trim() === ''} onClick={() => void submit()} data-testid="proxy-import-submit">{t('proxies.importSubmit')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <div data-testid="proxy-import-result">
          <p className="ok-text">{t('proxies.importDone', { created: result.created, updated: result.updated })}</p>
          {result.merged.length > 0 && <p className="muted">{t('proxies.importMerged', { n: result.merged.length })}</p>}
          {result.errors.length > 0 && (
            <>
              <p className="error">{t('proxies.importErrors', { n: result.errors.length })}</p>
              <ul className="proxy-import-errors">
                {result.errors.map((e) => (
                  <li key={e.line} data-testid="proxy-import-error" data-line={e.line}>
                    <strong>{t('proxies.lineError', { line: e.line, message: say(e.message) })}</strong>
                    <div className="mono muted">{e.text}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
