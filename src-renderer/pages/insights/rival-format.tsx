import type { ProductInsightDto, RivalProfileDto } from '../../../src-shared/contract/insights';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { tenge } from '../orders/format';

type T = ReturnType<typeof useT>;

/** A delay as a seller reads it: seconds under two minutes, minutes above. */
export function duration(t: T, ms: number): string {
  return ms < 120_000 ? t('insights.seconds', { n: Math.round(ms / 1000) }) : t('insights.minutes', { n: Math.round(ms / 60_000) });
}

export function reaction(t: T, r: RivalProfileDto): string {
  if (r.reactionMedianMs === null) return t('insights.reaction.none');
  return t('insights.reaction', { median: duration(t, r.reactionMedianMs), spread: duration(t, r.reactionSpreadMs ?? 0) });
}

/** Is first place worth it, with the margin (or units, when a cost is missing) a day at first and at second place. */
export function worthText(t: T, p: ProductInsightDto): string {
  if (p.worth === 'too_few_sales') return t('insights.worth.too_few_sales', { units: p.units });
  const [first, second] = p.worthBasis === 'margin' ? [tenge(p.first.marginPerDay), tenge(p.second.marginPerDay)] : [p.first.unitsPerDay ?? '—', p.second.unitsPerDay ?? '—'];
  return `${t(`insights.worth.${p.worth}`)} (${t(p.worthBasis === 'margin' ? 'insights.worth.by_margin' : 'insights.worth.by_units', { first, second })})`;
}

/**
 * A sentence with Kaspi's data in it (sellers' and stores' names): the data is marked
 * translate="no", so it is read as data, not as the app's words, in any language.
 */
export function withData(text: (mark: (key: string) => string) => string, data: Record<string, string>): ReactNode {
  // Each datum goes through the template as a marker (brackets no text of ours uses), then is put back as its own element.
  const parts = text((key) => `⟦${key}⟧`).split(/(⟦\w+⟧)/u);
  return <>{parts.map((part, i) => (/^⟦\w+⟧$/u.test(part) ? <span key={i} translate="no">{data[part.slice(1, -1)]}</span> : part))}</>;
}

/** Active hours as ranges: "9–12, 20". */
export function hours(t: T, list: readonly number[]): string {
  if (list.length === 0) return t('insights.hours.none');
  const ranges: string[] = [];
  let start = list[0]!;
  let prev = start;
  for (const h of [...list.slice(1), -1]) {
    if (h === prev + 1) {
      prev = h;
      continue;
    }
    ranges.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = h;
  }
  return ranges.join(', ');
}

/** The rival's lowest floor estimate, with how sure it is. */
export function floorText(t: T, floor: RivalProfileDto['floors'][number] | undefined): string {
  return floor ? t('insights.floor', { floor: tenge(floor.floor), confidence: t(`insights.confidence.${floor.confidence}`) }) : '—';
}

/** Bot-likeness, or that there are too few changes to say. */
export function BotBadge({ rival }: { rival: RivalProfileDto }) {
  const t = useT();
  if (rival.changes < 5) return <span className="badge muted">{t('insights.bot.unknown')}</span>;
  return <span className={rival.bot ? 'badge warn' : 'badge'}>{t(rival.bot ? 'insights.bot.yes' : 'insights.bot.no', { score: rival.botScore.toFixed(2) })}</span>;
}
