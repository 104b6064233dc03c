import type { Settings } from '../../../src-shared/contract/settings';
import type { UpdateChannel, UpdateStatus } from '../../../src-shared/contract/updates';
import { api } from '../../api/client';
import { useCall, useCallData } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';

const CHANNELS: UpdateChannel[] = ['stable', 'beta'];

/** The desktop app's updates: where they stand, the channel, check now. */
export function UpdateSettings({ settings }: { settings: Settings }) {
  const t = useT();
  const say = useSay();
  const status = useCall('updates.status', {}).data ?? null;
  const setCallData = useCallData();
  const showUpdate = (next: UpdateStatus) => setCallData('updates.status', {}, next);
  const desktop = useCall('system.status', {}).data?.shell === 'electron';
  const [error, report] = useApiError();
  if (!status) return null;

  const line = t(`settings.updates.state.${status.state}`, {
    current: status.currentVersion,
    version: status.version ?? '',
    percent: status.percent ?? 0,
    message: status.message ? say(status.message) : '',
  });
  return (
    <div className="card" data-testid="update-settings">
      <strong>{t('settings.updates')}</strong>
      <p className="muted" data-testid="update-state">{line}</p>
      {desktop && (
        <>
          <div className="form-row">
            <label>
              <span>{t('settings.updates.channel')}</span>
              <select data-testid="update-channel" value={settings.updates.channel} onChange={(e) => void api.call('settings.update', { updates: { channel: e.target.value as UpdateChannel } }).catch(report)}>
                {CHANNELS.map((channel) => <option key={channel} value={channel}>{t(`settings.updates.${channel}`)}</option>)}
              </select>
            </label>
            <button data-testid="update-check" disabled={status.state === 'unsupported' || status.state === 'checking'} onClick={() => void api.call('updates.check', {}).then(showUpdate, report)}>
              {t('settings.updates.check')}
            </button>
          </div>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
