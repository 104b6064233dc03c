import { useCall } from '../../api/use-call';
import { useT } from '../../i18n/use-t';
import { tenge } from '../orders/format';
import { floorText, reaction, withData, worthText } from './rival-format';

/** The product drawer's section: the rivals of this product, their floor here and how they answer. */
export function ProductRivals({ productId }: { productId: number }) {
  const t = useT();
  const rivals = useCall('insights.rivals', { productId });
  const insights = useCall('insights.products', { productId }).data;
  const insight = insights?.products[0];
  const list = [...(rivals.data?.rivals ?? [])].sort((a, b) => (a.floors[0]?.floor ?? Infinity) - (b.floors[0]?.floor ?? Infinity));
  return (
    <section className="drawer-section" data-testid="drawer-rivals">
      <h3>{t('insights.drawer.title')}</h3>
      {insight && (
        <>
          <p data-testid="drawer-winnable">{t('insights.drawer.winnable', { answer: t(`insights.winnable.${insight.winnable}`), needed: tenge(insight.neededFloor), floor: tenge(insight.sellerFloor) })}</p>
          <p data-testid="drawer-worth">{t('insights.drawer.worth', { answer: worthText(t, insight), days: insights!.salesDays })}</p>
        </>
      )}
      {rivals.data && list.length === 0 && <p className="muted">{t('insights.drawer.empty')}</p>}
      <ul className="preview-list">
        {list.map((r) => (
          <li key={r.merchantId} data-testid="drawer-rival">
            {withData((mark) => t('insights.drawer.line', { name: mark('name'), floor: floorText(t, [...r.floors].sort((a, b) => a.floor - b.floor)[0]), answers: r.reactionMedianMs === null ? t('insights.reaction.none') : t('insights.drawer.answers', { reaction: reaction(t, r) }), changes: r.changesPerDay }), { name: r.name })}
            {r.bot && <> <span className="badge warn">{t('insights.bot.yes', { score: r.botScore.toFixed(2) })}</span></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
