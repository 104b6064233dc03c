import { useEffect, useMemo, useState } from 'react';
import type { ReviewRow, ReviewsFilter } from '../../../src-shared/contract/reviews';
import { api } from '../../api/client';
import { useCall, useCallMutation } from '../../api/use-call';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dayLabel, kzDateTime, kzShortDate } from '../orders/format';
import { RatingChart } from './rating-chart';

const STARS = [5, 4, 3, 2, 1];
/** Reviews shown at first and added by "show more": a long list is read from the top. */
const PAGE_SIZE = 30;
const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

/**
 * The stores' reviews: new since the last visit, low ratings highlighted, the ones that came after
 * our WhatsApp request marked, the rating over time, filters by stars, product and date.
 */
export function ReviewsPage() {
  const t = useT();
  const language = useLanguage();
  const [filter, setFilter] = useState<ReviewsFilter>({});
  const [limit, setLimit] = useState(PAGE_SIZE);
  const set = (patch: Partial<ReviewsFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  };
  const stores = useCall('stores.list', {});
  const statuses = useCall('reviews.syncStatus', {}, { refetchEveryMs: 15_000 });
  const summary = useCall('reviews.summary', { storeId: filter.storeId, productId: filter.productId, from: filter.from, to: filter.to }, { keepPrevious: true });
  const list = useCall('reviews.list', { filter, limit }, { keepPrevious: true });
  const syncNow = useCallMutation('reviews.syncNow', ['reviews.']);
  const markSeen = useCallMutation('reviews.markSeen', ['reviews.']);
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);

  // What is new stays marked while the seller reads; leaving the page makes it seen.
  useEffect(() => () => void api.call('reviews.markSeen', {}).catch(() => undefined), []);

  const s = summary.data;
  const noReviews = list.data?.total === 0 && Object.values(filter).every((v) => v === undefined || v === false || (Array.isArray(v) && v.length === 0));
  return (
    <section className="page reviews-page" data-testid="reviews-page">
      <div className="page-head">
        <h1>{t('nav.reviews')}</h1>
        <div className="actions">
          <button type="button" disabled={syncNow.isPending} onClick={() => syncNow.mutate({})} data-testid="rv-sync-now">{t('rv.readNow')}</button>
          <button type="button" disabled={markSeen.isPending} onClick={() => markSeen.mutate({})} data-testid="rv-mark-seen">{t('rv.markSeen')}</button>
        </div>
      </div>
      <div className="sync-panel" data-testid="rv-sync">
        <p className="muted">{t('rv.sync')}</p>
        {(statuses.data ?? []).map((st) => (
          <div className="sync-store" key={st.storeId}>
            <span>{t('rv.syncStore', { store: st.storeName, read: st.productsRead, total: st.products })}</span>
            <span className="muted"> · {st.running ? t('rv.syncRunning') : st.lastPassAt ? t('rv.syncLast', { time: kzDateTime(st.lastPassAt, language) }) : t('rv.syncNever')}</span>
            {st.problem && <p className="error" role="alert">{t('rv.problem', { code: st.problem.code })}</p>}
          </div>
        ))}
      </div>

      {s && (
        <div className="kpis rv-kpis">
          <div className="kpi"><span className="muted">{t('rv.rating')}</span><span className="kpi-value" data-testid="rv-rating">{s.rating === null ? '—' : s.rating.toFixed(2)}</span></div>
          <div className="kpi"><span className="muted">{t('rv.count')}</span><span className="kpi-value" data-testid="rv-count">{s.count}</span></div>
          <div className="kpi"><span className="muted">{t('rv.new')}</span><span className="kpi-value" data-testid="rv-new">{s.newCount}</span></div>
          <div className="kpi attention"><span className="muted">{t('rv.low')}</span><span className="kpi-value" data-testid="rv-low">{s.lowCount}</span></div>
          <div className="kpi"><span className="muted">{t('rv.asking')}</span><span className="kpi-value" data-testid="rv-asking">{t('rv.askingValue', { requests: s.asking.requests, reviews: s.asking.reviewsAfter })}</span></div>
        </div>
      )}

      <div className="toolbar" role="search">
        <select aria-label={t('rv.filter.store')} value={filter.storeId ?? ''} onChange={(e) => set({ storeId: e.target.value ? Number(e.target.value) : undefined, productId: undefined })} data-testid="rv-store">
          <option value="">{t('rv.filter.store')}</option>
          {(stores.data ?? []).map((st) => <option key={st.id} value={st.id} translate="no">{st.name}</option>)}
        </select>
        <select aria-label={t('rv.filter.product')} value={filter.productId ?? ''} onChange={(e) => set({ productId: e.target.value ? Number(e.target.value) : undefined })} data-testid="rv-product">
          <option value="">{t('rv.filter.product')}</option>
          {(s?.products ?? []).map((p) => <option key={p.productId} value={p.productId} translate="no">{p.title}</option>)}
        </select>
        <span className="segmented">
          {STARS.map((n) => {
            const on = filter.ratings?.includes(n) ?? false;
            return <button type="button" key={n} className={on ? 'chip active' : 'chip'} onClick={() => set({ ratings: on ? filter.ratings!.filter((x) => x !== n) : [...(filter.ratings ?? []), n] })} data-testid={`rv-stars-${n}`}>{n}★</button>;
          })}
        </span>
        <label>{t('rv.filter.from')} <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} /></label>
        <label>{t('rv.filter.to')} <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} /></label>
        <label><input type="checkbox" checked={filter.onlyNew ?? false} onChange={(e) => set({ onlyNew: e.target.checked || undefined })} data-testid="rv-only-new" /> {t('rv.filter.new')}</label>
        <label><input type="checkbox" checked={filter.onlyAsked ?? false} onChange={(e) => set({ onlyAsked: e.target.checked || undefined })} data-testid="rv-only-asked" /> {t('rv.filter.asked')}</label>
        <button type="button" onClick={() => { setFilter({}); setLimit(PAGE_SIZE); }}>{t('rv.filter.clear')}</button>
        {list.data && <span className="muted" data-testid="rv-total">{t('rv.shown', { n: list.data.total })}</span>}
      </div>

      {s && s.count + s.products.length > 0 && (
        <div className="charts">
          <div className="card">
            <strong>{t('rv.chart')}</strong>
            <RatingChart points={s.series} labels={{ store: t('rv.chartStore'), product: t('rv.chartProduct') }} formatDay={(d) => dayLabel(d, language)} withProduct={filter.productId !== undefined} />
          </div>
          <div className="card">
            <strong>{t('rv.products')}</strong>
            <table className="table" data-testid="rv-products">
              <thead><tr><th>{t('rv.col.product')}</th><th>{t('rv.col.kaspi')}</th><th>{t('rv.col.ours')}</th></tr></thead>
              <tbody>
                {s.products.slice(0, 12).map((p) => (
                  <tr key={p.productId}>
                    <td><button type="button" className="link title-cell" onClick={() => set({ productId: p.productId })}><span translate="no">{p.title}</span></button></td>
                    <td>{p.rating === null ? '—' : t('rv.ratingOf', { rating: p.rating.toFixed(1), count: p.ratingCount })}</td>
                    <td>{p.ours === 0 ? '—' : t('rv.oursOf', { count: p.ours, rating: p.oursRating?.toFixed(1) ?? '—' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {noReviews && <div className="empty-state" data-testid="rv-empty">{t('rv.none')}</div>}
      {!noReviews && list.data?.total === 0 && <div className="empty-state">{t('rv.noMatch')}</div>}
      <div className="rv-list" data-testid="rv-list">
        {(list.data?.rows ?? []).map((r) => <ReviewCard key={r.id} review={r} storeName={storeName.get(r.storeId) ?? ''} />)}
      </div>
      {list.data && list.data.rows.length < list.data.total && (
        <button type="button" onClick={() => setLimit((n) => Math.min(500, n + PAGE_SIZE * 3))} data-testid="rv-more">{t('rv.more')}</button>
      )}
    </section>
  );
}

function ReviewCard({ review: r, storeName }: { review: ReviewRow; storeName: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <article className={`card rv-card${r.rating <= 3 ? ' rv-low' : ''}${r.isNew ? ' rv-new' : ''}`} data-testid="rv-card" data-rating={r.rating}>
      <div className="section-head">
        <span className="rv-stars" aria-label={`${r.rating}/5`}>{stars(r.rating)}</span>
        <strong>{r.productTitle ?? r.masterSku}</strong>
        {r.isNew && <span className="badge state-new" data-testid="rv-badge-new">{t('rv.badgeNew')}</span>}
        {r.asked && <span className="badge state-completed" data-testid="rv-badge-asked">{t('rv.badgeAsked', { time: kzDateTime(r.asked.sentAt, language) })}</span>}
      </div>
      <div className="muted">
        {r.author ?? t('rv.anonymous')} · {r.reviewedAt ? kzShortDate(r.reviewedAt, language) : kzDateTime(r.firstSeenAt, language)}
        {r.orderCode && <> · {t('rv.order', { code: r.orderCode })}</>}
        {storeName && <> · <span translate="no">{storeName}</span></>}
      </div>
      {r.text && <p>{r.text}</p>}
      {r.plus && <p className="muted">{t('rv.plus')} {r.plus}</p>}
      {r.minus && <p className="muted">{t('rv.minus')} {r.minus}</p>}
    </article>
  );
}
