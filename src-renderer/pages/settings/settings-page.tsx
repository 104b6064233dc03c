import type { Settings } from '../../../src-shared/contract/settings';
import { LanguageSwitch } from '../../components/language-switch';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../store/ui-store';

const THEMES: Array<Settings['theme']> = ['light', 'dark', 'system'];

export function SettingsPage() {
  const t = useT();
  const settings = useUi((state) => state.settings);
  const update = useUi((state) => state.update);
  return (
    <section className="page">
      <h1>{t('nav.settings')}</h1>
      <div className="form-row"><LanguageSwitch /></div>
      <div className="form-row">
        <label>
          <span>{t('theme.label')}</span>
          <select value={settings?.theme ?? 'system'} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}>
            {THEMES.map((theme) => <option key={theme} value={theme}>{t(`theme.${theme}`)}</option>)}
          </select>
        </label>
      </div>
    </section>
  );
}
