import { serialiseCsv } from '../../src-shared/csv';
import type { OrderRow } from '../../src-shared/contract/orders';
import { kzDate, kzDateTime, kzDay } from '../../src-shared/domain/kazakhstan-time';

/** A cell's text; formula-like cells are neutralised by serialiseCsv itself. */
const text = (value: string | null | undefined): string => value ?? '';

type Language = 'ru' | 'kk' | 'en';

const HEADERS: Record<Language, string[]> = {
  ru: ['Номер заказа', 'Магазин', 'Дата (Казахстан)', 'Состояние', 'Итог', 'Статус Kaspi', 'Сумма, ₸', 'Штук', 'Товары', 'Город', 'Покупатель', 'Телефон', 'Доставка', 'Источник'],
  kk: ['Тапсырыс нөмірі', 'Дүкен', 'Күні (Қазақстан)', 'Күйі', 'Нәтижесі', 'Kaspi мәртебесі', 'Сомасы, ₸', 'Дана', 'Тауарлар', 'Қала', 'Сатып алушы', 'Телефон', 'Жеткізу', 'Дереккөз'],
  en: ['Order code', 'Store', 'Date (Kazakhstan)', 'State', 'Outcome', 'Kaspi status', 'Total, ₸', 'Units', 'Items', 'City', 'Buyer', 'Phone', 'Delivery', 'Source'],
};

const STATE_WORDS: Record<Language, Record<string, string>> = {
  ru: { new: 'Новый', sign_required: 'На подписании', pickup: 'Самовывоз', delivery: 'Моя доставка', kaspi_delivery: 'Kaspi Доставка', archive: 'Архив', completed: 'Выдан', cancelled: 'Отменён', returned: 'Возврат', shop_api: 'API магазина', cabinet: 'Кабинет' },
  kk: { new: 'Жаңа', sign_required: 'Қол қоюда', pickup: 'Өзі алып кету', delivery: 'Менің жеткізуім', kaspi_delivery: 'Kaspi Жеткізу', archive: 'Мұрағат', completed: 'Берілді', cancelled: 'Болдырылмады', returned: 'Қайтарылды', shop_api: 'Дүкен API', cabinet: 'Кабинет' },
  en: { new: 'New', sign_required: 'Awaiting signature', pickup: 'Pickup', delivery: 'Own delivery', kaspi_delivery: 'Kaspi Delivery', archive: 'Archive', completed: 'Completed', cancelled: 'Cancelled', returned: 'Returned', shop_api: 'Shop API', cabinet: 'Cabinet' },
};

/**
 * The filtered orders as an Excel-friendly CSV, like the products export: UTF-8 with a BOM, `;`,
 * CRLF, whole tenge as plain digits; text cells guarded against formula injection.
 */
export function ordersCsv(
  rows: Iterable<OrderRow & { phone: string | null; address: string | null }>,
  opts: { language: Language; storeName(id: number): string; now: number },
): { fileName: string; csv: string; rows: number } {
  const words = STATE_WORDS[opts.language];
  const lines: string[][] = [HEADERS[opts.language]];
  for (const r of rows) {
    lines.push([
      text(r.code),
      text(opts.storeName(r.storeId)),
      kzDateTime(r.createdAt),
      words[r.state] ?? r.state,
      r.outcome ? (words[r.outcome] ?? r.outcome) : '',
      text(r.status),
      String(r.totalPrice),
      String(r.units),
      text([r.firstItem, r.moreItems ? `+${r.moreItems}` : null].filter(Boolean).join(' ')),
      text(r.cityName),
      text(r.customerName),
      text(r.phone ? `+${r.phone.replace(/^\+/, '')}` : r.phoneMasked ? '' : r.phoneTail ? `…${r.phoneTail}` : ''),
      text(r.deliveryMode),
      words[r.source] ?? r.source,
    ]);
  }
  const date = kzDate(kzDay(opts.now));
  return { fileName: `orders-${date}.csv`, csv: serialiseCsv(lines), rows: lines.length - 1 };
}
