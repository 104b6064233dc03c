import { useMemo, useState } from 'react';
import type { ProductTableRow } from '../../../src-shared/contract/products';
import { STRATEGIES } from '../../../src-shared/domain/rules';
import { useT } from '../../i18n/use-t';
import { problemText, strategyLabels } from './format';
import { checkDraft, hasErrors, isEmpty } from './rule-input';
import type { CheckedDraft, DraftField, RuleDraft } from './rule-input';

export interface SaveOutcome {
  /** Errors per field (main's, already in words), shown at the field. */
  fieldErrors?: Partial<Record<string, string>>;
  message?: string;
}

export interface BulkEditProps {
  /** How many products are selected (the table may hold only some of them at hand). */
  count: number;
  /** The selected rows at hand: their floors and ceilings are checked before anything is sent. */
  rows: readonly ProductTableRow[];
  onApply: (checked: CheckedDraft) => Promise<SaveOutcome | null>;
  onBot: (enabled: boolean) => Promise<string | null>;
  onClear: () => void;
}

const FIELDS: DraftField[] = ['floor', 'ceiling', 'step', 'strategy'];

/** Rules for a selection: only filled fields change; all selected products change or none does. */
export function BulkEdit({ count, rows, onApply, onBot, onClear }: BulkEditProps) {
  const t = useT();
  const labels = useMemo(() => strategyLabels(t), [t]);
  const [draft, setDraft] = useState<Record<DraftField, string>>({ floor: '', ceiling: '', step: '', strategy: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const touched = (): RuleDraft => Object.fromEntries(FIELDS.filter((f) => draft[f].trim() !== '').map((f) => [f, draft[f]]));

  const apply = async () => {
    setMessage(null);
    const checked = checkDraft(touched(), rows, labels);
    if (hasErrors(checked)) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([f, p]) => [f, problemText(t, p)])));
      return;
    }
    if (isEmpty(checked)) { setMessage(t('products.bulk.nothing')); return; }
    setBusy(true);
    const outcome = await onApply(checked).finally(() => setBusy(false));
    if (outcome) {
      setErrors(outcome.fieldErrors ?? {});
      setMessage(outcome.message ?? null);
    } else {
      setErrors({});
      setDraft({ floor: '', ceiling: '', step: '', strategy: '' });
      setMessage(t('products.bulk.saved', { count }));
    }
  };

  const bot = async (enabled: boolean) => {
    setBusy(true);
    const problem = await onBot(enabled).finally(() => setBusy(false));
    setMessage(problem ?? t(enabled ? 'products.bulk.botOn' : 'products.bulk.botOff', { count }));
  };

  return (
    <section className="bulk-edit" aria-label={t('products.bulk.title', { count })} data-testid="bulk-edit">
      <header>
        <strong>{t('products.bulk.title', { count })}</strong>
        <button type="button" className="link" onClick={onClear}>{t('products.bulk.clear')}</button>
      </header>
      <div className="bulk-fields">
        {FIELDS.map((f) => (
          <label key={f} className="field">
            <span>{t(`products.field.${f}`)}</span>
            <input
              value={draft[f]}
              list={f === 'strategy' ? 'products-bulk-strategies' : undefined}
              placeholder={t(`products.bulk.placeholder.${f}`)}
              aria-invalid={errors[f] ? true : undefined}
              data-testid={`bulk-${f}`}
              onChange={(e) => { setDraft({ ...draft, [f]: e.target.value }); setErrors({ ...errors, [f]: undefined }); }}
            />
            {errors[f] && <span className="field-error" role="alert" data-testid={`bulk-${f}-error`}>{errors[f]}</span>}
          </label>
        ))}
        <datalist id="products-bulk-strategies">{STRATEGIES.map((s) => <option key={s} value={labels[s]} />)}</datalist>
      </div>
      <div className="bulk-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void apply()} data-testid="bulk-apply">{t('products.bulk.apply')}</button>
        <button type="button" disabled={busy} onClick={() => void bot(true)} data-testid="bulk-bot-on">{t('products.bulk.enableBot')}</button>
        <button type="button" disabled={busy} onClick={() => void bot(false)} data-testid="bulk-bot-off">{t('products.bulk.disableBot')}</button>
      </div>
      {errors.botEnabled && <p className="error" role="alert">{errors.botEnabled}</p>}
      {message && <p className="bulk-message" role="status" data-testid="bulk-message">{message}</p>}
    </section>
  );
}
