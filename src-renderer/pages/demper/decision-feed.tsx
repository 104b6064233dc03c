import { useEffect, useState } from 'react';
import type { JournalEntryView } from '../../../src-shared/contract/products';
import type { Reason } from '../../../src-shared/domain/decision';
import { describeReason } from '../../../src-shared/pricing';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/catalog';
import { useLanguage } from '../../store/ui-store';

/** The journal as it grows: every change and dry-run decision with its reason in plain words. */
export function DecisionFeed({ cityName }: { cityName(storeId: number, cityId: string): string }) {
  const t = useT();
  const language = useLanguage();
  const [entries, setEntries] = useState<JournalEntryView[]>([]);
  const [titles, setTitles] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => api.call('journal.list', { limit: 50 }).then(setEntries, () => undefined);
    void load();
    // Decisions arrive in bursts; one reload per burst is enough.
    const off = api.on('demper.decision', () => { if (!timer) timer = setTimeout(() => { timer = null; void load(); }, 700); });
    const poll = setInterval(load, 5000);
    return () => { off(); clearInterval(poll); if (timer) clearTimeout(timer); };
  }, []);

  useEffect(() => {
    const missing = entries.some((e) => !titles.has(e.productId));
    if (!missing) return;
    api.call('products.table', {}).then((rows) => setTitles(new Map(rows.map((r) => [r.id, r.title]))), () => undefined);
  }, [entries, titles]);

  if (entries.length === 0) return <div className="empty-state">{t('demper.noDecisions')}</div>;
  return (
    <table className="table" data-testid="decision-feed">
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="decision-row">
            <td className="mono">{new Date(e.createdAt).toLocaleTimeString(language === 'en' ? 'en-GB' : 'ru-RU')}</td>
            <td>{titles.get(e.productId) ?? `#${e.productId}`} <span className="muted">· {cityName(e.storeId, e.cityId)}</span></td>
            <td>{describeReason(e.reason as Reason, language)}</td>
            <td><span className={`badge journal-${e.status}`}>{t(`demper.status.${e.status}` as MessageKey)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
