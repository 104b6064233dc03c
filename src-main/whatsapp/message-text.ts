import { msg, renderMessage } from '../../src-shared/i18n';
import { formatTenge } from '../../src-shared/pricing/format-tenge';
import { KZ_OFFSET_MS } from '../../src-shared/domain/kazakhstan-time';
import { renderTemplate, templateVariables } from '../../src-shared/whatsapp/template';
import type { TemplateValues } from '../../src-shared/whatsapp/template';
import type { TriggerSettings } from '../../src-shared/contract/whatsapp';
import type { OrderForMessage } from '../db/repos/whatsapp-repo';

/**
 * The page where a buyer rates a product of an order, as Kaspi sellers' messaging tools link it
 * (the same form in several public integrations); it is Kaspi's, so always kaspi.kz.
 */
export function reviewLink(orderCode: string, masterSku: string): string {
  return `https://kaspi.kz/shop/review/productreview?orderCode=${encodeURIComponent(orderCode)}&productCode=${encodeURIComponent(masterSku)}&rating=5`;
}

/** dd.mm.yyyy of an instant in Kazakhstan. */
const kzDate = (ms: number): string => new Date(ms + KZ_OFFSET_MS).toISOString().slice(0, 10).split('-').reverse().join('.');

/** A template's variables filled from an order, in the language the text is in. */
export function orderValues(order: OrderForMessage, storeName: string, language: 'ru' | 'kk'): TemplateValues {
  const skus = [...new Set(order.entries.flatMap((e) => (e.masterSku ? [e.masterSku] : [])))];
  return {
    name: order.customerName?.trim().split(/\s+/)[0] || renderMessage(msg('whatsapp.buyer_fallback'), language),
    order: order.code,
    products: order.entries.map((e) => e.name).join(', '),
    total: formatTenge(order.totalPrice),
    delivery_date: order.plannedDeliveryMs ? kzDate(order.plannedDeliveryMs) : '—',
    store: storeName,
    review_link: skus.map((sku) => reviewLink(order.code, sku)).join('\n'),
  };
}

/** The message of a trigger about an order: Russian, Kazakh, or both in one message. */
export function triggerText(trigger: Pick<TriggerSettings, 'language' | 'bodyRu' | 'bodyKk'>, order: OrderForMessage, storeName: string): string {
  const ru = () => renderTemplate(trigger.bodyRu, orderValues(order, storeName, 'ru'));
  const kk = () => renderTemplate(trigger.bodyKk, orderValues(order, storeName, 'kk'));
  return trigger.language === 'ru' ? ru() : trigger.language === 'kk' ? kk() : `${ru()}\n\n${kk()}`;
}

/** Whether the text needs the order's products, which the shop API lists separately (they may still be on the way). */
export function needsEntries(trigger: Pick<TriggerSettings, 'language' | 'bodyRu' | 'bodyKk'>): boolean {
  const bodies = trigger.language === 'ru' ? [trigger.bodyRu] : trigger.language === 'kk' ? [trigger.bodyKk] : [trigger.bodyRu, trigger.bodyKk];
  return bodies.some((body) => {
    const used = templateVariables(body);
    return used.has('products') || used.has('review_link');
  });
}
