import { useEffect, useState } from 'react';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { CodePrompt } from './code-prompt';
import { dateLocale } from '../../i18n/date-locale';

type Progress = { done: number; total: number; finished: boolean };

export function StoreRow({ store, onChanged }: { store: StoreSummary; onChanged(): void }) {
  const t = useT();
  const language = useLanguage();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [loginId, setLoginId] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleteHistory, setDeleteHistory] = useState(false);
  // Set when the Kaspi address or the login browser changed since the password was stored.
  const [askPassword, setAskPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [error, report, clear] = useApiError();

  useEffect(() => api.on('stores.syncProgress', (p) => { if (p.storeId === store.id) setProgress(p); }), [store.id]);

  async function run(action: () => Promise<unknown>) {
    clear();
    try {
      await action();
      onChanged();
    } catch (err) {
      report(err);
    }
  }

  const sync = () => run(async () => {
    setResult(null);
    setProgress({ done: 0, total: 0, finished: false });
    const r = await api.call('stores.sync', { storeId: store.id }).finally(() => setProgress(null));
    setResult(t('stores.synced', { total: r.total, added: r.added, removed: r.removed }));
  });

  const relogin = (typed?: string) => run(async () => {
    const id = `login-${crypto.randomUUID()}`;
    setLoginId(id);
    try {
      await api.call('stores.relogin', { storeId: store.id, loginId: id, ...(typed ? { password: typed } : {}) });
      setAskPassword(false);
      setPassword('');
    } catch (err) {
      if ((err as { code?: string }).code === 'password_required') setAskPassword(true);
      throw err;
    } finally {
      setLoginId(null);
    }
  });

  const syncing = progress && !progress.finished;
  const lastSync = store.lastSyncAt ? new Date(store.lastSyncAt).toLocaleString(dateLocale(language)) : t('stores.never');
  return (
    <div className="card store-card" data-testid={`store-${store.merchantUid}`}>
      <div className="store-head">
        <div>
          <strong className="store-name">{store.name}</strong> <span className="muted">#{store.merchantUid}</span>
          <div className="muted">{store.accountLogin}</div>
        </div>
        <span className={`badge session-${store.sessionStatus}`} data-testid="session-status">{t(`stores.session.${store.sessionStatus}`)}</span>
      </div>
      <dl className="facts compact">
        <div><dt>{t('stores.col.products')}</dt><dd data-testid="product-count">{t('stores.activeOf', { active: store.activeProductCount, total: store.productCount })}</dd></div>
        <div><dt>{t('stores.col.lastSync')}</dt><dd>{lastSync}</dd></div>
        <div><dt>{t('stores.token')}</dt><dd>{store.hasShopToken ? t('stores.token.set') : '—'}</dd></div>
      </dl>
      {syncing && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <div className="bar" style={{ width: `${progress.total ? Math.round((100 * progress.done) / progress.total) : 5}%` }} />
          <span>{t('stores.syncing', { done: progress.done, total: progress.total || '…' })}</span>
        </div>
      )}
      {result && <p className="ok-text" data-testid="sync-result">{result}</p>}
      <div className="actions">
        <button className="primary" onClick={() => void sync()} disabled={!!syncing} data-testid="sync">{t('stores.sync')}</button>
        {store.sessionStatus !== 'valid' && <button onClick={() => void relogin()} disabled={!!loginId} data-testid="relogin">{t('stores.relogin')}</button>}
        <button onClick={() => setConfirming(true)}>{t('stores.remove')}</button>
      </div>
      {askPassword && (
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (password) void relogin(password); }}>
          <input type="password" placeholder={t('stores.relogin.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="relogin-password" />
          <button className="primary" type="submit" disabled={!password || !!loginId} data-testid="relogin-submit">{t('stores.relogin')}</button>
        </form>
      )}
      <CodePrompt loginId={loginId} onError={report} />
      <details className="token">
        <summary>{t('stores.token')}</summary>
        <p className="muted">{t('stores.token.hint')}</p>
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        <button onClick={() => void run(async () => { await api.call('stores.setShopToken', { storeId: store.id, token: token.trim() || null }); setToken(''); })}>
          {t('stores.token.save')}
        </button>
      </details>
      {confirming && (
        <div className="confirm" role="dialog">
          <p>{t('stores.remove.confirm', { name: store.name })}</p>
          <label><input type="checkbox" checked={deleteHistory} onChange={(e) => setDeleteHistory(e.target.checked)} /> {t('stores.remove.history')}</label>
          <div className="actions">
            <button className="danger" onClick={() => void run(() => api.call('stores.remove', { storeId: store.id, deleteHistory }))}>{t('stores.remove.yes')}</button>
            <button onClick={() => setConfirming(false)}>{t('stores.cancel')}</button>
          </div>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
