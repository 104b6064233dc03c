import type { Offer } from '../../../src-shared/domain/offer';
import type { PricingRules, ProductRuleOverrides } from '../../../src-shared/domain/rules';
import { resolveRules } from '../../../src-shared/domain/rules';
import type { Reason } from '../../../src-shared/domain/decision';
import { reasonMessage } from '../../../src-shared/pricing';
import { renderMessage } from '../../../src-shared/i18n';
import type { Language } from '../../../src-shared/i18n';

export const US = 'us';

export const offer = (merchantId: string, price: number, extra: Partial<Offer> = {}): Offer => ({
  merchantId,
  merchantName: `Shop ${merchantId}`,
  price,
  rating: null,
  reviewsCount: null,
  deliveryDuration: null,
  kaspiDelivery: null,
  ...extra,
});

/** Rules with no time guards unless a test asks for them, so each table row shows one behaviour. */
export const rules = (o: Partial<ProductRuleOverrides> = {}): PricingRules =>
  resolveRules({ cooldownSeconds: 0, maxChangesPerDay: null }, { floor: { kind: 'fixed', price: 1000 }, ceiling: 2000, ...o });

/** A decision's reason as the seller reads it, in a language. */
export const describeReason = (reason: Reason, language: Language): string => renderMessage(reasonMessage(reason), language);
