import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCall } from '../../api/use-call';
import { translateError } from '../../i18n/translate';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage, useUi } from '../../store/ui-store';
import { dateLocale } from '../../i18n/date-locale';

export function OverviewPage() {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  const go = useUi((s) => s.go);
  // Counted by SQL aggregates in main; read again when main's events say products, stores, proxies or the demper changed.
  const { data: summary, error: failure } = useCall('overview.summary', {});
  const error = failure ? translateError(language, failure) : null;

  if (error) return <section className="page"><h1>{t('nav.overview')}</h1><p className="error" role="alert">{error}</p></section>;
  if (!summary) return <section className="page"><h1>{t('nav.overview')}</h1><p>{t('common.loading')}</p></section>;
  if (summary.products.total === 0) {
    return (
      <section className="page" data-testid="overview-page">
        <h1>{t('nav.overview')}</h1>
        <div className="empty-state">
          <p>{t('overview.start')}</p>
          <button className="primary" onClick={() => go('stores')}>{t('overview.goStores')}</button>
        </div>
      </section>
    );
  }

  const p = summary.products;
  const share = p.seen ? Math.round((100 * p.firstPlace) / p.seen) : 0;
  const time = (ms: number) => new Date(ms).toLocaleTimeString(dateLocale(language));
  const attention = [
    ...summary.blockedStores.map((s) => t('overview.blocked', { name: s.name, time: time(s.until) })),
    ...summary.storesNeedingLogin.map((s) => t('overview.needsLogin', { name: s.name })),
    ...(summary.proxies.dead + summary.proxies.cooling > 0 ? [t('overview.proxiesDown', summary.proxies)] : []),
    ...(p.rulesErrors > 0 ? [t('overview.rulesErrors', { n: p.rulesErrors })] : []),
    ...summary.recentErrors.map((e) => `${time(e.at)} — ${say(e.message)}`),
  ];
  const days = summary.changesByDay.map((d) => ({ ...d, label: d.day.slice(5).split('-').reverse().join('.') }));
  return (
    <section className="page" data-testid="overview-page">
      <h1>{t('nav.overview')}</h1>
      <div className="tiles">
        <div className="tile"><span>{t('overview.changesToday')}</span><strong data-testid="changes-today">{summary.changesToday}</strong><small>{t('overview.changesWeek')}: {summary.changesWeek}</small></div>
        <div className="tile"><span>{t('overview.firstPlace')}</span><strong>{share}%</strong><small>{t('overview.firstPlaceOf', { first: p.firstPlace, seen: p.seen })}</small></div>
        <div className="tile"><span>{t('overview.atFloor')}</span><strong>{p.atFloor}</strong></div>
        <div className="tile"><span>{t('overview.botOn')}</span><strong>{p.botOn}</strong><small>{t('overview.botOnOf', { on: p.botOn, total: p.total })}</small></div>
      </div>
      <div className="charts">
        <div className="card chart">
          <strong>{t('overview.byDay')}</strong>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={days}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Legend />
              <Bar dataKey="changes" name={t('overview.live')} fill="#f14635" stackId="a" />
              <Bar dataKey="dryRun" name={t('overview.dry')} fill="#f5b7ae" stackId="a" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="card chart">
          <strong>{t('overview.positions')}</strong>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={summary.positions.map((x) => ({ ...x, label: `${x.position} ${t('overview.place')}` }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Bar dataKey="count" fill="#1e9e5a" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="card">
        <strong>{t('overview.attention')}</strong>
        {attention.length === 0 ? <p className="ok-text">{t('overview.allGood')}</p> : (
          <ul className="plain-list attention" data-testid="attention">{attention.map((line, i) => <li key={i}>{line}</li>)}</ul>
        )}
      </div>
    </section>
  );
}
