import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';

/**
 * Shows the code form when main asks for a code for this login, saying where Kaspi sent it (an
 * SMS to the phone, or an e-mail for an employee's login), and sends the answer back.
 */
export function CodePrompt({ loginId, onError }: { loginId: string | null; onError(error: unknown): void }) {
  const t = useT();
  const [prompt, setPrompt] = useState<{ kind: 'sms' | 'email'; sentTo: string | null; expiresInSeconds: number } | null>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    setPrompt(null);
    if (!loginId) return;
    return api.on('stores.codeRequested', (p) => { if (p.loginId === loginId) setPrompt(p); });
  }, [loginId]);

  if (!prompt || !loginId) return null;

  async function send(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call('stores.submitCode', { loginId: loginId!, code: code.trim() });
      setPrompt(null);
      setCode('');
    } catch (err) {
      onError(err);
    }
  }

  return (
    <form className="code-prompt" onSubmit={send} data-testid="code-prompt">
      <strong data-testid="code-title">{t(`stores.code.title.${prompt.kind}`)}</strong>
      <p>{t(`stores.code.hint.${prompt.kind}`, { to: prompt.sentTo ? ` (${prompt.sentTo})` : '', seconds: prompt.expiresInSeconds })}</p>
      <label className="field">
        <span>{t(`stores.code.label.${prompt.kind}`)}</span>
        <input data-testid="code-field" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} autoFocus required />
      </label>
      <button className="primary" type="submit" data-testid="code-submit">{t('stores.code.submit')}</button>
    </form>
  );
}
