import { useEffect, useState } from 'react';
import type { Settings } from '../../../src-shared/contract/settings';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

const KINDS = ['floorReached', 'accountBlocked', 'loginNeeded', 'killSwitch', 'lowReview'] as const;

export function NotificationSettings({ settings }: { settings: Settings }) {
  const t = useT();
  const [shell, setShell] = useState<'electron' | 'headless' | null>(null);
  const [dataDir, setDataDir] = useState<string | null>(null);
  const [error, report] = useApiError();
  useEffect(() => { api.call('system.status', {}).then((s) => { setShell(s.shell); setDataDir(s.dataDir); }, report); }, [report]);

  const save = (patch: { notifications?: Partial<Settings['notifications']>; desktop?: Partial<Settings['desktop']> }) =>
    api.call('settings.update', patch).catch(report);

  return (
    <div className="card" data-testid="notification-settings">
      <strong>{t('settings.notifications')}</strong>
      {KINDS.map((kind) => (
        <div className="form-row" key={kind}>
          <label>
            <input type="checkbox" checked={settings.notifications[kind]} onChange={(e) => void save({ notifications: { [kind]: e.target.checked } })} />
            {t(`settings.notify.${kind}`)}
          </label>
        </div>
      ))}
      {shell === 'headless' && <p className="muted">{t('settings.desktop.headless')}</p>}
      {shell === 'electron' && (
        <>
          <strong>{t('settings.desktop')}</strong>
          <div className="form-row">
            <label><input type="checkbox" checked={settings.desktop.launchAtLogin} onChange={(e) => void save({ desktop: { launchAtLogin: e.target.checked } })} /> {t('settings.desktop.launchAtLogin')}</label>
          </div>
          <div className="form-row">
            <label><input type="checkbox" checked={settings.desktop.minimizeToTray} onChange={(e) => void save({ desktop: { minimizeToTray: e.target.checked } })} /> {t('settings.desktop.minimizeToTray')}</label>
          </div>
          <div className="form-row">
            <label><input type="checkbox" data-testid="prevent-sleep" checked={settings.desktop.preventSleep} onChange={(e) => void save({ desktop: { preventSleep: e.target.checked } })} /> {t('settings.desktop.preventSleep')}</label>
          </div>
        </>
      )}
      {dataDir && <p className="muted">{t('settings.dataDir')}: <span className="mono" data-testid="data-dir">{dataDir}</span></p>}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
