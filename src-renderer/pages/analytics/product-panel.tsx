import { useEffect } from 'react';
import type { AnalyticsScope } from '../../../src-shared/contract/analytics';
import { useCall } from '../../api/use-call';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dayLabel, kzDateTime, tenge } from '../orders/format';
import { RevenueChart } from './revenue-chart';

/** One product over the range: its sales next to its first-place share, and what followed each price change. */
export function ProductPanel({ scope, productId, name, cityName, onClose }: { scope: AnalyticsScope; productId: number; name: string; cityName: (id: string) => string; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { data } = useCall('analytics.product', { scope: { ...scope, productId } });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="drawer" role="dialog" aria-label={name} data-testid="analytics-product">
      <div className="drawer-head">
        <h2>{t('analytics.product.title', { name })}</h2>
        <button type="button" onClick={onClose}>{t('analytics.product.close')}</button>
      </div>
      {data && (
        <>
          <section className="drawer-section">
            <h3>{t('analytics.product.daily')}</h3>
            <RevenueChart
              points={data.daily.map((d) => ({ period: d.period, value: d.units, firstShare: d.firstShare }))}
              labels={{ value: t('analytics.chart.units'), firstShare: t('analytics.chart.firstShare') }}
              money={false}
              formatPeriod={(p) => dayLabel(p, language)}
              testId="analytics-product-chart"
            />
          </section>
          <section className="drawer-section">
            <h3>{t('analytics.product.changes')}</h3>
            {data.changes.length === 0 ? <p className="muted">{t('analytics.product.noChanges')}</p> : (
              <ul className="journal" data-testid="analytics-product-changes">
                {data.changes.map((c, i) => (
                  <li key={i}>{t('analytics.product.change', { time: kzDateTime(c.at, language), from: tenge(c.oldPrice), to: tenge(c.newPrice), city: cityName(c.cityId), before: c.unitsBefore, after: c.unitsAfter })}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
