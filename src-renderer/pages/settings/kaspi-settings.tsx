import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings } from '../../../src-shared/contract/settings';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { api } from '../../api/client';
import { useUi } from '../../store/ui-store';

type UrlKey = 'idmcUrl' | 'mcUrl' | 'storefrontUrl';

/**
 * Kaspi's addresses (only https://….kaspi.kz is accepted) and the login browser, which is picked in
 * the system's file dialog, never typed: changing either makes the app ask for the Kaspi password
 * again before it types it anywhere.
 */
export function KaspiSettings({ settings }: { settings: Settings }) {
  const t = useT();
  const [form, setForm] = useState<Pick<Settings['kaspi'], UrlKey>>(settings.kaspi);
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();

  async function act(action: () => Promise<Settings>) {
    clear();
    setSaved(false);
    try {
      useUi.setState({ settings: await action() });
      setSaved(true);
    } catch (err) {
      report(err);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void act(() => api.call('settings.update', { kaspi: { idmcUrl: form.idmcUrl.trim(), mcUrl: form.mcUrl.trim(), storefrontUrl: form.storefrontUrl.trim() } }));
  }

  const field = (key: UrlKey, label: string) => (
    <label className="field wide">
      <span>{label}</span>
      <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`kaspi-${key}`} />
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
        <div className="field wide">
          <span>{t('settings.kaspi.browser')}</span>
          <span className="mono" data-testid="browser-path">{settings.kaspi.browserPath ?? t('settings.kaspi.browserAuto')}</span>
          <div className="toolbar">
            <button type="button" onClick={() => void act(() => api.call('settings.chooseBrowser', {}))} data-testid="choose-browser">{t('settings.kaspi.browserChoose')}</button>
            {settings.kaspi.browserPath && (
              <button type="button" onClick={() => void act(() => api.call('settings.update', { kaspi: { browserPath: null } }))}>{t('settings.kaspi.browserReset')}</button>
            )}
          </div>
        </div>
        <p className="muted">{t('settings.kaspi.passwordAgain')}</p>
        <button className="primary" type="submit">{t('common.save')}</button>
        {saved && <span className="ok-text"> {t('common.saved')}</span>}
        {error && <p className="error" role="alert" data-testid="kaspi-settings-error">{error}</p>}
      </form>
    </details>
  );
}
