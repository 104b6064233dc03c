import { LANGUAGES } from '../../src-shared/contract/settings';
import type { Language } from '../../src-shared/contract/settings';
import { useT } from '../i18n/use-t';
import { useLanguage, useUi } from '../store/ui-store';

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const update = useUi((state) => state.update);
  return (
    <label className="language-switch">
      <span>{t('lang.label')}</span>
      <select
        data-testid="language-switch"
        value={language}
        onChange={(event) => void update({ language: event.target.value as Language })}
      >
        {LANGUAGES.map((code) => (
          // Each language by its own name, whatever the page's language.
          <option key={code} value={code} lang={code} translate="no">{t(`lang.${code}`)}</option>
        ))}
      </select>
    </label>
  );
}
