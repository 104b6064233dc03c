import { useMemo } from 'react';
import type { Reason } from '../../../src-shared/domain/decision';
import { reasonMessage } from '../../../src-shared/pricing';
import { useCall } from '../../api/use-call';
import { useSay, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/catalog';
import { useLanguage } from '../../store/ui-store';
import { dateLocale } from '../../i18n/date-locale';

/** The journal as it grows: every change and dry-run decision with its reason in plain words. */
export function DecisionFeed({ cityName }: { cityName(storeId: number, cityId: string): string }) {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  // Read again when decisions arrive, at most once a second (query-client.ts).
  const entries = useCall('journal.list', { limit: 50 }).data ?? [];
  // Only the titles of the products in the feed, never the whole table.
  const productIds = useMemo(() => [...new Set(entries.map((e) => e.productId))].sort((a, b) => a - b), [entries]);
  const named = useCall('products.titles', { productIds }, { enabled: productIds.length > 0, keepPrevious: true }).data;
  const titles = useMemo(() => new Map((named ?? []).map((p) => [p.id, p.title])), [named]);

  if (entries.length === 0) return <div className="empty-state">{t('demper.noDecisions')}</div>;
  return (
    <table className="table" data-testid="decision-feed">
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="decision-row">
            <td className="mono">{new Date(e.createdAt).toLocaleTimeString(dateLocale(language))}</td>
            <td>{titles.get(e.productId) ?? `#${e.productId}`} <span className="muted">· {cityName(e.storeId, e.cityId)}</span></td>
            <td>{say(reasonMessage(e.reason as Reason))}</td>
            <td><span className={`badge journal-${e.status}`}>{t(`demper.status.${e.status}` as MessageKey)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
