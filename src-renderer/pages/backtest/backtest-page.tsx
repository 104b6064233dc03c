import { useState } from 'react';
import type { BacktestResult, BacktestSide } from '../../../src-shared/contract/backtest';
import { kzDate, kzDay } from '../../../src-shared/domain/kazakhstan-time';
import { STRATEGIES } from '../../../src-shared/domain/rules';
import type { Strategy } from '../../../src-shared/domain/rules';
import { useCall, useCallMutation } from '../../api/use-call';
import { translateError } from '../../i18n/translate';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { tenge } from '../orders/format';
import { roughDuration } from '../products/hold-insight';
import { timeLeftMs } from './time-left';

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
const METRICS: { key: string; value: (s: BacktestSide) => string }[] = [
  { key: 'firstShare', value: (s) => percent(s.firstShare) },
  { key: 'changes', value: (s) => String(s.changes) },
  { key: 'pushesPerDay', value: (s) => String(s.pushesPerDay) },
  { key: 'lowestPrice', value: (s) => tenge(s.lowestPrice) },
  { key: 'marginKept', value: (s) => tenge(s.marginKept) },
  { key: 'blocked', value: (s) => String(s.blockedMinutes) },
];

/** Test a rule set on the recorded market of a period, next to what live did, and apply it. */
export function BacktestPage() {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  const today = kzDay(Date.now());
  const stores = useCall('stores.list', {});
  const [storeId, setStoreId] = useState<number | undefined>();
  const [range, setRange] = useState({ from: kzDate(today - 6), to: kzDate(today) });
  const [strategy, setStrategy] = useState<Strategy | 'current'>('top_n');
  const [position, setPosition] = useState(2);
  const [runId, setRunId] = useState<string | null>(null);
  const [toast, setToast] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const start = useCallMutation('backtest.start', ['backtest.']);
  const cancel = useCallMutation('backtest.cancel', ['backtest.']);
  const apply = useCallMutation('backtest.apply', ['backtest.', 'products.', 'insights.']);
  const run = useCall('backtest.get', { id: runId ?? '' }, { enabled: runId !== null, refetchEveryMs: 1_000 });
  const fail = (e: unknown) => setToast({ kind: 'error', text: translateError(language, e as { code?: string; message: string }) });
  const chosenStore = storeId ?? stores.data?.[0]?.id;

  const onRun = () => {
    setToast(null);
    const rules = strategy === 'current' ? null : { set: strategy === 'top_n' ? { strategy, targetPosition: position } : { strategy }, unset: [] };
    start.mutate({ scope: { storeId: chosenStore }, ...range, rules }, { onSuccess: (r) => setRunId(r.id), onError: fail });
  };
  const current = run.data;

  return (
    <section className="page backtest-page" data-testid="backtest-page">
      <div className="page-head"><h1>{t('nav.backtest')}</h1></div>
      <p className="muted how">{t('backtest.how')}</p>
      <div className="toolbar">
        <label>{t('backtest.store')} <select value={chosenStore ?? ''} onChange={(e) => setStoreId(Number(e.target.value))} data-testid="backtest-store">
          {(stores.data ?? []).map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
        </select></label>
        <label>{t('backtest.from')} <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} data-testid="backtest-from" /></label>
        <label>{t('backtest.to')} <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} data-testid="backtest-to" /></label>
        <label>{t('backtest.rules')} <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy | 'current')} data-testid="backtest-strategy">
          <option value="current">{t('backtest.rules.current')}</option>
          {STRATEGIES.map((s) => <option key={s} value={s}>{t(`products.strategy.${s}`)}</option>)}
        </select></label>
        {strategy === 'top_n' && <label>{t('backtest.position')} <input type="number" min={1} max={50} value={position} onChange={(e) => setPosition(Math.max(1, Number(e.target.value) || 1))} data-testid="backtest-position" /></label>}
        <button type="button" className="primary" disabled={start.isPending || current?.state === 'running' || chosenStore === undefined} onClick={onRun} data-testid="backtest-run">{t('backtest.run')}</button>
      </div>
      {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} onClick={() => setToast(null)} data-testid="backtest-toast">{toast.text}</div>}
      {current?.state === 'running' && (
        <div className="card wide" data-testid="backtest-progress">
          <p>{t('backtest.state.running', { percent: Math.round(current.progress * 100) })}</p>
          <TimeLeft t={t} startedAt={current.startedAt} progress={current.progress} />
          <progress value={current.progress} max={1} />
          <button type="button" onClick={() => cancel.mutate({ id: current.id }, { onError: fail })} data-testid="backtest-cancel">{t('backtest.cancel')}</button>
        </div>
      )}
      {current?.state === 'cancelled' && <p className="muted" data-testid="backtest-cancelled">{t('backtest.state.cancelled')}</p>}
      {current?.state === 'failed' && <p className="error" role="alert">{t('backtest.state.failed')} {current.error && say(current.error)}</p>}
      {current?.state === 'done' && current.result && (
        <Result result={current.result} t={t} canApply={current.rules !== null && current.appliedChangeId === null} applying={apply.isPending}
          onApply={() => apply.mutate({ id: current.id }, { onSuccess: (r) => setToast({ kind: 'ok', text: t('backtest.applied', { n: r.updated, id: r.changeId }) }), onError: fail })} />
      )}
    </section>
  );
}

/** A month of a large catalogue takes minutes: the seller sees about how many are left (the page polls every second). */
function TimeLeft({ t, startedAt, progress }: { t: ReturnType<typeof useT>; startedAt: number; progress: number }) {
  const left = timeLeftMs(startedAt, progress, Date.now());
  return <p className="muted" data-testid="backtest-time-left">{left === null ? t('backtest.state.estimating') : t('backtest.state.timeLeft', { time: roughDuration(t, left) })}</p>;
}

function Result({ result, t, canApply, applying, onApply }: { result: BacktestResult; t: ReturnType<typeof useT>; canApply: boolean; applying: boolean; onApply: () => void }) {
  return (
    <div className="card wide" data-testid="backtest-result">
      <p data-testid="backtest-summary">{t('backtest.summary', { products: result.products, noData: result.noData, invalid: result.invalid.length, violations: result.floorViolations })}</p>
      {result.pairs === 0 && <p className="muted">{t('backtest.noData')}</p>}
      <table className="compare" data-testid="backtest-compare">
        <thead><tr><th>{t('backtest.col.metric')}</th><th>{t('backtest.col.live')}</th><th>{t('backtest.col.backtest')}</th></tr></thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m.key} data-testid={`backtest-metric-${m.key}`}><td>{t(`backtest.metric.${m.key}` as Parameters<typeof t>[0])}</td><td>{m.value(result.live)}</td><td>{m.value(result.backtest)}</td></tr>
          ))}
        </tbody>
      </table>
      {canApply && <button type="button" className="primary" disabled={applying} onClick={onApply} data-testid="backtest-apply">{t('backtest.apply')}</button>}
    </div>
  );
}
