import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DemperSettings } from '../../../src-shared/contract/demper';
import { useCall, useCallData, useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

/** What this form edits; the dry-run switch (the page's) and the rest are left as main has them. */
type FormFields = Pick<DemperSettings, 'offersPerSecondPerIp' | 'pushesPerSecond' | 'pushWindowLimit' | 'changePriority' | 'workingHours'>;
const fieldsOf = ({ offersPerSecondPerIp, pushesPerSecond, pushWindowLimit, changePriority, workingHours }: DemperSettings): FormFields => ({
  offersPerSecondPerIp,
  pushesPerSecond,
  pushWindowLimit,
  changePriority,
  workingHours,
});

/**
 * The demper's rates and working hours. Shows the settings as main has them (its 'demper.settings'
 * event keeps them current: the Proxies page's per-IP budget is the same setting) until the seller
 * edits a field; saving sends only these fields, so a dry-run switch flipped meanwhile stays.
 */
export function DemperSettingsForm() {
  const t = useT();
  const stored = useCall('demper.settings.get', {}).data;
  const update = useCallMutation('demper.settings.update');
  const setCallData = useCallData();
  const [edited, setEdited] = useState<FormFields | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();
  if (!stored) return null;
  const form = edited ?? fieldsOf(stored);
  const setForm = (next: FormFields) => {
    setSaved(false);
    setEdited(next);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(false);
    try {
      setCallData('demper.settings.get', {}, await update.mutateAsync(form));
      setEdited(null);
      setSaved(true);
    } catch (err) {
      report(err);
    }
  }
  const num = (key: 'offersPerSecondPerIp' | 'pushesPerSecond' | 'pushWindowLimit', label: string, step: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" step={step} value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} data-testid={`demper-${key}`} />
    </label>
  );
  return (
    <details className="card" data-testid="demper-settings">
      <summary><strong>{t('demper.settings')}</strong></summary>
      <form onSubmit={save}>
        {num('offersPerSecondPerIp', t('demper.offersPerSecond'), '0.5')}
        {num('pushesPerSecond', t('demper.pushesPerSecond'), '0.1')}
        {num('pushWindowLimit', t('demper.windowLimit'), '1')}
        <label className="field">
          <span>{t('demper.changePriority')}</span>
          <select value={form.changePriority} onChange={(e) => setForm({ ...form, changePriority: e.target.value as 'stock' | 'price' })} data-testid="demper-change-priority">
            <option value="stock">{t('demper.changePriority.stock')}</option>
            <option value="price">{t('demper.changePriority.price')}</option>
          </select>
        </label>
        <div className="toolbar">
          <label><input type="checkbox" checked={form.workingHours.enabled} onChange={(e) => setForm({ ...form, workingHours: { ...form.workingHours, enabled: e.target.checked } })} /> {t('demper.workingHours')}</label>
          <label>{t('demper.from')} <input type="time" value={form.workingHours.from} onChange={(e) => setForm({ ...form, workingHours: { ...form.workingHours, from: e.target.value } })} /></label>
          <label>{t('demper.to')} <input type="time" value={form.workingHours.to} onChange={(e) => setForm({ ...form, workingHours: { ...form.workingHours, to: e.target.value } })} /></label>
        </div>
        <button className="primary" type="submit" data-testid="demper-settings-save">{t('common.save')}</button>
        {saved && <span className="ok-text"> {t('common.saved')}</span>}
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </details>
  );
}
