import type { CallOutput } from '../../../src-shared/contract';
import { reason as reasonSchema } from '../../../src-shared/domain/decision';
import type { PricePoint } from '../../components/price-chart';

type Detail = CallOutput<'products.detail'>;
interface Limits { floor: number | null; ceiling: number | null }

/**
 * The chart's series for one city. Each decision in the journal recorded the floor and ceiling it
 * used, so the limit lines follow the rules as they were; after the last decision (and with no
 * journal at all) they show today's rules.
 */
export function historySeries(detail: Pick<Detail, 'history' | 'journal'>, cityId: string, current: Limits, now: number): PricePoint[] {
  const limits = detail.journal
    .filter((j) => j.cityId === cityId)
    .map((j) => ({ at: Date.parse(j.createdAt), parsed: reasonSchema.safeParse(j.reason) }))
    .filter((j) => j.parsed.success)
    .map((j) => ({ at: j.at, floor: j.parsed.data!.floor, ceiling: j.parsed.data!.ceiling }))
    .sort((a, b) => a.at - b.at);
  const limitsAt = (t: number): Limits => {
    let found: Limits = current;
    for (const l of limits) if (l.at <= t) found = { floor: l.floor, ceiling: l.ceiling };
    return found;
  };
  const points: PricePoint[] = detail.history
    .filter((h) => h.cityId === cityId)
    .map((h) => {
      const at = Date.parse(h.takenAt);
      return { at, our: h.ourPrice, rival: h.bestRivalPrice, ...limitsAt(at) };
    });
  // A rules change between snapshots shows where it happened, carrying the prices seen before it.
  for (const l of limits) {
    const before = points.filter((p) => p.at <= l.at).at(-1);
    if (before && before.at !== l.at && l.at >= (points[0]?.at ?? Infinity)) points.push({ ...before, at: l.at, floor: l.floor, ceiling: l.ceiling });
  }
  points.sort((a, b) => a.at - b.at);
  const last = points.at(-1);
  if (last) points.push({ ...last, at: Math.max(now, last.at), floor: current.floor, ceiling: current.ceiling });
  return points;
}
