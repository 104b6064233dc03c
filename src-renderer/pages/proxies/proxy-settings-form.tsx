import { useState } from 'react';
import type { ProxyPageSettings } from '../../../src-shared/contract/proxies';
import type { ProxyResetSchedule } from '../../../src-shared/domain/proxy';
import { useCallData, useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

const KINDS = ['never', 'daily', 'weekly', 'interval'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function scheduleOf(kind: ProxyResetSchedule['kind'], current: ProxyResetSchedule): ProxyResetSchedule {
  const hour = 'hour' in current ? current.hour : 0;
  if (kind === 'daily') return { kind, hour };
  if (kind === 'weekly') return { kind, weekday: 'weekday' in current ? current.weekday : 1, hour };
  if (kind === 'interval') return { kind, hours: 'hours' in current ? current.hours : 24 };
  return { kind };
}

/**
 * The per-IP budget, when the counters start over and where the test button sends its request.
 * Shows the stored settings as main has them until the seller edits a field (then their draft).
 */
export function ProxySettingsForm({ settings }: { settings: ProxyPageSettings }) {
  const t = useT();
  const [edited, setEdited] = useState<ProxyPageSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();
  const update = useCallMutation('proxies.settings.update', ['proxies.']);
  const setCallData = useCallData();
  const draft = edited ?? settings;
  const setDraft = (next: ProxyPageSettings) => {
    setSaved(false);
    setEdited(next);
  };
  const schedule = draft.resetSchedule;
  const setSchedule = (next: ProxyResetSchedule) => setDraft({ ...draft, resetSchedule: next });

  async function save() {
    clear();
    setSaved(false);
    try {
      // The direct connection has its own switch on the table: this form never sends it.
      const { allowDirect: _ignored, ...patch } = draft;
      setCallData('proxies.settings.get', {}, await update.mutateAsync(patch));
      setEdited(null);
      setSaved(true);
    } catch (err) {
      report(err);
    }
  }

  return (
    <div className="card" data-testid="proxy-settings">
      <h2>{t('proxies.settings')}</h2>
      <label className="field">
        <span>{t('proxies.budget')}</span>
        <input type="number" min={0.5} max={12} step={0.5} value={draft.offersPerSecond} onChange={(e) => setDraft({ ...draft, offersPerSecond: Number(e.target.value) })} data-testid="proxy-budget" />
        <small className="muted">{t('proxies.budgetHint')}</small>
      </label>
      <div className="proxy-schedule">
        <label className="field">
          <span>{t('proxies.reset')}</span>
          <select value={schedule.kind} onChange={(e) => setSchedule(scheduleOf(e.target.value as ProxyResetSchedule['kind'], schedule))} data-testid="proxy-reset-kind">
            {KINDS.map((kind) => <option key={kind} value={kind}>{t(`proxies.reset.${kind}`)}</option>)}
          </select>
        </label>
        {schedule.kind === 'weekly' && (
          <label className="field">
            <span>{t('proxies.resetWeekday')}</span>
            <select value={schedule.weekday} onChange={(e) => setSchedule({ ...schedule, weekday: Number(e.target.value) })}>
              {WEEKDAYS.map((d) => <option key={d} value={d}>{t(`proxies.weekday.${d}`)}</option>)}
            </select>
          </label>
        )}
        {(schedule.kind === 'daily' || schedule.kind === 'weekly') && (
          <label className="field">
            <span>{t('proxies.resetHour')}</span>
            <input type="number" min={0} max={23} value={schedule.hour} onChange={(e) => setSchedule({ ...schedule, hour: Number(e.target.value) })} data-testid="proxy-reset-hour" />
          </label>
        )}
        {schedule.kind === 'interval' && (
          <label className="field">
            <span>{t('proxies.resetHours')}</span>
            <input type="number" min={1} max={2160} value={schedule.hours} onChange={(e) => setSchedule({ ...schedule, hours: Number(e.target.value) })} />
          </label>
        )}
      </div>
      <label className="field wide">
        <span>{t('proxies.checkUrl')}</span>
        <input type="url" value={draft.healthCheckUrl} onChange={(e) => setDraft({ ...draft, healthCheckUrl: e.target.value })} data-testid="proxy-check-url" />
      </label>
      <div className="actions">
        <button className="primary" onClick={() => void save()} data-testid="proxy-settings-save">{t('proxies.save')}</button>
        {saved && <span className="ok-text">{t('proxies.saved')}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
