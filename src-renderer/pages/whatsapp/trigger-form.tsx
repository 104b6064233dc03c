import { useState } from 'react';
import type { TriggerSettings } from '../../../src-shared/contract/whatsapp';
import { TEMPLATE_VARIABLES } from '../../../src-shared/whatsapp/template';
import { useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import type { MessageKey } from '../../i18n/catalog';
import { useSay, useT } from '../../i18n/use-t';

/**
 * One trigger of a store: on or off, its Russian and Kazakh texts (variables inserted by buttons,
 * checked by main when saved), the language it goes in, its delay and quiet hours, and a preview
 * with one of the store's real orders.
 */
export function TriggerForm({ storeId, trigger }: { storeId: number; trigger: TriggerSettings }) {
  const t = useT();
  const say = useSay();
  const [draft, setDraft] = useState(trigger);
  const [field, setField] = useState<'bodyRu' | 'bodyKk'>('bodyRu');
  const [saved, setSaved] = useState(false);
  const [error, report, clear] = useApiError();
  const update = useCallMutation('whatsapp.trigger.update', ['whatsapp.stores']);
  const preview = useCallMutation('whatsapp.preview');
  const set = (patch: Partial<TriggerSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const save = (patch: Partial<TriggerSettings>) => {
    clear();
    const { trigger: _trigger, ...rest } = { ...draft, ...patch };
    update.mutateAsync({ storeId, trigger: trigger.trigger, patch: rest }).then(() => setSaved(true), report);
  };
  const id = `wa-trigger-${trigger.trigger}`;
  const hint = `wa.triggerHint.${trigger.trigger}` as MessageKey;

  return (
    <div className="card wa-trigger" data-testid={id}>
      <div className="section-head">
        <label>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => { set({ enabled: e.target.checked }); save({ enabled: e.target.checked }); }} data-testid={`${id}-enabled`} />
          <strong>{t(`wa.trigger.${trigger.trigger}`)}</strong>
        </label>
        {t(hint) !== hint && <span className="muted">{t(hint)}</span>}
      </div>
      <div className="form-row">
        <label>{t('wa.language')}{' '}
          <select value={draft.language} onChange={(e) => set({ language: e.target.value as TriggerSettings['language'] })} data-testid={`${id}-language`}>
            {(['ru', 'kk', 'ru_kk'] as const).map((l) => <option key={l} value={l}>{t(`wa.lang.${l}`)}</option>)}
          </select>
        </label>
        <label>{t('wa.delay')} <input type="number" min={0} max={10080} value={draft.delayMinutes} onChange={(e) => set({ delayMinutes: Math.max(0, Math.round(Number(e.target.value) || 0)) })} data-testid={`${id}-delay`} /></label>
        <label>{t('wa.quiet')} <input type="time" value={draft.quietFrom} onChange={(e) => set({ quietFrom: e.target.value })} /></label>
        <label>{t('wa.quietTo')} <input type="time" value={draft.quietTo} onChange={(e) => set({ quietTo: e.target.value })} /></label>
      </div>
      <div className="form-row wa-variables">
        <span className="muted">{t('wa.variables')}</span>
        {TEMPLATE_VARIABLES.map((v) => (
          <button type="button" key={v} className="chip" title={`{${v}}`} onClick={() => set({ [field]: `${draft[field]}{${v}}` })}>{t(`wa.var.${v}`)}</button>
        ))}
      </div>
      <div className="wa-bodies">
        <label>{t('wa.bodyRu')}<textarea rows={4} lang="ru" translate="no" value={draft.bodyRu} onFocus={() => setField('bodyRu')} onChange={(e) => set({ bodyRu: e.target.value })} data-testid={`${id}-ru`} /></label>
        <label>{t('wa.bodyKk')}<textarea rows={4} lang="kk" translate="no" value={draft.bodyKk} onFocus={() => setField('bodyKk')} onChange={(e) => set({ bodyKk: e.target.value })} data-testid={`${id}-kk`} /></label>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={update.isPending} onClick={() => save({})} data-testid={`${id}-save`}>{t('common.save')}</button>
        <button type="button" disabled={preview.isPending} onClick={() => preview.mutate({ storeId, body: draft[field], language: field === 'bodyKk' ? 'kk' : 'ru' })} data-testid={`${id}-preview`}>{t('wa.preview')}</button>
        {saved && <span className="ok-text" data-testid={`${id}-saved`}>{t('wa.saved')}</span>}
      </div>
      {preview.data && (
        <div className="wa-preview" data-testid={`${id}-preview-text`}>
          {preview.data.orderCode && <span className="muted">{t('wa.previewOrder', { code: preview.data.orderCode })}</span>}
          {preview.data.text && <pre className="wa-bubble">{preview.data.text}</pre>}
          {preview.data.problem && <p className="muted">{say(preview.data.problem)}</p>}
        </div>
      )}
      {error && <p className="error" role="alert" data-testid={`${id}-error`}>{error}</p>}
    </div>
  );
}
