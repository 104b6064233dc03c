import { useState } from 'react';
import type { ProxyRow } from '../../../src-shared/contract/proxies';
import type { ProxyPatch } from '../../../src-shared/domain/proxy';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { checkText, statsLines, statusText } from './proxy-format';

export interface RowActions {
  update(id: number, patch: ProxyPatch): Promise<void>;
  remove(id: number): Promise<void>;
  test(id: number): Promise<void>;
}

/** One stored proxy: what it is, how it is doing, and what the seller can change on it. */
export function ProxyTableRow({ proxy, stores, testing, actions }: { proxy: ProxyRow; stores: StoreSummary[]; testing: boolean; actions: RowActions }) {
  const t = useT();
  const language = useLanguage();
  const [label, setLabel] = useState(proxy.label ?? '');
  const [confirming, setConfirming] = useState(false);
  // Providers rotate passwords; the new one goes to main and is never shown again.
  const [auth, setAuth] = useState<{ username: string; password: string } | null>(null);
  const saveAuth = () => {
    if (!auth) return;
    const username = auth.username.trim() || null;
    void actions.update(proxy.id, username ? { username, ...(auth.password ? { password: auth.password } : {}) } : { username: null });
    setAuth(null);
  };
  const address = `${proxy.protocol}://${proxy.username ? `${proxy.username}@` : ''}${proxy.host}:${proxy.port}`;
  const saveLabel = () => {
    const next = label.trim() || null;
    if (next !== proxy.label) void actions.update(proxy.id, { label: next });
  };
  const [stats, details] = statsLines(t, language, proxy.stats);
  return (
    <tr data-testid="proxy-row" data-port={proxy.port} className={proxy.enabled ? undefined : 'proxy-disabled'}>
      <td>
        <div className="mono" data-testid="proxy-address">{address}</div>
        <input
          className="proxy-label"
          value={label}
          placeholder={t('proxies.label')}
          aria-label={t('proxies.label')}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={saveLabel}
          onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
        />
      </td>
      <td><span className={`badge proxy-${proxy.status}`} data-testid="proxy-status">{statusText(t, language, proxy.status, proxy.availableAt)}</span></td>
      <td>
        <select
          aria-label={t('proxies.binding')}
          value={proxy.storeId ?? ''}
          onChange={(e) => void actions.update(proxy.id, { storeId: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="proxy-binding"
        >
          <option value="">{t('proxies.shared')}</option>
          {stores.map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
        </select>
      </td>
      <td className="proxy-stats" data-testid="proxy-stats">
        <div>{stats}</div>
        <small className="muted">{details}</small>
        {proxy.stats.lastError && <small className="error">{t('proxies.lastError', { message: proxy.stats.lastError })}</small>}
      </td>
      <td data-testid="proxy-check" className={proxy.lastCheck && !proxy.lastCheck.ok ? 'error' : undefined}>{checkText(t, proxy.lastCheck)}</td>
      <td>
        <div className="proxy-actions">
          <label>
            <input type="checkbox" checked={proxy.enabled} onChange={(e) => void actions.update(proxy.id, { enabled: e.target.checked })} data-testid="proxy-enabled" /> {t('proxies.enabled')}
          </label>
          <button onClick={() => void actions.test(proxy.id)} disabled={testing} data-testid="proxy-test">{testing ? t('proxies.testing') : t('proxies.test')}</button>
          <button onClick={() => setAuth({ username: proxy.username ?? '', password: '' })} data-testid="proxy-auth">{t('proxies.auth')}</button>
          <button onClick={() => setConfirming(true)} data-testid="proxy-remove">{t('proxies.remove')}</button>
        </div>
        {auth && (
          <div className="proxy-auth">
            <input value={auth.username} placeholder={t('proxies.username')} aria-label={t('proxies.username')} onChange={(e) => setAuth({ ...auth, username: e.target.value })} autoComplete="off" />
            <input type="password" value={auth.password} placeholder={proxy.hasPassword ? t('proxies.passwordKeep') : t('proxies.password')} aria-label={t('proxies.password')} onChange={(e) => setAuth({ ...auth, password: e.target.value })} autoComplete="new-password" />
            <button className="primary" onClick={saveAuth}>{t('proxies.save')}</button>{' '}
            <button onClick={() => setAuth(null)}>{t('proxies.cancel')}</button>
          </div>
        )}
        {confirming && (
          <div className="confirm" role="alertdialog">
            <p>{t('proxies.removeConfirm', { address })}</p>
            <button className="primary" onClick={() => void actions.remove(proxy.id)} data-testid="proxy-remove-yes">{t('proxies.removeYes')}</button>{' '}
            <button onClick={() => setConfirming(false)}>{t('proxies.cancel')}</button>
          </div>
        )}
      </td>
    </tr>
  );
}
