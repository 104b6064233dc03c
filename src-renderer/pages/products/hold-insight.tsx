import type { PairInsight } from '../../../src-shared/contract/demper';
import type { Approach } from '../../../src-shared/domain/decision';
import { tenge } from './format';
import type { T } from './format';

/** "~40 min", "~2 h", "~20 s": how long, roughly. */
export function roughDuration(t: T, ms: number): string {
  if (ms < 90_000) return t('products.duration.seconds', { n: Math.max(1, Math.round(ms / 1000)) });
  if (ms < 90 * 60_000) return t('products.duration.minutes', { n: Math.round(ms / 60_000) });
  return t('products.duration.hours', { n: Math.round(ms / 3_600_000) });
}

export interface HoldInsightProps {
  t: T;
  city: string;
  insight: PairInsight;
  /** The approach the engine's decision would take now (the drawer's preview), null when there is none. */
  approach: Approach | null;
  rivalName: (merchantId: string) => string;
}

/** What the engine has learnt for one city: how long first place holds here, the approach it takes, each rival's floor and speed. */
export function HoldInsight({ t, city, insight, approach, rivalName }: HoldInsightProps) {
  return (
    <div className="hold-insight" data-testid={`hold-${insight.cityId}`}>
      <p>
        <strong>{city}:</strong> {t('products.drawer.holdEstimate', { duration: roughDuration(t, insight.holdMs) })}{' '}
        <span className="muted">{insight.holdLosses > 0 ? t('products.drawer.holdLearnt', { n: insight.holdLosses }) : t('products.drawer.holdPrior')}</span>
      </p>
      <p data-testid={`approach-${insight.cityId}`}>{t(`products.drawer.approach.${approach ?? 'none'}`)}</p>
      {insight.rivals.length > 0 && (
        <ul className="rival-insight">
          {insight.rivals.map((r) => (
            <li key={r.merchantId}>
              {rivalName(r.merchantId)} — {tenge(r.price)};{' '}
              {r.floor.sure ? t('products.drawer.rivalFloorSure', { price: tenge(r.floor.price) }) : t('products.drawer.rivalFloorBound', { price: tenge(r.floor.price) })}
              {r.answerMs !== null && <>; {t('products.drawer.rivalAnswers', { duration: roughDuration(t, r.answerMs) })}</>}
              {r.war && <>; <span className="badge">{t('products.drawer.rivalWar')}</span></>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
