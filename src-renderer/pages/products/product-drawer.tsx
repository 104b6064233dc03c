import { useCallback, useEffect, useMemo, useState } from 'react';
import { reason as reasonSchema } from '../../../src-shared/domain/decision';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { floorPrice } from '../../../src-shared/domain/rules';
import { decide, reasonMessage } from '../../../src-shared/pricing';
import { useCall } from '../../api/use-call';
import { PriceChart } from '../../components/price-chart';
import type { PricePoint } from '../../components/price-chart';
import { dateLocale } from '../../i18n/date-locale';
import { translateError } from '../../i18n/translate';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dateTime, strategyLabels, tenge } from './format';
import { historySeries } from './history-series';
import { HoldInsight } from './hold-insight';
import { ProductRivals } from '../insights/product-rivals';

const RANGES = { day: 1, week: 7, month: 30 } as const;
type Range = keyof typeof RANGES;

export interface ProductDrawerProps {
  productId: number;
  stores: readonly StoreSummary[];
  onClose: () => void;
}

/** One product up close: the market per city, the price history, every change and what the bot would do now. */
export function ProductDrawer({ productId, stores, onClose }: ProductDrawerProps) {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  const [range, setRange] = useState<Range>('week');
  // Read again when main's row delta names this product (a new look at the storefront, a push) or its rules change (product-rows.ts, query-client.ts).
  const detailCall = useCall('products.detail', { productId, historyDays: RANGES[range] }, { keepPrevious: true });
  const insightCall = useCall('demper.insight', { productId });
  const detail = detailCall.data ?? null;
  const insight = insightCall.data ?? null;
  const failure = detailCall.error ?? insightCall.error;
  const error = failure ? translateError(language, failure) : null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const store = stores.find((s) => s.id === detail?.product.storeId);
  const cityName = useCallback((id: string) => store?.cities.find((c) => c.id === id)?.name ?? id, [store]);
  const labels = useMemo(() => strategyLabels(t), [t]);
  const floor = detail?.rules ? floorPrice(detail.rules.floor) : null;
  const ceiling = detail?.rules?.ceiling ?? null;

  const [city, setCity] = useState<string | null>(null);
  const chartCity = city ?? detail?.markets[0]?.cityId ?? detail?.history[0]?.cityId ?? null;
  const points = useMemo<PricePoint[]>(
    () => (detail && chartCity ? historySeries(detail, chartCity, { floor, ceiling }, Date.now()) : []),
    [detail, chartCity, floor, ceiling],
  );

  // The same decide() the engine runs, with what the engine has learnt here: the approach it would take.
  const previews = useMemo(() => {
    if (!detail?.rules || !store) return [];
    const rules = detail.rules;
    return detail.markets.map((m) => {
      const learnt = insight?.cities.find((c) => c.cityId === m.cityId);
      const decision = decide({
        rules,
        our: { merchantId: store.merchantUid, price: m.ourPrice },
        ownMerchantIds: detail.ownMerchantIds,
        offers: m.offers,
        guard: { lastChangeAt: null, changesToday: 0, warRivals: learnt?.warRivals ?? [] },
        knowledge: learnt?.knowledge,
        now: Date.now(),
      });
      return { cityId: m.cityId, action: decision.action, text: say(reasonMessage(decision.reason)), approach: decision.reason.approach };
    });
  }, [detail, store, say, insight]);
  const rivalName = useCallback(
    (merchantId: string) => detail?.markets.flatMap((m) => m.offers).find((o) => o.merchantId === merchantId)?.merchantName ?? merchantId,
    [detail],
  );

  const time = (ms: number) => new Date(ms).toLocaleString(dateLocale(language), range === 'day' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit' });

  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="product-drawer">
      <header className="drawer-head">
        <div>
          <h2 id="drawer-title" translate="no">{detail?.product.title ?? '…'}</h2>
          {detail && <p className="muted mono">{detail.product.sku}{store ? ` · ${store.name}` : ''}</p>}
        </div>
        <button type="button" className="link" onClick={onClose} aria-label={t('products.close')} data-testid="drawer-close">✕</button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {detail && (
        <>
          <section className="drawer-section">
            <h3>{t('products.drawer.rules')}</h3>
            {detail.rules ? (
              <p data-testid="drawer-rules">
                {t('products.drawer.rulesLine', { floor: tenge(floor), ceiling: ceiling === null ? t('products.noCeiling') : tenge(ceiling), strategy: labels[detail.rules.strategy] })}
              </p>
            ) : <p className="error" role="alert">{detail.rulesError && say(detail.rulesError)}</p>}
          </section>

          <section className="drawer-section">
            <h3>{t('products.drawer.preview')}</h3>
            {previews.length === 0 && <p className="muted">{detail.rules ? t('products.drawer.noMarket') : t('products.drawer.noRules')}</p>}
            <ul className="preview-list" data-testid="decision-preview">
              {previews.map((p) => <li key={p.cityId}><strong>{cityName(p.cityId)}:</strong> {p.text}</li>)}
            </ul>
          </section>

          <section className="drawer-section" data-testid="hold-insight">
            <h3>{t('products.drawer.hold')}</h3>
            {(insight?.cities.length ?? 0) === 0 && <p className="muted">{t('products.drawer.notPriced')}</p>}
            {insight?.cities.map((c) => (
              <HoldInsight key={c.cityId} t={t} city={cityName(c.cityId)} insight={c} approach={previews.find((p) => p.cityId === c.cityId)?.approach ?? null} rivalName={rivalName} />
            ))}
          </section>

          <ProductRivals productId={detail.product.id} />

          <section className="drawer-section">
            <h3>{t('products.drawer.market')}</h3>
            {detail.markets.length === 0 && <p className="muted">{t('products.drawer.noMarket')}</p>}
            {detail.markets.map((m) => (
              <div key={m.cityId} className="market" data-testid={`market-${m.cityId}`}>
                <h4><span translate="no">{cityName(m.cityId)}</span> <small className="muted">{dateTime(m.takenAt, language)}</small></h4>
                <table className="table compact">
                  <thead><tr><th>{t('products.col.position')}</th><th>{t('products.drawer.seller')}</th><th>{t('products.drawer.price')}</th><th>{t('products.drawer.rating')}</th><th>{t('products.drawer.delivery')}</th></tr></thead>
                  <tbody>
                    {m.offers.map((o, i) => {
                      const own = detail.ownMerchantIds.includes(o.merchantId);
                      return (
                        <tr key={o.merchantId} className={own ? 'own' : undefined}>
                          <td className="num">{i + 1}</td>
                          <td>{o.merchantName}{own && <span className="badge">{t('products.drawer.you')}</span>}</td>
                          <td className="num">{tenge(o.price)}</td>
                          <td className="num">{o.rating === null ? '—' : `${o.rating.toFixed(1)} (${o.reviewsCount ?? 0})`}</td>
                          <td>{o.deliveryDuration ? t(`products.delivery.${o.deliveryDuration}`) : '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ))}
          </section>

          <section className="drawer-section">
            <div className="section-head">
              <h3>{t('products.drawer.history')}</h3>
              <div className="segmented" role="group" aria-label={t('products.drawer.range')}>
                {(Object.keys(RANGES) as Range[]).map((r) => (
                  <button key={r} type="button" aria-pressed={range === r} className={range === r ? 'active' : undefined} onClick={() => setRange(r)} data-testid={`range-${r}`}>{t(`products.range.${r}`)}</button>
                ))}
              </div>
              {detail.markets.length > 1 && (
                <select aria-label={t('products.drawer.city')} value={chartCity ?? ''} onChange={(e) => setCity(e.target.value)}>
                  {detail.markets.map((m) => <option key={m.cityId} value={m.cityId} translate="no">{cityName(m.cityId)}</option>)}
                </select>
              )}
            </div>
            {points.length === 0
              ? <p className="muted">{t('products.drawer.noHistory')}</p>
              : <PriceChart points={points} formatTime={time} labels={{ our: t('products.chart.our'), rival: t('products.chart.rival'), floor: t('products.chart.floor'), ceiling: t('products.chart.ceiling') }} />}
          </section>

          <section className="drawer-section">
            <h3>{t('products.drawer.journal')}</h3>
            {detail.journal.length === 0 && <p className="muted">{t('products.drawer.noJournal')}</p>}
            <ol className="journal" data-testid="product-journal">
              {detail.journal.map((j) => {
                const parsed = reasonSchema.safeParse(j.reason);
                return (
                  <li key={j.id} className={`journal-${j.status}`}>
                    <span className="muted">{dateTime(j.createdAt, language)} · {cityName(j.cityId)} · {t(`products.status.${j.status}`)}</span>
                    <span>{parsed.success ? say(reasonMessage(parsed.data)) : `${tenge(j.oldPrice)} → ${tenge(j.newPrice)}`}</span>
                    {j.error && <span className="error">{j.error}</span>}
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
    </aside>
  );
}
