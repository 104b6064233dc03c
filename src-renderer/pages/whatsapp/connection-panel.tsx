import { useState } from 'react';
import type { WhatsappStatus } from '../../../src-shared/contract/whatsapp';
import { useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { kzDateTime } from '../orders/format';
import { LinkPanel } from './link-panel';

const CAN_START = new Set(['no_session', 'stopped', 'failed']);
const RUNNING = new Set(['starting', 'scan_qr', 'working', 'failed']);

/**
 * WAHA's address and key (a new address asks for the key again), the key the app can generate for
 * WAHA's environment, the session's state with what to do next, and the session's controls.
 */
export function ConnectionPanel({ status }: { status: WhatsappStatus }) {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  const [url, setUrl] = useState(status.url ?? 'http://127.0.0.1:3000');
  const [key, setKey] = useState('');
  const [generated, setGenerated] = useState<{ wahaApiKey: string; dockerCommand: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, report, clear] = useApiError();
  const invalidates = ['whatsapp.'];
  const save = useCallMutation('whatsapp.connection.save', invalidates);
  const generate = useCallMutation('whatsapp.connection.generateKey', invalidates);
  const forget = useCallMutation('whatsapp.connection.forget', invalidates);
  const control = useCallMutation('whatsapp.session.control', invalidates);
  const refresh = useCallMutation('whatsapp.status', invalidates);
  const busy = save.isPending || generate.isPending || control.isPending || forget.isPending;

  const act = (run: () => Promise<unknown>) => {
    clear();
    run().catch(report);
  };
  const copy = (text: string) => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => undefined);
  };

  return (
    <div className="card" data-testid="wa-connection">
      <div className="section-head">
        <strong>{t('wa.connection')}</strong>
        <span className={`badge wa-state-${status.state}`} data-testid="wa-state">{t(`wa.state.${status.state}`)}</span>
        {status.me && <span data-testid="wa-me">{t('wa.linkedAs', { phone: status.me.name ? `${status.me.phone} (${status.me.name})` : status.me.phone })}</span>}
      </div>
      <p className="muted">{t('wa.intro')}</p>
      <p data-testid="wa-advice">{t(`wa.advice.${status.state}`)}</p>
      {status.problem && status.state !== 'not_configured' && <p className="error" role="alert" data-testid="wa-problem">{say(status.problem)}</p>}
      {status.autoRestartedAt && <p className="muted">{t('wa.autoRestarted', { time: kzDateTime(status.autoRestartedAt, language) })}</p>}
      {status.paused && status.state !== 'not_configured' && <p className="muted" data-testid="wa-paused">{t('wa.paused')}</p>}

      <form className="form-row wa-form" onSubmit={(e) => { e.preventDefault(); act(() => save.mutateAsync({ url, apiKey: key.trim() || undefined }).then(() => setKey(''))); }}>
        <label>{t('wa.url')} <input className="wide-input" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="wa-url" /></label>
        <label>{t('wa.key')} <input type="password" autoComplete="off" value={key} placeholder={status.hasKey ? t('wa.keyStored') : t('wa.keyPlaceholder')} onChange={(e) => setKey(e.target.value)} data-testid="wa-key" /></label>
        <button type="submit" disabled={busy} data-testid="wa-save">{t('wa.save')}</button>
        <button type="button" disabled={busy} onClick={() => act(() => generate.mutateAsync({ url }).then((g) => { setGenerated(g); setCopied(false); }))} data-testid="wa-generate">{t('wa.generate')}</button>
        {status.url && <button type="button" disabled={busy} onClick={() => act(() => forget.mutateAsync({}))}>{t('wa.forget')}</button>}
      </form>
      <div className="form-row">
        <label>{t('wa.webhookVia')}{' '}
          <select value={status.webhookVia} disabled={!status.url || busy} onChange={(e) => act(() => save.mutateAsync({ url: status.url ?? url, webhookVia: e.target.value as 'docker' | 'local' }))} data-testid="wa-webhook-via">
            <option value="docker">{t('wa.via.docker')}</option>
            <option value="local">{t('wa.via.local')}</option>
          </select>
        </label>
        {status.state === 'working' && <span className="muted" data-testid="wa-webhook">{status.lastWebhookAt ? t('wa.webhookLive', { time: kzDateTime(status.lastWebhookAt, language) }) : t('wa.webhookPolling')}</span>}
      </div>
      {generated && (
        <div className="wa-generated" data-testid="wa-generated">
          <p>{t('wa.generated')}</p>
          <pre className="mono wa-command" data-testid="wa-docker-command">{generated.dockerCommand}</pre>
          <button type="button" onClick={() => copy(generated.dockerCommand)}>{copied ? t('wa.copied') : t('wa.copy')}</button>
        </div>
      )}

      <div className="actions">
        {CAN_START.has(status.state) && <button type="button" className="primary" disabled={busy} onClick={() => act(() => control.mutateAsync({ action: status.state === 'failed' ? 'restart' : 'start' }))} data-testid="wa-start">{status.state === 'failed' ? t('wa.restart') : t('wa.start')}</button>}
        {RUNNING.has(status.state) && status.state !== 'failed' && <button type="button" disabled={busy} onClick={() => act(() => control.mutateAsync({ action: 'restart' }))}>{t('wa.restart')}</button>}
        {RUNNING.has(status.state) && <button type="button" disabled={busy} onClick={() => act(() => control.mutateAsync({ action: 'stop' }))}>{t('wa.stop')}</button>}
        {(status.state === 'working' || status.state === 'failed') && <button type="button" disabled={busy} onClick={() => act(() => control.mutateAsync({ action: 'logout' }))} data-testid="wa-logout">{t('wa.logout')}</button>}
        <button type="button" disabled={refresh.isPending} onClick={() => act(() => refresh.mutateAsync({ refresh: true }))} data-testid="wa-refresh">{t('wa.refresh')}</button>
      </div>
      {status.state === 'scan_qr' && <LinkPanel />}
      {error && <p className="error" role="alert" data-testid="wa-error">{error}</p>}
    </div>
  );
}
