import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings } from '../../../src-shared/contract/settings';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { api } from '../../api/client';

export function KaspiSettings({ settings }: { settings: Settings }) {
  const t = useT();
  const [form, setForm] = useState(settings.kaspi);
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();

  async function save(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(false);
    try {
      await api.call('settings.update', { kaspi: { ...form, browserPath: form.browserPath?.trim() || null } });
      setSaved(true);
    } catch (err) {
      report(err);
    }
  }

  const field = (key: 'idmcUrl' | 'mcUrl' | 'storefrontUrl', label: string) => (
    <label className="field wide">
      <span>{label}</span>
      <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <details className="card">
      <summary><strong>{t('settings.kaspi')}</strong></summary>
      <form onSubmit={save}>
        <p className="muted">{t('settings.kaspi.hint')}</p>
        {field('idmcUrl', t('settings.kaspi.idmc'))}
        {field('mcUrl', t('settings.kaspi.mc'))}
        {field('storefrontUrl', t('settings.kaspi.storefront'))}
        <label className="field wide">
          <span>{t('settings.kaspi.browser')}</span>
          <input value={form.browserPath ?? ''} placeholder={t('settings.kaspi.browserAuto')} onChange={(e) => setForm({ ...form, browserPath: e.target.value })} />
        </label>
        <button className="primary" type="submit">{t('common.save')}</button>
        {saved && <span className="ok-text"> {t('common.saved')}</span>}
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </details>
  );
}
