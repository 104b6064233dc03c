import { useQueryClient } from '@tanstack/react-query';
import type { DemperSettings, EngineStatusView } from '../../../src-shared/contract/demper';
import { api } from '../../api/client';
import { callKey } from '../../api/query-client';
import { useCall, useCallData, useStores } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { DecisionFeed } from './decision-feed';
import { DemperSettingsForm } from './demper-settings-form';
import { KillSwitchStop } from './kill-switch-stop';
import { dateLocale } from '../../i18n/date-locale';

type Action = 'start' | 'stop' | 'pause' | 'resume';

export function DemperPage() {
  const t = useT();
  const language = useLanguage();
  // The status comes with main's 'demper.status' events; the stores with 'stores.changed' (query-client.ts).
  const status = useCall('demper.status', {}).data ?? null;
  const settings = useCall('demper.settings.get', {}).data ?? null;
  const stores = useStores();
  const setCallData = useCallData();
  const client = useQueryClient();
  const [error, report, clear] = useApiError();
  const setStatus = (next: EngineStatusView) => setCallData('demper.status', {}, next);
  const setSettings = (next: DemperSettings) => setCallData('demper.settings.get', {}, next);
  const loadStores = () => client.invalidateQueries({ queryKey: callKey('stores.list', {}) });

  async function act(run: () => Promise<unknown>) {
    clear();
    try { await run(); } catch (err) { report(err); }
  }
  const control = (action: Action, storeId?: number) => act(async () => {
    // The store switch answers at once; the list is re-read (and corrected) after main confirms.
    if (storeId !== undefined) setCallData('stores.list', {}, (list) => list?.map((s) => (s.id === storeId ? { ...s, botEnabled: action === 'start' || action === 'resume' } : s)));
    try {
      setStatus(await api.call('demper.control', { action, storeId }));
    } finally {
      if (storeId !== undefined) void loadStores();
    }
  });
  const setDryRun = (dryRun: boolean) => act(async () => {
    if (settings) setSettings({ ...settings, dryRun });
    try {
      setSettings(await api.call('demper.settings.update', { dryRun }));
    } catch (err) {
      // Refused: show the switch as main has it.
      void client.invalidateQueries({ queryKey: callKey('demper.settings.get', {}) });
      throw err;
    }
  });

  const time = (ms: number) => new Date(ms).toLocaleTimeString(dateLocale(language));
  const state = status?.state ?? 'stopped';
  const live = new Map(status?.stores.map((s) => [s.storeId, s]));
  const coolingLanes = status?.lanes.filter((l) => l.cooldownUntil > Date.now()).length ?? 0;
  return (
    <section className="page" data-testid="demper-page">
      <div className="page-head">
        <h1>{t('nav.demper')} <span className={`badge state-${state}`} data-testid="demper-state">{t(`demper.state.${state}`)}</span></h1>
        <div className="actions">
          {state === 'stopped' && <button className="primary" onClick={() => void control('start')} data-testid="demper-start">{t('demper.start')}</button>}
          {state === 'running' && <button onClick={() => void control('pause')}>{t('demper.pause')}</button>}
          {state === 'paused' && <button className="primary" onClick={() => void control('resume')}>{t('demper.resume')}</button>}
          {state !== 'stopped' && <button onClick={() => void control('stop')} data-testid="demper-stop">{t('demper.stop')}</button>}
        </div>
      </div>
      {settings && (
        <div className={`card mode ${settings.dryRun ? 'mode-dry' : 'mode-live'}`}>
          <label>
            <input type="checkbox" checked={settings.dryRun} onChange={(e) => void setDryRun(e.target.checked)} data-testid="dry-run" /> {t('demper.dryRun')}
          </label>
          <strong data-testid="demper-mode">{settings.dryRun ? t('demper.dryRunOn') : t('demper.live')}</strong>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {status && state !== 'stopped' && (
        <div className="card">
          <div className="progress" role="progressbar" aria-valuenow={status.cycle.done} aria-valuemax={status.cycle.total}>
            <div className="bar" style={{ width: `${status.cycle.total ? Math.round((100 * status.cycle.done) / status.cycle.total) : 0}%` }} />
            <span>{t('demper.cycle', { number: status.cycle.number, done: status.cycle.done, total: status.cycle.total })}</span>
          </div>
          <p className="muted">{t('demper.counters', status.counters)}</p>
          <p className="muted">{t('demper.pairs', status.pairs)}</p>
          {coolingLanes > 0 && <p className="muted">{t('demper.lanes', { n: coolingLanes })}</p>}
        </div>
      )}
      <h2>{t('demper.stores')}</h2>
      {stores.length === 0 && <div className="empty-state">{t('demper.noStores')}</div>}
      {stores.map((store) => {
        const s = live.get(store.id);
        return (
          <div className="card" key={store.id} data-testid={`demper-store-${store.merchantUid}`}>
            <div className="store-head">
              <strong>{store.name}</strong>
              <label>
                <input type="checkbox" checked={store.botEnabled} onChange={(e) => void control(e.target.checked ? 'start' : 'stop', store.id)} data-testid="store-bot" />
                {store.botEnabled ? t('demper.storeOn') : t('demper.storeOff')}
              </label>
            </div>
            <BudgetUsers storeId={store.id} />
            {s && (
              <>
                {s.killSwitch && (
                  <KillSwitchStop stop={s.killSwitch} onContinue={(only) => void act(async () => setStatus(await api.call('demper.resetKillSwitch', { storeId: store.id, only })))} />
                )}
                {s.blockedUntil > Date.now() && <p className="error">{t('demper.blockedUntil', { time: time(s.blockedUntil) })}</p>}
                {s.sessionExpired && <p className="error">{t('demper.sessionExpired')}</p>}
                <p className="muted">{t('demper.pushesLeft', { left: s.pushesLeftInWindow })} · {t('demper.queued', { n: s.queuedPushes })}</p>
                {s.lastError && <p className="muted">{t('demper.lastError', { message: s.lastError.message })}</p>}
              </>
            )}
          </div>
        );
      })}
      <DemperSettingsForm />
      <h2>{t('demper.decisions')}</h2>
      <DecisionFeed cityName={(storeId, cityId) => stores.find((s) => s.id === storeId)?.cities.find((c) => c.id === cityId)?.name ?? cityId} />
    </section>
  );
}

/** Both users of the account's change budget (issue #16), shown whether the demper runs or not. */
function BudgetUsers({ storeId }: { storeId: number }) {
  const t = useT();
  // The demper's own pushes change it without an event of their own: read again every 5 s while shown.
  const budget = useCall('preorders.budget', {}, { refetchEveryMs: 5_000 });
  const mine = budget.data?.find((b) => b.storeId === storeId);
  if (!mine) return null;
  return <p className="muted" data-testid={`budget-users-${storeId}`}>{t('preorders.budget', { price: mine.price, stock: mine.stock, limit: mine.limit })}</p>;
}
