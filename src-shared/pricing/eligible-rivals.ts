import type { Offer } from '../domain/offer';
import { DELIVERY_DURATIONS } from '../domain/offer';
import type { PricingRules } from '../domain/rules';

export interface RivalSelection {
  /** Rivals we compete with, cheapest first (ties broken by merchant id so decisions are deterministic). */
  rivals: Offer[];
  ignored: { own: number; excluded: number; slower: number };
}

const speed = (d: Offer['deliveryDuration']): number => (d === null ? -1 : DELIVERY_DURATIONS.indexOf(d));

/**
 * Leaves out our own offer, the user's other stores, excluded merchants and rivals slower than the
 * delivery filter. An offer without a delivery duration is kept: unknown is not proof of slow.
 */
export function selectRivals(
  offers: readonly Offer[],
  ourMerchantId: string,
  ownMerchantIds: readonly string[],
  rules: Pick<PricingRules, 'excludedMerchantIds' | 'deliveryFilter'>,
): RivalSelection {
  const own = new Set(ownMerchantIds);
  const excluded = new Set(rules.excludedMerchantIds);
  const maxSpeed = rules.deliveryFilter === null ? Infinity : speed(rules.deliveryFilter);
  const ignored = { own: 0, excluded: 0, slower: 0 };
  const rivals: Offer[] = [];
  for (const o of offers) {
    if (o.merchantId === ourMerchantId) continue;
    if (own.has(o.merchantId)) ignored.own++;
    else if (excluded.has(o.merchantId)) ignored.excluded++;
    else if (speed(o.deliveryDuration) > maxSpeed) ignored.slower++;
    else rivals.push(o);
  }
  rivals.sort((a, b) => a.price - b.price || (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0));
  return { rivals, ignored };
}
