import type { Settings } from '../../../src-shared/contract/settings';
import { LanguageSwitch } from '../../components/language-switch';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../store/ui-store';
import { BackupSettings } from './backup-settings';
import { KaspiSettings } from './kaspi-settings';
import { NotificationSettings } from './notification-settings';
import { UpdateSettings } from './update-settings';

const THEMES: Array<Settings['theme']> = ['light', 'dark', 'system'];

export function SettingsPage() {
  const t = useT();
  const settings = useUi((state) => state.settings);
  const update = useUi((state) => state.update);
  return (
    <section className="page" data-testid="settings-page">
      <h1>{t('nav.settings')}</h1>
      <div className="card">
        <strong>{t('settings.appearance')}</strong>
        <div className="form-row"><LanguageSwitch /></div>
        <div className="form-row">
          <label>
            <span>{t('theme.label')}</span>
            <select value={settings?.theme ?? 'system'} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })} data-testid="theme-switch">
              {THEMES.map((theme) => <option key={theme} value={theme}>{t(`theme.${theme}`)}</option>)}
            </select>
          </label>
        </div>
      </div>
      {settings && <NotificationSettings settings={settings} />}
      {settings && <UpdateSettings settings={settings} />}
      {settings && <KaspiSettings key={JSON.stringify(settings.kaspi)} settings={settings} />}
      <BackupSettings />
    </section>
  );
}
