import { useState } from 'react';
import type { CallOutput } from '../../../src-shared/contract';
import type { ProductInsightDto } from '../../../src-shared/contract/insights';
import { APPLICABLE_RECOMMENDATIONS } from '../../../src-shared/contract/insights';
import { useCall, useCallMutation } from '../../api/use-call';
import { VirtualTable } from '../../components/virtual-table';
import type { Column } from '../../components/virtual-table';
import { translateError } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { tenge } from '../orders/format';
import { withData, worthText } from './rival-format';

type Recommendation = CallOutput<'insights.products'>['recommendations'][number];
const applicable = (kind: Recommendation['kind']): kind is (typeof APPLICABLE_RECOMMENDATIONS)[number] => (APPLICABLE_RECOMMENDATIONS as readonly string[]).includes(kind);

/** The Insights page's product half: recommendations with their one-click apply, and every product's insight. */
export function ProductInsights() {
  const t = useT();
  const language = useLanguage();
  const data = useCall('insights.products', {}, { keepPrevious: true });
  const apply = useCallMutation('insights.apply', ['insights.', 'products.', 'journal.']);
  // Kept as what happened, not as text, so it reads in the language shown now.
  const [toast, setToast] = useState<{ kind: 'ok'; updated: number; changeId: number } | { kind: 'error'; error: { code?: string; message: string } } | null>(null);
  if (data.error) return <p className="error" role="alert">{translateError(language, data.error as { code?: string; message: string })}</p>;
  if (!data.data) return <progress aria-label={t('common.loading')} />;
  const { products, recommendations, salesDays } = data.data;
  const byId = new Map(products.map((p) => [p.productId, p]));

  const run = (r: Recommendation) => {
    if (!applicable(r.kind)) return;
    apply.mutate({ kind: r.kind, productIds: r.productIds, merchantId: r.merchant?.merchantId }, {
      onSuccess: (done) => setToast({ kind: 'ok', ...done }),
      onError: (e) => setToast({ kind: 'error', error: e as { code?: string; message: string } }),
    });
  };
  const skus = (ids: readonly number[]) => ids.map((id) => byId.get(id)?.sku ?? id).join(', ');
  /** What the recommendation says, with its evidence. */
  const describe = (r: Recommendation) => {
    if (r.kind === 'exclude_merchant' && r.merchant) {
      const m = r.merchant;
      return withData((mark) => t(`insights.rec.exclude_${m.reason}`, { name: mark('name'), store: mark('store'), n: r.productIds.length, same: m.same, looks: m.looks }), { name: m.name, store: m.ownStore ?? '' });
    }
    return t(`insights.rec.${r.kind}` as 'insights.rec.hold_second', { n: r.productIds.length, days: salesDays });
  };
  const worth = (p: ProductInsightDto) => worthText(t, p);


  const columns: Column<ProductInsightDto>[] = [
    { id: 'product', header: t('insights.pcol.product'), width: 'minmax(200px, 2fr)', cell: (p) => <span className="title-cell" title={p.sku} translate="no">{p.title}</span> },
    { id: 'winnable', header: t('insights.pcol.winnable'), width: 'minmax(160px, 1fr)', cell: (p) => <span className={p.winnable === 'no' ? 'badge warn' : 'badge'}>{t(`insights.winnable.${p.winnable}`)}</span> },
    { id: 'floors', header: t('insights.pcol.floors'), width: '170px', numeric: true, cell: (p) => `${tenge(p.neededFloor)} / ${tenge(p.sellerFloor)}` },
    { id: 'blocker', header: t('insights.pcol.blocker'), width: '150px', cell: (p) => (p.winnable === 'no' && p.blocker ? <><span translate="no">{p.blocker.name}</span> ({tenge(p.blocker.floor)})</> : '—') },
    { id: 'worth', header: t('insights.pcol.worth'), width: 'minmax(160px, 1fr)', cell: (p) => <span title={worth(p)}>{worth(p)}</span> },
    { id: 'war', header: t('insights.pcol.war'), width: '110px', cell: (p) => t(`insights.war.${p.warRisk}`) },
    { id: 'pushes', header: t('insights.pcol.pushes'), width: '110px', numeric: true, cell: (p) => p.pushesPerDay },
  ];

  return (
    <>
      <div className="card wide" data-testid="insights-recommendations">
        <div className="section-head"><h2>{t('insights.recs.title')}</h2></div>
        {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} onClick={() => setToast(null)} data-testid="insights-toast">{toast.kind === 'ok' ? t('insights.rec.applied', { n: toast.updated, id: toast.changeId }) : translateError(language, toast.error)}</div>}
        {recommendations.length === 0 && <p className="muted">{t('insights.recs.empty')}</p>}
        <ul className="preview-list">
          {recommendations.map((r) => (
            <li key={`${r.kind}:${r.merchant?.merchantId ?? ''}`} data-testid={`rec-${r.kind}`}>
              {describe(r)}{' '}
              {r.kind !== 'raise_floor' && <span className="muted" translate="no">{skus(r.productIds)}</span>}{' '}
              {applicable(r.kind) && <button type="button" className="small" disabled={apply.isPending} onClick={() => run(r)} data-testid={`rec-apply-${r.kind}`}>{t('insights.rec.apply')}</button>}
              {r.floors && (
                <ul className="muted" data-testid="rec-raise-lines">
                  {r.floors.map((f) => (
                    <li key={f.productId}>
                      {withData((mark) => t('insights.rec.raise_line', { sku: mark('sku'), from: tenge(f.from), to: tenge(f.to), blocker: mark('blocker'), confidence: t(`insights.confidence.${f.confidence}`), days: f.watchedDays === null ? '—' : Math.floor(f.watchedDays) }), { sku: byId.get(f.productId)?.sku ?? String(f.productId), blocker: f.blocker })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="card wide" data-testid="insights-products">
        <div className="section-head"><h2>{t('insights.products.title')}</h2></div>
        <p className="muted how">{t('insights.products.how', { days: salesDays })}</p>
        <VirtualTable rows={products} columns={columns} rowKey={(p) => p.productId} label={t('insights.products.title')} height="50vh" testId="insights-products-table" rowTestId="insight-row" />
      </div>
    </>
  );
}
