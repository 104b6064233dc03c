import { useMemo, useState } from 'react';
import type { AnalyticsScope, Granularity, ProductEarnings, SalesTotals } from '../../../src-shared/contract/analytics';
import { GRANULARITIES } from '../../../src-shared/contract/analytics';
import { kzDate, kzDay } from '../../../src-shared/domain/kazakhstan-time';
import { api } from '../../api/client';
import { useCall } from '../../api/use-call';
import { VirtualTable } from '../../components/virtual-table';
import type { Column } from '../../components/virtual-table';
import { translateError } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dayLabel, tenge } from '../orders/format';
import { downloadText } from '../../components/download';
import { ProductPanel } from './product-panel';
import { RevenueChart } from './revenue-chart';

const PRESETS = [7, 30, 90, 365] as const;
const KINDS = ['all', 'only_when_first', 'regardless', 'mixed'] as const;
type Kind = (typeof KINDS)[number];
type Table = 'series' | 'products' | 'stores' | 'cities';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Sales over time and place, and what keeping first place brought: from the orders and the bot's own records. */
export function AnalyticsPage() {
  const t = useT();
  const language = useLanguage();
  const today = kzDay(Date.now());
  const [range, setRange] = useState({ from: kzDate(today - 29), to: kzDate(today) });
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [storeId, setStoreId] = useState<number | undefined>();
  const [cityId, setCityId] = useState<string | undefined>();
  const [kind, setKind] = useState<Kind>('all');
  const [product, setProduct] = useState<ProductEarnings | null>(null);
  const [toast, setToast] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const scope: AnalyticsScope = useMemo(() => ({ ...range, storeId, cityId }), [range, storeId, cityId]);
  const stores = useCall('stores.list', {});
  const overview = useCall('analytics.overview', { scope, granularity }, { keepPrevious: true });
  const earned = useCall('analytics.products', { scope }, { keepPrevious: true });
  const cities = useMemo(() => [...new Map((stores.data ?? []).flatMap((s) => s.cities.map((c) => [c.id, c.name] as const))).entries()], [stores.data]);
  const cityName = (id: string) => cities.find(([c]) => c === id)?.[1] ?? id;
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;

  const exportTable = async (table: Table) => {
    try {
      const { fileName, csv } = await api.call('analytics.exportCsv', { table, scope, granularity, language });
      downloadText(fileName, csv);
      setToast({ kind: 'ok', text: t('analytics.exported', { file: fileName }) });
    } catch (e) {
      setToast({ kind: 'error', text: translateError(language, e as { code?: string; message: string }) });
    }
  };
  const exportButton = (table: Table) => <button type="button" className="small" onClick={() => void exportTable(table)} data-testid={`analytics-export-${table}`}>{t('analytics.export')}</button>;

  const o = overview.data;
  const rows = useMemo(() => (earned.data?.rows ?? []).filter((r) => kind === 'all' || r.kind === kind), [earned.data, kind]);
  const earnedColumns: Column<ProductEarnings>[] = [
    { id: 'product', header: t('analytics.earned.col.product'), width: 'minmax(200px, 3fr)', cell: (r) => <button type="button" className="link title-cell" onClick={() => setProduct(r)} title={r.title} translate="no">{r.title}</button> },
    { id: 'revenue', header: t('analytics.col.revenue'), width: '120px', numeric: true, cell: (r) => tenge(r.revenue) },
    { id: 'units', header: t('analytics.col.units'), width: '70px', numeric: true, cell: (r) => r.units },
    { id: 'first', header: t('analytics.earned.col.first'), width: '110px', numeric: true, cell: (r) => `${r.unitsFirst} / ${r.unitsNotFirst}` },
    { id: 'days', header: t('analytics.earned.col.days'), width: '120px', numeric: true, cell: (r) => `${r.daysFirst.toFixed(1)} / ${r.daysNotFirst.toFixed(1)}` },
    { id: 'perDay', header: t('analytics.earned.col.perDay'), width: '120px', numeric: true, cell: (r) => `${r.perDayFirst?.toFixed(1) ?? '—'} / ${r.perDayNotFirst?.toFixed(1) ?? '—'}` },
    { id: 'lost', header: t('analytics.earned.col.lost'), width: '120px', numeric: true, cell: (r) => tenge(r.lostRevenue) },
    { id: 'changes', header: t('analytics.earned.col.changes'), width: '80px', numeric: true, cell: (r) => r.botChanges },
    { id: 'kind', header: t('analytics.earned.col.kind'), width: '160px', cell: (r) => <span className={`badge kind-${r.kind}`}>{t(`analytics.earned.kind.${r.kind}`)}</span> },
  ];

  return (
    <section className="page analytics-page" data-testid="analytics-page">
      <div className="page-head">
        <h1>{t('nav.analytics')}</h1>
      </div>
      <div className="toolbar">
        <div className="segmented" role="group">
          {PRESETS.map((n) => (
            <button key={n} type="button" className={days === n && range.to === kzDate(today) ? 'active' : ''} onClick={() => setRange({ from: kzDate(today - n + 1), to: kzDate(today) })} data-testid={`analytics-range-${n}`}>{t(`analytics.range.${n}`)}</button>
          ))}
        </div>
        <label>{t('analytics.range.from')} <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} /></label>
        <label>{t('analytics.range.to')} <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} /></label>
        <select aria-label={t('analytics.granularity.day')} value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)} data-testid="analytics-granularity">
          {GRANULARITIES.map((g) => <option key={g} value={g}>{t(`analytics.granularity.${g}`)}</option>)}
        </select>
        <select aria-label={t('analytics.allStores')} value={storeId ?? ''} onChange={(e) => setStoreId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t('analytics.allStores')}</option>
          {(stores.data ?? []).map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
        </select>
        <select aria-label={t('analytics.allCities')} value={cityId ?? ''} onChange={(e) => setCityId(e.target.value || undefined)}>
          <option value="">{t('analytics.allCities')}</option>
          {cities.map(([id, name]) => <option key={id} value={id} translate="no">{name}</option>)}
        </select>
      </div>
      {(overview.error || earned.error) && <p className="error" role="alert">{translateError(language, (overview.error ?? earned.error) as { code?: string; message: string })}</p>}
      {toast && <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} onClick={() => setToast(null)}>{toast.text}</div>}
      {!o && !overview.error && <progress aria-label={t('common.loading')} />}
      {o && (
        <>
          {o.entriesPending > 0 && <p className="muted">{t('analytics.pending', { n: o.entriesPending })}</p>}
          <div className="kpis" data-testid="analytics-kpis">
            <Kpi label={t('analytics.kpi.revenue')} value={tenge(o.totals.revenue)} now={o.totals.revenue} before={o.previous.revenue} testId="kpi-revenue" />
            <Kpi label={t('analytics.kpi.orders')} value={String(o.totals.orders)} now={o.totals.orders} before={o.previous.orders} note={t('analytics.kpi.cancelled', { cancelled: o.totals.cancelled, returned: o.totals.returned })} testId="kpi-orders" />
            <Kpi label={t('analytics.kpi.units')} value={String(o.totals.units)} now={o.totals.units} before={o.previous.units} />
            <Kpi label={t('analytics.kpi.avgPrice')} value={tenge(o.totals.avgPrice)} now={o.totals.avgPrice ?? 0} before={o.previous.avgPrice ?? 0} />
            <Kpi label={t('analytics.kpi.margin')} value={o.totals.margin === null ? '—' : tenge(o.totals.margin)} note={marginNote(t, o.totals)} testId="kpi-margin" />
            <Kpi label={t('analytics.kpi.firstShare')} value={o.firstShare === null ? '—' : percent(o.firstShare)} note={o.firstShare === null ? t('analytics.kpi.firstUnknown') : undefined} testId="kpi-first" />
          </div>
          {o.totals.orders === 0 && o.totals.cancelled === 0 && <div className="empty-state">{t('analytics.empty')}</div>}

          <div className="card wide">
            <div className="section-head"><h2>{t('analytics.chart.title')}</h2>{exportButton('series')}</div>
            <RevenueChart
              points={o.series.map((p) => ({ period: p.period, value: p.revenue, firstShare: p.firstShare }))}
              labels={{ value: t('analytics.chart.revenue'), firstShare: t('analytics.chart.firstShare') }}
              money
              formatPeriod={(p) => dayLabel(p, language)}
              testId="analytics-chart"
            />
          </div>

          <div className="analytics-grid">
            <Breakdown title={t('analytics.byStore')} rows={o.byStore} exportButton={exportButton('stores')} testId="analytics-stores" />
            <Breakdown title={t('analytics.byCity')} rows={o.byCity} exportButton={exportButton('cities')} testId="analytics-cities" />
          </div>
        </>
      )}

      {earned.data && (
        <div className="card wide" data-testid="analytics-earned">
          <div className="section-head"><h2>{t('analytics.earned.title')}</h2>{exportButton('products')}</div>
          <p className="earned-summary">
            <strong data-testid="analytics-lost">{t('analytics.earned.lost', { sum: tenge(earned.data.lostRevenue) })}</strong>
            {earned.data.unitsFirstShare !== null && <> · {t('analytics.earned.firstUnits', { share: Math.round(earned.data.unitsFirstShare * 100) })}</>}
          </p>
          <p className="muted how" data-testid="analytics-how">{t('analytics.earned.how')}</p>
          <div className="tabs">
            {KINDS.map((k) => (
              <button key={k} type="button" className={kind === k ? 'chip active' : 'chip'} onClick={() => setKind(k)} data-testid={`analytics-kind-${k}`}>
                {t(`analytics.earned.filter.${k}`)} <span className="count">{k === 'all' ? earned.data!.rows.length : earned.data!.rows.filter((r) => r.kind === k).length}</span>
              </button>
            ))}
          </div>
          {rows.length === 0 ? <div className="empty-state">{t('analytics.earned.none')}</div> : (
            <VirtualTable rows={rows} columns={earnedColumns} rowKey={(r) => r.productId} label={t('analytics.earned.title')} testId="analytics-products" rowTestId="analytics-product-row" height="50vh" />
          )}
        </div>
      )}
      {product && <ProductPanel scope={scope} productId={product.productId} name={product.title} cityName={cityName} onClose={() => setProduct(null)} />}
    </section>
  );
}

function marginNote(t: ReturnType<typeof useT>, totals: SalesTotals): string | undefined {
  if (totals.margin === null) return t('analytics.kpi.marginUnknown');
  if (totals.marginCoverage < 0.999) return t('analytics.kpi.marginPartial', { share: Math.round(totals.marginCoverage * 100) });
  return undefined;
}

function Kpi({ label, value, now, before, note, testId }: { label: string; value: string; now?: number; before?: number; note?: string; testId?: string }) {
  const t = useT();
  let compare: string | undefined;
  if (now !== undefined && before !== undefined) {
    if (before === 0) compare = now === 0 ? undefined : t('analytics.kpi.noPrevious');
    else {
      const delta = Math.round(((now - before) / before) * 100);
      compare = t('analytics.kpi.vsPrevious', { delta: `${delta > 0 ? '+' : ''}${delta}%` });
    }
  }
  return (
    <div className="kpi" data-testid={testId}>
      <div className="muted">{label}</div>
      <div className="kpi-value">{value}</div>
      {compare && <div className="muted small">{compare}</div>}
      {note && <div className="muted small">{note}</div>}
    </div>
  );
}

function Breakdown({ title, rows, exportButton, testId }: { title: string; rows: (SalesTotals & { key: string; name: string })[]; exportButton: React.ReactNode; testId: string }) {
  const t = useT();
  return (
    <div className="card" data-testid={testId}>
      <div className="section-head"><h3>{title}</h3>{exportButton}</div>
      <table className="table compact">
        <thead><tr><th>{t('analytics.col.name')}</th><th className="num">{t('analytics.col.revenue')}</th><th className="num">{t('analytics.col.orders')}</th><th className="num">{t('analytics.col.units')}</th><th className="num">{t('analytics.col.margin')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}><td>{r.name}</td><td className="num">{tenge(r.revenue)}</td><td className="num">{r.orders}</td><td className="num">{r.units}</td><td className="num">{r.margin === null ? '—' : tenge(r.margin)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
