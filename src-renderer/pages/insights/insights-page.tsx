import { useMemo, useState } from 'react';
import type { RivalProfileDto } from '../../../src-shared/contract/insights';
import { useCall } from '../../api/use-call';
import { VirtualTable } from '../../components/virtual-table';
import type { Column } from '../../components/virtual-table';
import { translateError } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { BotBadge, hours, reaction } from './rival-format';
import { ProductInsights } from './product-insights';

type SortKey = 'name' | 'products' | 'changes' | 'reaction' | 'step' | 'bot';
const VALUE: Record<SortKey, (r: RivalProfileDto) => number | string> = {
  name: (r) => r.name.toLowerCase(),
  products: (r) => r.products,
  changes: (r) => r.changesPerDay,
  // Never answered sorts after every answer.
  reaction: (r) => r.reactionMedianMs ?? Number.MAX_SAFE_INTEGER,
  step: (r) => r.usualStep ?? Number.MAX_SAFE_INTEGER,
  bot: (r) => r.botScore,
};

/** Who the seller is up against: every rival merchant the bot has seen, sortable. */
export function InsightsPage() {
  const t = useT();
  const language = useLanguage();
  const rivals = useCall('insights.rivals', {}, { keepPrevious: true });
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'changes', dir: 'desc' });
  const rows = useMemo(() => {
    const value = VALUE[sort.key];
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...(rivals.data?.rivals ?? [])].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : a.merchantId.localeCompare(b.merchantId)) * sign;
    });
  }, [rivals.data, sort]);
  const onSort = (key: string) => setSort((s) => ({ key: key as SortKey, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }));

  const columns: Column<RivalProfileDto>[] = [
    { id: 'name', header: t('insights.col.name'), width: 'minmax(180px, 2fr)', sortKey: 'name', cell: (r) => <span className="title-cell" title={r.merchantId} translate="no">{r.name}</span> },
    { id: 'products', header: t('insights.col.products'), width: '90px', numeric: true, sortKey: 'products', cell: (r) => r.products },
    { id: 'changes', header: t('insights.col.changes'), width: '150px', numeric: true, sortKey: 'changes', cell: (r) => r.changesPerDay },
    { id: 'reaction', header: t('insights.col.reaction'), width: '150px', sortKey: 'reaction', cell: (r) => reaction(t, r) },
    { id: 'step', header: t('insights.col.step'), width: '70px', numeric: true, sortKey: 'step', cell: (r) => r.usualStep ?? '—' },
    { id: 'bot', header: t('insights.col.bot'), width: '170px', sortKey: 'bot', cell: (r) => <BotBadge rival={r} /> },
    { id: 'hours', header: t('insights.col.hours'), width: '130px', cell: (r) => hours(t, r.activeHours) },
    { id: 'floors', header: t('insights.col.floors'), width: '150px', cell: (r) => t('insights.floors.known', { sure: new Set(r.floors.filter((f) => f.confidence !== 'low').map((f) => f.productId)).size, n: r.products }) },
    { id: 'cities', header: t('insights.col.cities'), width: '90px', numeric: true, cell: (r) => r.cities.length },
  ];

  return (
    <section className="page insights-page" data-testid="insights-page">
      <div className="page-head">
        <h1>{t('nav.insights')}</h1>
      </div>
      <ProductInsights />
      {rivals.error && <p className="error" role="alert">{translateError(language, rivals.error as { code?: string; message: string })}</p>}
      {!rivals.data && !rivals.error && <progress aria-label={t('common.loading')} />}
      {rivals.data && (
        <div className="card wide" data-testid="insights-rivals">
          <div className="section-head"><h2>{t('insights.rivals.title')}</h2><span className="muted" data-testid="insights-rivals-count">{t('insights.rivals.count', { n: rows.length })}</span></div>
          <p className="muted how">{t('insights.rivals.how')}</p>
          {rows.length === 0 ? (
            <div className="empty-state">{t('insights.rivals.empty')}</div>
          ) : (
            <VirtualTable rows={rows} columns={columns} rowKey={(r) => r.merchantId} sort={sort} onSort={onSort} label={t('insights.rivals.title')} height="60vh" testId="rivals-table" rowTestId="rival-row" />
          )}
        </div>
      )}
    </section>
  );
}
