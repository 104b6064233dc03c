import type { EngineStatusView } from '../../../src-shared/contract/demper';
import { DROP_ANOMALIES } from '../../../src-shared/domain/decision';
import { formatTenge } from '../../../src-shared/pricing';
import { useT } from '../../i18n/use-t';

type Stop = NonNullable<EngineStatusView['stores'][number]['killSwitch']>;

const SHOWN_MOVES = 8;

export interface KillSwitchStopProps {
  stop: Stop;
  /** Continue with every product, or only with those that did not trip it. */
  onContinue: (only: 'all' | 'untripped') => void;
}

/** Why the kill switch stopped the store, with which products and rivals, and the two ways on. */
export function KillSwitchStop({ stop, onContinue }: KillSwitchStopProps) {
  const t = useT();
  const rival = stop.rivals[0];
  return (
    <div className="confirm kill-switch" role="alert" data-testid="kill-switch-stop">
      <strong>{t('demper.stop.title')}</strong>
      <p data-testid="kill-switch-cause">
        {stop.cause === 'one_rival' && rival
          ? t('demper.stop.oneRival', { rival: rival.name ?? rival.merchantId, moves: rival.moves })
          : t('demper.stop.manySuspect', { suspect: stop.suspect, considered: stop.considered })}
      </p>
      <ul className="muted">
        {DROP_ANOMALIES.filter((a) => stop.byAnomaly[a]).map((a) => (
          <li key={a}>{t(`demper.anomaly.${a}`)}: {stop.byAnomaly[a]}</li>
        ))}
      </ul>
      <ul className="stop-moves" data-testid="kill-switch-moves">
        {stop.moves.slice(0, SHOWN_MOVES).map((m) => (
          <li key={`${m.productId}:${m.cityId}`}>
            {t('demper.stop.move', {
              sku: m.sku,
              rival: m.rivalName ?? m.rivalId ?? '—',
              rivalPrice: m.rivalPrice === null ? '—' : formatTenge(m.rivalPrice),
              oldPrice: formatTenge(m.oldPrice),
              newPrice: formatTenge(m.newPrice),
            })}
          </li>
        ))}
        {stop.productIds.length > SHOWN_MOVES && <li className="muted">{t('demper.stop.more', { n: stop.productIds.length - SHOWN_MOVES })}</li>}
      </ul>
      <p className="muted">{t('demper.stop.hint')}</p>
      <div className="actions">
        <button onClick={() => onContinue('all')} data-testid="kill-switch-continue">{t('demper.stop.continue')}</button>
        <button onClick={() => onContinue('untripped')} data-testid="kill-switch-continue-untripped">{t('demper.stop.continueUntripped', { n: stop.productIds.length })}</button>
      </div>
    </div>
  );
}
