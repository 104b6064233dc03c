import type { Guard, Reason, ReasonCode } from '../domain/decision';
import { formatTenge as t } from './format-tenge';

export type Lang = 'ru' | 'en' | 'kk';

interface Phrases {
  lowered: (p: string) => string;
  raised: (p: string) => string;
  kept: (p: string) => string;
  wanted: (p: string) => string;
  notListed: string;
  stepUnder: (step: string, rival: string) => string;
  sameAs: (rival: string) => string;
  code: Record<Exclude<ReasonCode, 'undercut' | 'match' | 'top_n' | 'raise_gap' | 'not_listed'>, string>;
  place: (n: number) => string;
  units: (n: number) => string;
  floor: (p: string) => string;
  ceiling: (p: string) => string;
  guard: Record<Exclude<Guard, 'floor' | 'ceiling'>, string>;
}

const q = (name: string) => `«${name}»`;

const PHRASES: Record<Lang, Phrases> = {
  ru: {
    lowered: (p) => `Снижено до ${p}`,
    raised: (p) => `Повышено до ${p}`,
    kept: (p) => `Цена оставлена ${p}`,
    wanted: (p) => `стратегия предлагает ${p}`,
    notListed: 'Товар не продаётся в этом городе',
    stepUnder: (s, r) => `на ${s} ниже ${r}`,
    sameAs: (r) => `как у ${r}`,
    code: {
      raise_alone: 'конкурентов нет, цена поднята к максимуму',
      at_target: 'цена уже на нужном уровне',
      monitor: 'только наблюдение',
      no_ceiling_alone: 'конкурентов нет, а максимум не задан',
      rival_below_floor_hold: 'конкурент ниже вашего минимума — ждём',
      rival_below_floor_floor: 'конкурент ниже вашего минимума — стоим на минимуме',
      rival_below_floor_next: 'конкурент ниже вашего минимума — боремся за следующее место',
      price_war_hold: 'ценовая война: этот конкурент отвечает на каждое снижение, не снижаем',
      price_war_next: 'ценовая война: не снижаем, держим следующее место с лучшей маржой',
      rival_floor: 'ниже этой цены конкурент не опускается — 1-е место держится без войны',
      probe_floor: 'конкурент отвечает на каждое снижение — один шаг к вашему минимуму покажет, где его минимум',
      probe_back: 'минимум конкурента ниже вашего — возвращаем цену, что была до проверки',
      recover: 'конкурент стоит на своём минимуме — поднимаемся под следующего продавца, он поднимется следом и маржа вернётся',
      suspect_price: 'цена конкурента выглядит ошибочной — не снижаем, аварийная остановка это учитывает',
      rules_invalid: 'минимум выше максимума — исправьте правила',
      no_stock: 'товара нет в наличии ни в одной точке — цену не меняем',
      low_stock_hold: 'остаток мал — не снижаем цену',
      low_stock_raise: 'остаток мал — цена поднята к максимуму',
      preorder_hold: 'товар на предзаказе — держим заданную цену, не снижаем',
    },
    place: (n) => `${n}-е место`,
    units: (n) => `остаток ${n} шт.`,
    floor: (p) => `минимум ${p}`,
    ceiling: (p) => `максимум ${p}`,
    guard: {
      min_price: 'цена не может быть ниже 1 ₸',
      max_drop: 'снижение ограничено правилом «макс. снижение за раз»',
      cooldown: 'пауза между изменениями ещё не прошла',
      daily_cap: 'исчерпан лимит изменений за день',
    },
  },
  en: {
    lowered: (p) => `Lowered to ${p}`,
    raised: (p) => `Raised to ${p}`,
    kept: (p) => `Kept at ${p}`,
    wanted: (p) => `the strategy asks for ${p}`,
    notListed: 'Not on sale in this city',
    stepUnder: (s, r) => `${s} below ${r}`,
    sameAs: (r) => `same as ${r}`,
    code: {
      raise_alone: 'no rivals, raised toward the maximum',
      at_target: 'already at the wanted price',
      monitor: 'monitoring only',
      no_ceiling_alone: 'no rivals and no maximum set',
      rival_below_floor_hold: 'a rival is below your minimum — waiting',
      rival_below_floor_floor: 'a rival is below your minimum — staying at the minimum',
      rival_below_floor_next: 'a rival is below your minimum — competing for the next place',
      price_war_hold: 'price war: this rival answers every cut, not lowering',
      price_war_next: 'price war: not lowering, holding the next place at a better margin',
      rival_floor: 'the rival does not go below this price — first place holds without a war',
      probe_floor: 'the rival answers every cut — one move to your minimum shows where its minimum is',
      probe_back: 'the rival’s minimum is below yours — back to the price before the test',
      recover: 'the rival sits at its minimum — going back up under the next seller; it follows up and the margin comes back',
      suspect_price: 'the rival’s price looks wrong — not lowering; the emergency stop counts it',
      rules_invalid: 'the minimum is above the maximum — fix the rules',
      no_stock: 'out of stock at every point — the price is not changed',
      low_stock_hold: 'low stock — not lowering the price',
      low_stock_raise: 'low stock — raised toward the maximum',
      preorder_hold: 'on pre-order — holding the set price, not lowering',
    },
    place: (n) => `place ${n}`,
    units: (n) => `${n} left in stock`,
    floor: (p) => `minimum ${p}`,
    ceiling: (p) => `maximum ${p}`,
    guard: {
      min_price: 'a price cannot be below 1 ₸',
      max_drop: 'the drop is limited by the max-drop rule',
      cooldown: 'the pause between changes has not passed yet',
      daily_cap: 'the daily change limit is used up',
    },
  },
  kk: {
    lowered: (p) => `${p} дейін төмендетілді`,
    raised: (p) => `${p} дейін көтерілді`,
    kept: (p) => `Баға ${p} күйінде қалды`,
    wanted: (p) => `стратегия ұсынатын баға ${p}`,
    notListed: 'Тауар бұл қалада сатылмайды',
    stepUnder: (s, r) => `${r} бағасынан ${s} төмен`,
    sameAs: (r) => `${r} бағасымен бірдей`,
    code: {
      raise_alone: 'бәсекелес жоқ, баға максимумға көтерілді',
      at_target: 'баға қажетті деңгейде',
      monitor: 'тек бақылау',
      no_ceiling_alone: 'бәсекелес жоқ, максимум көрсетілмеген',
      rival_below_floor_hold: 'бәсекелес сіздің минимумыңыздан төмен — күтеміз',
      rival_below_floor_floor: 'бәсекелес сіздің минимумыңыздан төмен — минимумда тұрамыз',
      rival_below_floor_next: 'бәсекелес сіздің минимумыңыздан төмен — келесі орын үшін күресеміз',
      price_war_hold: 'баға соғысы: бұл бәсекелес әр төмендетуге жауап береді, төмендетпейміз',
      price_war_next: 'баға соғысы: төмендетпейміз, келесі орынды жақсы маржамен ұстаймыз',
      rival_floor: 'бәсекелес бұл бағадан төмен түспейді — 1-орын соғыссыз сақталады',
      probe_floor: 'бәсекелес әр төмендетуге жауап береді — минимумыңызға бір қадам оның минимумын көрсетеді',
      probe_back: 'бәсекелестің минимумы сіздікінен төмен — тексеруге дейінгі бағаға ораламыз',
      recover: 'бәсекелес өз минимумында тұр — келесі сатушының астына көтерілеміз, ол да көтеріледі, маржа қайтады',
      suspect_price: 'бәсекелестің бағасы қате сияқты — төмендетпейміз, апаттық тоқтату оны ескереді',
      rules_invalid: 'минимум максимумнан жоғары — ережелерді түзетіңіз',
      no_stock: 'тауар ешбір нүктеде жоқ — баға өзгертілмейді',
      low_stock_hold: 'қалдық аз — бағаны төмендетпейміз',
      low_stock_raise: 'қалдық аз — баға максимумға көтерілді',
      preorder_hold: 'тауар алдын ала тапсырыста — белгіленген бағаны ұстаймыз, төмендетпейміз',
    },
    place: (n) => `${n}-орын`,
    units: (n) => `қалдық ${n} дана`,
    floor: (p) => `минимум ${p}`,
    ceiling: (p) => `максимум ${p}`,
    guard: {
      min_price: 'баға 1 ₸-ден төмен болмайды',
      max_drop: 'төмендету «бір реттік макс. төмендету» ережесімен шектелді',
      cooldown: 'өзгерістер арасындағы үзіліс әлі өтпеді',
      daily_cap: 'күндік өзгерістер лимиті таусылды',
    },
  },
};

/**
 * One line a seller can read: what happened to the price, because of whom, and which limit held it,
 * e.g. "Снижено до 12 990 ₸: на 10 ₸ ниже «Магазин X»; минимум 12 500 ₸".
 */
export function describeReason(reason: Reason, lang: Lang = 'ru'): string {
  const ph = PHRASES[lang];
  if (reason.code === 'not_listed' || reason.price === null) return ph.notListed;
  const prev = reason.previousPrice ?? reason.price;
  const head = reason.price < prev ? ph.lowered(t(reason.price)) : reason.price > prev ? ph.raised(t(reason.price)) : ph.kept(t(reason.price));

  const parts: string[] = [];
  const target = reason.target;
  // A guard held the price: say what the strategy wanted, so "10 ₸ below X" is not read as done.
  if (reason.price === prev && reason.proposedPrice !== null && reason.proposedPrice !== prev) parts.push(ph.wanted(t(reason.proposedPrice)));
  switch (reason.code) {
    case 'undercut':
    case 'top_n':
    case 'raise_gap':
      if (target) parts.push(reason.step > 0 ? ph.stepUnder(t(reason.step), q(target.merchantName)) : ph.sameAs(q(target.merchantName)));
      if (target && reason.code === 'top_n') parts.push(ph.place(target.place));
      break;
    case 'match':
      if (target) parts.push(ph.sameAs(q(target.merchantName)));
      break;
    case 'rival_below_floor_next':
    case 'price_war_next':
    case 'rival_floor':
      parts.push(ph.code[reason.code]);
      if (target) parts.push(ph.stepUnder(t(reason.step), q(target.merchantName)));
      break;
    default:
      parts.push(ph.code[reason.code]);
  }
  if (reason.stockUnits !== null && reason.stockUnits !== undefined && reason.stockUnits > 0) parts.push(ph.units(reason.stockUnits));
  for (const g of reason.guards) {
    if (g === 'floor') parts.push(ph.floor(t(reason.floor)));
    else if (g === 'ceiling' && reason.ceiling !== null) parts.push(ph.ceiling(t(reason.ceiling)));
    else if (g !== 'ceiling') parts.push(ph.guard[g]);
  }
  // The floor is the number sellers ask about most: show it whenever a price went down.
  if (reason.price < prev && !reason.guards.includes('floor')) parts.push(ph.floor(t(reason.floor)));
  return parts.length > 0 ? `${head}: ${parts.join('; ')}` : head;
}
