import type { City } from './model';

/** City ids and names from kaspi-api.md §9 ("City IDs"); getCities serves all of them. */
export const CITIES: City[] = [
  { id: '750000000', name: 'Алматы' },
  { id: '710000000', name: 'Астана' },
  { id: '511010000', name: 'Шымкент' },
  { id: '351010000', name: 'Караганда' },
  { id: '151010000', name: 'Актобе' },
  { id: '231010000', name: 'Атырау' },
  { id: '471010000', name: 'Актау' },
  { id: '391010000', name: 'Костанай' },
  { id: '551010000', name: 'Павлодар' },
  { id: '632810000', name: 'Семей' },
  { id: '271010000', name: 'Уральск' },
  { id: '311010000', name: 'Тараз' },
  { id: '631010000', name: 'Усть-Каменогорск' },
  { id: '431010000', name: 'Кызылорда' },
  { id: '191010000', name: 'Талдыкорган' },
  { id: '591010000', name: 'Петропавловск' },
  { id: '552210000', name: 'Экибастуз' },
  { id: '512610000', name: 'Туркестан' },
  { id: '352410000', name: 'Темиртау' },
  { id: '392410000', name: 'Рудный' },
  { id: '156420100', name: 'Риддер' },
  { id: '351610000', name: 'Балхаш' },
  { id: '351810000', name: 'Жезказган' },
  { id: '352310000', name: 'Сатпаев' },
  { id: '352810000', name: 'Шахтинск' },
  { id: '551610000', name: 'Аксу' },
  { id: '316220100', name: 'Каратау' },
  { id: '233620100', name: 'Кульсары' },
];

export function citiesByCount(count: number): City[] {
  return CITIES.slice(0, count);
}

export const COMPETITOR_NAMES = [
  'ТехноМир', 'Gadget KZ', 'Smart Store Almaty', 'Электроника 24', 'ИП Ахметов', 'BestPrice KZ',
  'Мега Маркет', 'Digital Point', 'ИП Сейткали', 'Qazaq Shop', 'Nur Electronics', 'Arman Store',
  'Zhuldyz Trade', 'TopTech', 'ИП Жумабеков', 'Alem Gadgets', 'Dala Market', 'Sapa Store',
  'ИП Касымова', 'Tau Digital', 'Orda Shop', 'Steppe Tech', 'Baiterek Trade', 'ИП Оспанов',
];

export const CATALOG: { category: string; brands: string[]; models: string[]; variants: string[]; price: [number, number] }[] = [
  { category: 'Smartphones', brands: ['Apple', 'Samsung', 'Xiaomi', 'Honor', 'Realme'], models: ['X10', 'A55', 'Note 13', 'Pro 12', 'S24', 'C65'], variants: ['128Gb черный', '256Gb синий', '8/256Gb серый', '128Gb белый'], price: [60_000, 650_000] },
  { category: 'Headphones', brands: ['Sony', 'JBL', 'Apple', 'Marshall', 'Soundcore'], models: ['WH-1000', 'Tune 520', 'AirPods 3', 'Major V', 'Life Q30'], variants: ['черный', 'белый', 'синий'], price: [9_000, 190_000] },
  { category: 'Notebooks', brands: ['Lenovo', 'ASUS', 'HP', 'Acer', 'Apple'], models: ['IdeaPad 3', 'VivoBook 15', 'Pavilion 14', 'Aspire 5', 'MacBook Air 13'], variants: ['8/256Gb', '16/512Gb', '16/1Tb'], price: [180_000, 900_000] },
  { category: 'TV', brands: ['Samsung', 'LG', 'TCL', 'Hisense', 'Xiaomi'], models: ['UE43', 'OLED55', '50P635', '55A6', 'Mi TV A2'], variants: ['43"', '50"', '55"', '65"'], price: [120_000, 1_200_000] },
  { category: 'Vacuum cleaners', brands: ['Dyson', 'Xiaomi', 'Philips', 'Tefal', 'Dreame'], models: ['V15', 'Robot S10', 'PowerPro', 'X-Force', 'L10s'], variants: ['серый', 'белый', 'черный'], price: [25_000, 450_000] },
  { category: 'Kitchen appliances', brands: ['Bosch', 'Philips', 'Redmond', 'Tefal', 'Kitfort'], models: ['MUM5', 'HD9252', 'RMC-M90', 'Optigrill', 'KT-1337'], variants: ['белый', 'черный', 'стальной'], price: [8_000, 250_000] },
];

export const FIRST_NAMES = ['Айгерим', 'Ерлан', 'Дана', 'Нурлан', 'Асель', 'Тимур', 'Мадина', 'Арман', 'Жанна', 'Данияр'];
export const LAST_NAMES = ['Ахметова', 'Садыков', 'Иванова', 'Жумабаев', 'Ким', 'Сейткали', 'Оспанова', 'Бекова', 'Петров', 'Абенов'];
export const STREETS = ['Абая', 'Достык', 'Сатпаева', 'Толе би', 'Кабанбай батыра', 'Манаса', 'Райымбека'];
export const REVIEW_TEXTS = [
  ['Отличный товар, доставили быстро', 'Качество, цена', 'Нет'],
  ['Всё соответствует описанию', 'Быстрая доставка', 'Коробка помята'],
  ['Пользуюсь неделю, доволен', 'Работает отлично', 'Пока не нашёл'],
  ['Нормально за свои деньги', 'Цена', 'Мелкие недочёты'],
  ['Не понравилось', 'Нет', 'Быстро сломался'],
];
