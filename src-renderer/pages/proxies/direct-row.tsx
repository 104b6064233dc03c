import type { DirectRow } from '../../../src-shared/contract/proxies';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { checkText, statsLines, statusText } from './proxy-format';

/** The seller's own IP is a lane like any proxy; here it can be allowed or forbidden. */
export function DirectTableRow({ direct, testing, onAllow, onTest }: { direct: DirectRow; testing: boolean; onAllow(allowed: boolean): void; onTest(): void }) {
  const t = useT();
  const language = useLanguage();
  const lines = direct.stats ? statsLines(t, language, direct.stats) : null;
  return (
    <tr data-testid="direct-row" className="proxy-direct">
      <td><strong>{t('proxies.direct')}</strong></td>
      <td>
        <span className={`badge proxy-${direct.status ?? 'disabled'}`} data-testid="proxy-status">
          {direct.status ? statusText(t, language, direct.status, direct.availableAt) : t('proxies.status.disabled')}
        </span>
      </td>
      <td className="muted">{direct.allowed ? t('proxies.shared') : t('proxies.directForbidden')}</td>
      <td className="proxy-stats">
        {lines && <><div>{lines[0]}</div><small className="muted">{lines[1]}</small></>}
        {direct.stats?.lastError && <small className="error">{t('proxies.lastError', { message: direct.stats.lastError })}</small>}
      </td>
      <td data-testid="proxy-check" className={direct.lastCheck && !direct.lastCheck.ok ? 'error' : undefined}>{checkText(t, direct.lastCheck)}</td>
      <td>
        <div className="proxy-actions">
          <label>
            <input type="checkbox" checked={direct.allowed} onChange={(e) => onAllow(e.target.checked)} data-testid="direct-allowed" /> {t('proxies.directAllow')}
          </label>
          <button onClick={onTest} disabled={testing} data-testid="direct-test">{testing ? t('proxies.testing') : t('proxies.test')}</button>
        </div>
      </td>
    </tr>
  );
}
