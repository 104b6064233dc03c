import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { DemperSettings } from '../../../src-shared/contract/demper';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

export function DemperSettingsForm() {
  const t = useT();
  const [form, setForm] = useState<DemperSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();
  useEffect(() => { api.call('demper.settings.get', {}).then(setForm, report); }, [report]);
  if (!form) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(false);
    try {
      setForm(await api.call('demper.settings.update', form!));
      setSaved(true);
    } catch (err) {
      report(err);
    }
  }
  const num = (key: 'offersPerSecondPerIp' | 'pushesPerSecond' | 'pushWindowLimit', label: string, step: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" step={step} value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} />
    </label>
  );
  return (
    <details className="card">
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
        <button className="primary" type="submit">{t('common.save')}</button>
        {saved && <span className="ok-text"> {t('common.saved')}</span>}
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </details>
  );
}
