import { serialiseCsv } from '../../src-shared/csv';
import type { AnalyticsScope, ProductEarnings, SalesTotals, SeriesPoint } from '../../src-shared/contract/analytics';

/** A cell's text; formula-like cells are neutralised by serialiseCsv itself. */
const text = (value: string | null | undefined): string => value ?? '';

type Language = 'ru' | 'kk' | 'en';
type Table = 'series' | 'products' | 'stores' | 'cities';

const TOTAL_HEADERS: Record<Language, string[]> = {
  ru: ['Выручка, ₸', 'Заказов', 'Штук', 'Средняя цена, ₸', 'Маржа, ₸', 'Доля выручки с известной себестоимостью', 'Отменено', 'Возвращено'],
  kk: ['Түсім, ₸', 'Тапсырыстар', 'Дана', 'Орташа баға, ₸', 'Маржа, ₸', 'Өзіндік құны белгілі түсім үлесі', 'Болдырылмады', 'Қайтарылды'],
  en: ['Revenue, ₸', 'Orders', 'Units', 'Average price, ₸', 'Margin, ₸', 'Share of revenue with a known cost', 'Cancelled', 'Returned'],
};
const FIRST: Record<Language, [string, string]> = { ru: ['Период', 'Доля времени на 1-м месте'], kk: ['Кезең', '1-орындағы уақыт үлесі'], en: ['Period', 'Share of time in first place'] };
const KEY: Record<Language, { stores: string; cities: string }> = { ru: { stores: 'Магазин', cities: 'Город' }, kk: { stores: 'Дүкен', cities: 'Қала' }, en: { stores: 'Store', cities: 'City' } };
const PRODUCT_HEADERS: Record<Language, string[]> = {
  ru: ['Товар', 'Артикул', 'Выручка, ₸', 'Штук', 'Заказов', 'Средняя цена, ₸', 'Маржа, ₸', 'Продано на 1-м месте', 'Продано не на 1-м', 'Место неизвестно', 'Дней на 1-м месте', 'Дней не на 1-м', 'В день на 1-м', 'В день не на 1-м', 'Упущенная выручка (оценка), ₸', 'Изменений цены ботом', 'Вывод'],
  kk: ['Тауар', 'Артикул', 'Түсім, ₸', 'Дана', 'Тапсырыстар', 'Орташа баға, ₸', 'Маржа, ₸', '1-орында сатылды', '1-орында емес сатылды', 'Орны белгісіз', '1-орындағы күндер', '1-орында емес күндер', 'Күніне 1-орында', 'Күніне 1-орында емес', 'Жіберілген түсім (бағалау), ₸', 'Бот бағаны өзгертті', 'Қорытынды'],
  en: ['Product', 'SKU', 'Revenue, ₸', 'Units', 'Orders', 'Average price, ₸', 'Margin, ₸', 'Sold in first place', 'Sold not first', 'Place unknown', 'Days first', 'Days not first', 'Per day first', 'Per day not first', 'Revenue lost (estimate), ₸', 'Bot price changes', 'Verdict'],
};
const KINDS: Record<Language, Record<ProductEarnings['kind'], string>> = {
  ru: { only_when_first: 'продаётся только на 1-м месте', regardless: 'продаётся независимо от места', mixed: 'место влияет', unknown: 'мало данных' },
  kk: { only_when_first: 'тек 1-орында сатылады', regardless: 'орнына қарамай сатылады', mixed: 'орын әсер етеді', unknown: 'деректер аз' },
  en: { only_when_first: 'sells only when first', regardless: 'sells regardless', mixed: 'place matters', unknown: 'not enough data' },
};

const num = (v: number | null): string => (v === null ? '' : String(v));
const decimal = (v: number | null): string => (v === null ? '' : String(v).replace('.', ','));
const totals = (t: SalesTotals): string[] => [num(t.revenue), num(t.orders), num(t.units), num(t.avgPrice), num(t.margin), decimal(t.marginCoverage), num(t.cancelled), num(t.returned)];

/** Every analytics table as an Excel-friendly CSV (the same rules as the orders and products exports). */
export function analyticsCsv(input: {
  table: Table;
  language: Language;
  scope: AnalyticsScope;
  overview: { series: SeriesPoint[]; byStore: (SalesTotals & { name: string })[]; byCity: (SalesTotals & { name: string })[] } | null;
  products: ProductEarnings[] | null;
}): { fileName: string; csv: string } {
  const { language: lang } = input;
  const rows: string[][] = [];
  if (input.table === 'products') {
    rows.push(PRODUCT_HEADERS[lang]);
    for (const p of input.products ?? []) {
      rows.push([text(p.title), text(p.sku), num(p.revenue), num(p.units), num(p.orders), num(p.avgPrice), num(p.margin), num(p.unitsFirst), num(p.unitsNotFirst), num(p.unitsUnknown),
        decimal(p.daysFirst), decimal(p.daysNotFirst), decimal(p.perDayFirst), decimal(p.perDayNotFirst), num(p.lostRevenue), num(p.botChanges), KINDS[lang][p.kind]]);
    }
  } else if (input.table === 'series') {
    const [period, first] = FIRST[lang];
    rows.push([period, ...TOTAL_HEADERS[lang].slice(0, 5), first]);
    for (const s of input.overview?.series ?? []) rows.push([s.period, num(s.revenue), num(s.orders), num(s.units), num(s.avgPrice), num(s.margin), decimal(s.firstShare)]);
  } else {
    rows.push([KEY[lang][input.table], ...TOTAL_HEADERS[lang]]);
    for (const r of (input.table === 'stores' ? input.overview?.byStore : input.overview?.byCity) ?? []) rows.push([text(r.name), ...totals(r)]);
  }
  return { fileName: `analytics-${input.table}-${input.scope.from}-${input.scope.to}.csv`, csv: serialiseCsv(rows) };
}
