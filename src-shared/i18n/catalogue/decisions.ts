import { defineMessages } from '../define-messages';

/**
 * Why the demper set or held a price (src-shared/pricing/reason-message.ts builds these from a
 * decision's reason): the head says what happened to the price, the parts why and which limit held.
 */
export const decisionsMessages = defineMessages({
  'decision.line': { ru: '{head}: {parts}', kk: '{head}: {parts}', en: '{head}: {parts}' },
  'decision.lowered': { ru: 'Снижено до {price, price}', kk: '{price, price} дейін төмендетілді', en: 'Lowered to {price, price}' },
  'decision.raised': { ru: 'Повышено до {price, price}', kk: '{price, price} дейін көтерілді', en: 'Raised to {price, price}' },
  'decision.kept': { ru: 'Цена оставлена {price, price}', kk: 'Баға {price, price} күйінде қалды', en: 'Kept at {price, price}' },
  'decision.wanted': { ru: 'стратегия предлагает {price, price}', kk: 'стратегия ұсынатын баға {price, price}', en: 'the strategy asks for {price, price}' },
  'decision.not_listed': { ru: 'Товар не продаётся в этом городе', kk: 'Тауар бұл қалада сатылмайды', en: 'Not on sale in this city' },
  'decision.step_under': { ru: 'на {step, price} ниже «{rival}»', kk: '«{rival}» бағасынан {step, price} төмен', en: '{step, price} below «{rival}»' },
  'decision.same_as': { ru: 'как у «{rival}»', kk: '«{rival}» бағасымен бірдей', en: 'same as «{rival}»' },
  'decision.place': { ru: '{place}-е место', kk: '{place}-орын', en: 'place {place}' },
  'decision.units': { ru: 'остаток {units} шт.', kk: 'қалдық {units} дана', en: '{units} left in stock' },
  'decision.floor': { ru: 'минимум {price, price}', kk: 'минимум {price, price}', en: 'minimum {price, price}' },
  'decision.ceiling': { ru: 'максимум {price, price}', kk: 'максимум {price, price}', en: 'maximum {price, price}' },

  'decision.why.raise_alone': { ru: 'конкурентов нет, цена поднята к максимуму', kk: 'бәсекелес жоқ, баға максимумға көтерілді', en: 'no rivals, raised toward the maximum' },
  'decision.why.at_target': { ru: 'цена уже на нужном уровне', kk: 'баға қажетті деңгейде', en: 'already at the wanted price' },
  'decision.why.monitor': { ru: 'только наблюдение', kk: 'тек бақылау', en: 'monitoring only' },
  'decision.why.no_ceiling_alone': { ru: 'конкурентов нет, а максимум не задан', kk: 'бәсекелес жоқ, максимум көрсетілмеген', en: 'no rivals and no maximum set' },
  'decision.why.rival_below_floor_hold': {
    ru: 'конкурент ниже вашего минимума — ждём',
    kk: 'бәсекелес сіздің минимумыңыздан төмен — күтеміз',
    en: 'a rival is below your minimum — waiting',
  },
  'decision.why.rival_below_floor_floor': {
    ru: 'конкурент ниже вашего минимума — стоим на минимуме',
    kk: 'бәсекелес сіздің минимумыңыздан төмен — минимумда тұрамыз',
    en: 'a rival is below your minimum — staying at the minimum',
  },
  'decision.why.rival_below_floor_next': {
    ru: 'конкурент ниже вашего минимума — боремся за следующее место',
    kk: 'бәсекелес сіздің минимумыңыздан төмен — келесі орын үшін күресеміз',
    en: 'a rival is below your minimum — competing for the next place',
  },
  'decision.why.price_war_hold': {
    ru: 'ценовая война: этот конкурент отвечает на каждое снижение, не снижаем',
    kk: 'баға соғысы: бұл бәсекелес әр төмендетуге жауап береді, төмендетпейміз',
    en: 'price war: this rival answers every cut, not lowering',
  },
  'decision.why.price_war_next': {
    ru: 'ценовая война: не снижаем, держим следующее место с лучшей маржой',
    kk: 'баға соғысы: төмендетпейміз, келесі орынды жақсы маржамен ұстаймыз',
    en: 'price war: not lowering, holding the next place at a better margin',
  },
  'decision.why.rival_floor': {
    ru: 'ниже этой цены конкурент не опускается — 1-е место держится без войны',
    kk: 'бәсекелес бұл бағадан төмен түспейді — 1-орын соғыссыз сақталады',
    en: 'the rival does not go below this price — first place holds without a war',
  },
  'decision.why.probe_floor': {
    ru: 'конкурент отвечает на каждое снижение — один шаг к вашему минимуму покажет, где его минимум',
    kk: 'бәсекелес әр төмендетуге жауап береді — минимумыңызға бір қадам оның минимумын көрсетеді',
    en: 'the rival answers every cut — one move to your minimum shows where its minimum is',
  },
  'decision.why.probe_back': {
    ru: 'минимум конкурента ниже вашего — возвращаем цену, что была до проверки',
    kk: 'бәсекелестің минимумы сіздікінен төмен — тексеруге дейінгі бағаға ораламыз',
    en: 'the rival’s minimum is below yours — back to the price before the test',
  },
  'decision.why.recover': {
    ru: 'конкурент стоит на своём минимуме — поднимаемся под следующего продавца, он поднимется следом и маржа вернётся',
    kk: 'бәсекелес өз минимумында тұр — келесі сатушының астына көтерілеміз, ол да көтеріледі, маржа қайтады',
    en: 'the rival sits at its minimum — going back up under the next seller; it follows up and the margin comes back',
  },
  'decision.why.suspect_price': {
    ru: 'цена конкурента выглядит ошибочной — не снижаем, аварийная остановка это учитывает',
    kk: 'бәсекелестің бағасы қате сияқты — төмендетпейміз, апаттық тоқтату оны ескереді',
    en: 'the rival’s price looks wrong — not lowering; the emergency stop counts it',
  },
  'decision.why.rules_invalid': { ru: 'минимум выше максимума — исправьте правила', kk: 'минимум максимумнан жоғары — ережелерді түзетіңіз', en: 'the minimum is above the maximum — fix the rules' },
  'decision.why.no_stock': {
    ru: 'товара нет в наличии ни в одной точке — цену не меняем',
    kk: 'тауар ешбір нүктеде жоқ — баға өзгертілмейді',
    en: 'out of stock at every point — the price is not changed',
  },
  'decision.why.low_stock_hold': { ru: 'остаток мал — не снижаем цену', kk: 'қалдық аз — бағаны төмендетпейміз', en: 'low stock — not lowering the price' },
  'decision.why.low_stock_raise': { ru: 'остаток мал — цена поднята к максимуму', kk: 'қалдық аз — баға максимумға көтерілді', en: 'low stock — raised toward the maximum' },
  'decision.why.preorder_hold': {
    ru: 'товар на предзаказе — держим заданную цену, не снижаем',
    kk: 'тауар алдын ала тапсырыста — белгіленген бағаны ұстаймыз, төмендетпейміз',
    en: 'on pre-order — holding the set price, not lowering',
  },

  'decision.guard.min_price': { ru: 'цена не может быть ниже 1 ₸', kk: 'баға 1 ₸-ден төмен болмайды', en: 'a price cannot be below 1 ₸' },
  'decision.guard.max_drop': {
    ru: 'снижение ограничено правилом «макс. снижение за раз»',
    kk: 'төмендету «бір реттік макс. төмендету» ережесімен шектелді',
    en: 'the drop is limited by the max-drop rule',
  },
  'decision.guard.cooldown': { ru: 'пауза между изменениями ещё не прошла', kk: 'өзгерістер арасындағы үзіліс әлі өтпеді', en: 'the pause between changes has not passed yet' },
  'decision.guard.daily_cap': { ru: 'исчерпан лимит изменений за день', kk: 'күндік өзгерістер лимиті таусылды', en: 'the daily change limit is used up' },
});
