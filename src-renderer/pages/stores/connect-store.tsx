import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { LoginMethod } from '../../../src-shared/domain/store';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/catalog';
import { CodePrompt } from './code-prompt';

type Merchant = { uid: string; name: string; alreadyAdded: boolean };

const newLoginId = () => `login-${crypto.randomUUID()}`;

/**
 * Connecting a store: sign in (the browser runs in main), answer the SMS step when Kaspi asks,
 * then pick which of the account's merchants to add.
 */
export function ConnectStore({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const t = useT();
  const [method, setMethod] = useState<LoginMethod>('email');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [loginId, setLoginId] = useState<string | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [account, setAccount] = useState<{ accountId: number; merchants: Merchant[] } | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, report, clear] = useApiError();

  useEffect(() => {
    if (!loginId) return;
    return api.on('stores.loginProgress', (p) => { if (p.loginId === loginId) setStep(p.step); });
  }, [loginId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const id = newLoginId();
    setLoginId(id);
    setStep('starting');
    try {
      const credentials = method === 'email' ? { method, login: login.trim(), password } : { method, login: login.trim() };
      const result = await api.call('stores.login', { loginId: id, credentials });
      setAccount(result);
      setPicked(new Set(result.merchants.filter((m) => !m.alreadyAdded).map((m) => m.uid)));
    } catch (err) {
      report(err);
      setStep(null);
    } finally {
      setPassword('');
    }
  }

  async function addPicked() {
    if (!account) return;
    try {
      await api.call('stores.add', { accountId: account.accountId, merchantUids: [...picked] });
      onDone();
    } catch (err) {
      report(err);
    }
  }

  function cancel() {
    if (loginId && !account) void api.call('stores.cancelLogin', { loginId });
    onCancel();
  }

  const busy = step !== null && !account;
  return (
    <div className="card connect-store" data-testid="connect-store">
      {!account && (
        <form onSubmit={submit}>
          <div className="tabs" role="tablist">
            {(['email', 'phone'] as const).map((m) => (
              <button key={m} type="button" role="tab" aria-selected={method === m} className={method === m ? 'tab active' : 'tab'} onClick={() => setMethod(m)} disabled={busy}>
                {t(`stores.method.${m}`)}
              </button>
            ))}
          </div>
          <label className="field">
            <span>{t(method === 'email' ? 'stores.email' : 'stores.phone')}</span>
            <input data-testid="login-field" value={login} onChange={(e) => setLogin(e.target.value)} disabled={busy} autoComplete="username"
              placeholder={method === 'email' ? 'seller@shop.kz' : '+7 (777) 123-45-67'} required />
          </label>
          {method === 'email' && (
            <label className="field">
              <span>{t('stores.password')}</span>
              <input data-testid="password-field" type="password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} autoComplete="current-password" required />
            </label>
          )}
          <p className="muted">{t('stores.secretsNote')}</p>
          <div className="actions">
            <button className="primary" type="submit" disabled={busy} data-testid="login-submit">{t('stores.login')}</button>
            <button type="button" onClick={cancel}>{t('stores.cancel')}</button>
          </div>
        </form>
      )}
      {busy && step && <p className="progress-text" role="status">{t(`stores.step.${step}` as MessageKey)}</p>}
      {busy && <CodePrompt loginId={loginId} onError={report} />}
      {account && (
        <div data-testid="merchant-pick">
          <strong>{t('stores.pick.title')}</strong>
          <ul className="plain-list">
            {account.merchants.map((m) => (
              <li key={m.uid}>
                <label>
                  <input type="checkbox" disabled={m.alreadyAdded} checked={picked.has(m.uid)}
                    onChange={(e) => setPicked((prev) => { const next = new Set(prev); if (e.target.checked) next.add(m.uid); else next.delete(m.uid); return next; })} />
                  {m.name} <span className="muted">({m.uid}{m.alreadyAdded ? `, ${t('stores.pick.added')}` : ''})</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button className="primary" onClick={() => void addPicked()} disabled={picked.size === 0} data-testid="add-stores">{t('stores.pick.add')}</button>
            <button type="button" onClick={cancel}>{t('stores.cancel')}</button>
          </div>
        </div>
      )}
      {error && <p className="error" role="alert" data-testid="connect-error">{error}</p>}
    </div>
  );
}
