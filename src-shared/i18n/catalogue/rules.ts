import { defineMessages } from '../define-messages';

/**
 * Pricing rules: the schema's words (src-shared/domain/rules.ts, lower-case: they follow a field
 * path), the seller's sentences per field (src-main/rules/rule-messages.ts) and the refusals of
 * the rules service.
 */
export const rulesMessages = defineMessages({
  // The schema's own words.
  'rules.percent_not_number': { ru: 'процент должен быть числом', kk: 'пайыз сан болуы керек', en: 'a percentage must be a number' },
  'rules.percent_negative': { ru: 'процент не может быть отрицательным', kk: 'пайыз теріс бола алмайды', en: 'a percentage cannot be negative' },
  'rules.percent_above': { ru: 'процент не может быть больше {maximum}', kk: 'пайыз ең көбі {maximum} болуы мүмкін', en: 'a percentage cannot be above {maximum}' },
  'rules.percent_decimals': {
    ru: 'у процента не больше двух знаков после запятой',
    kk: 'пайызда үтірден кейін екі таңбадан аспауы керек',
    en: 'a percentage has at most two decimals',
  },
  'rules.percent_positive': { ru: 'процент должен быть больше 0', kk: 'пайыз 0-ден үлкен болуы керек', en: 'a percentage must be above 0' },
  'rules.price_not_number': { ru: 'цена должна быть числом', kk: 'баға сан болуы керек', en: 'a price must be a number' },
  'rules.price_whole': { ru: 'цена — целое число тенге, без тиынов', kk: 'баға — тиынсыз, теңгенің бүтін саны', en: 'a price is whole tenge, no tiyn' },
  'rules.price_at_least_one': { ru: 'цена не может быть меньше 1 ₸', kk: 'баға 1 ₸-ден кем бола алмайды', en: 'a price cannot be below 1 ₸' },
  'rules.price_above': { ru: 'цена не может быть больше {maximum, price}', kk: 'баға ең көбі {maximum, price} болуы мүмкін', en: 'a price cannot be above {maximum, price}' },
  'rules.amount_not_number': { ru: 'сумма должна быть числом', kk: 'сома сан болуы керек', en: 'an amount must be a number' },
  'rules.amount_whole': { ru: 'сумма — целое число тенге, без тиынов', kk: 'сома — тиынсыз, теңгенің бүтін саны', en: 'an amount is whole tenge, no tiyn' },
  'rules.amount_negative': { ru: 'сумма не может быть отрицательной', kk: 'сома теріс бола алмайды', en: 'an amount cannot be negative' },
  'rules.amount_above': { ru: 'сумма не может быть больше {maximum, price}', kk: 'сома ең көбі {maximum, price} болуы мүмкін', en: 'an amount cannot be above {maximum, price}' },
  'rules.position_whole': { ru: 'место — целое число', kk: 'орын — бүтін сан', en: 'a place is a whole number' },
  'rules.position_from_one': { ru: 'места считаются с 1', kk: 'орындар 1-ден бастап саналады', en: 'places count from 1' },
  'rules.position_at_most_50': { ru: 'место — не дальше 50-го', kk: 'орын 50-ден аспауы керек', en: 'a place is at most 50th' },
  'rules.cooldown_whole': { ru: 'пауза — целое число секунд', kk: 'үзіліс — секундтың бүтін саны', en: 'a pause is a whole number of seconds' },
  'rules.cooldown_negative': { ru: 'пауза не может быть отрицательной', kk: 'үзіліс теріс бола алмайды', en: 'a pause cannot be negative' },
  'rules.low_stock_whole': { ru: 'порог остатка — целое число штук', kk: 'қалдық шегі — даналардың бүтін саны', en: 'a low-stock threshold is a whole number of units' },
  'rules.low_stock_negative': { ru: 'порог остатка не может быть отрицательным', kk: 'қалдық шегі теріс бола алмайды', en: 'a low-stock threshold cannot be negative' },
  'rules.daily_cap_whole': { ru: 'лимит в день — целое число', kk: 'күндік шек — бүтін сан', en: 'a daily limit is a whole number' },
  'rules.daily_cap_at_least_one': {
    ru: 'лимит в день — хотя бы одно изменение',
    kk: 'күндік шек — кемінде бір өзгеріс',
    en: 'a daily limit allows at least one change',
  },
  'rules.fees_below_100': {
    ru: 'комиссия и маржа вместе должны быть меньше 100 %',
    kk: 'комиссия мен маржа бірге 100 %-дан аз болуы керек',
    en: 'commission and margin together must be below 100 %',
  },
  'rules.floor_above_ceiling_at': {
    ru: 'минимальная цена ({floor, price}) выше максимальной ({ceiling, price})',
    kk: 'ең төменгі баға ({floor, price}) ең жоғарыдан ({ceiling, price}) жоғары',
    en: 'the floor ({floor, price}) is above the ceiling ({ceiling, price})',
  },

  // Field names, as the seller reads them next to a problem.
  'rules.field.rules': { ru: 'Правила', kk: 'Ережелер', en: 'Rules' },
  'rules.field.floor': { ru: 'Минимальная цена', kk: 'Ең төменгі баға', en: 'Floor price' },
  'rules.field.ceiling': { ru: 'Максимальная цена', kk: 'Ең жоғары баға', en: 'Ceiling price' },
  'rules.field.step': { ru: 'Шаг', kk: 'Қадам', en: 'Step' },
  'rules.field.strategy': { ru: 'Стратегия', kk: 'Стратегия', en: 'Strategy' },
  'rules.field.targetPosition': { ru: 'Целевое место', kk: 'Мақсатты орын', en: 'Target place' },
  'rules.field.cities': { ru: 'Города', kk: 'Қалалар', en: 'Cities' },
  'rules.field.excludedMerchantIds': { ru: 'Исключённые продавцы', kk: 'Шығарылған сатушылар', en: 'Excluded sellers' },
  'rules.field.deliveryFilter': { ru: 'Фильтр по доставке', kk: 'Жеткізу сүзгісі', en: 'Delivery filter' },
  'rules.field.belowFloor': { ru: 'Если конкурент ниже минимума', kk: 'Бәсекелес ең төменгіден төмен болса', en: 'If a rival is below the floor' },
  'rules.field.cooldownSeconds': { ru: 'Пауза между изменениями', kk: 'Өзгерістер арасындағы үзіліс', en: 'Pause between changes' },
  'rules.field.maxChangesPerDay': { ru: 'Лимит изменений в день', kk: 'Күніне өзгерістер шегі', en: 'Changes per day limit' },
  'rules.field.maxDropPerChange': { ru: 'Макс. снижение за раз', kk: 'Бір реттегі ең көп төмендеу', en: 'Max drop per change' },
  'rules.field.fees': { ru: 'Комиссии', kk: 'Комиссиялар', en: 'Fees' },
  'rules.field.lowStockThreshold': { ru: 'Порог малого остатка', kk: 'Аз қалдық шегі', en: 'Low-stock threshold' },
  'rules.field.lowStockRaise': { ru: 'Поднимать цену при малом остатке', kk: 'Қалдық аз болса бағаны көтеру', en: 'Raise the price on low stock' },
  'rules.field.preOrderStrategy': { ru: 'Цена товара на предзаказе', kk: 'Алдын ала тапсырыстағы тауар бағасы', en: 'Price of a pre-order offer' },
  'rules.field.botEnabled': { ru: 'Бот', kk: 'Бот', en: 'Bot' },

  // The seller's sentences. A problem that does not name its field is shown after it ("Шаг: …").
  'rules.field_problem': { ru: '{field}: {problem, lower}', kk: '{field}: {problem, lower}', en: '{field}: {problem, lower}' },
  'rules.as_sentence': { ru: '{problem, capital}', kk: '{problem, capital}', en: '{problem, capital}' },
  'rules.not_whole.price': { ru: 'Цена должна быть целым числом тенге', kk: 'Баға теңгенің бүтін саны болуы керек', en: 'A price must be whole tenge' },
  'rules.not_whole.amount': { ru: 'Сумма должна быть целым числом тенге', kk: 'Сома теңгенің бүтін саны болуы керек', en: 'An amount must be whole tenge' },
  'rules.not_whole.percent': { ru: 'Процент должен быть числом', kk: 'Пайыз сан болуы керек', en: 'A percentage must be a number' },
  'rules.not_whole.position': { ru: 'Место — целое число', kk: 'Орын — бүтін сан', en: 'A place is a whole number' },
  'rules.not_whole.seconds': { ru: 'Пауза — целое число секунд', kk: 'Үзіліс — секундтың бүтін саны', en: 'A pause is a whole number of seconds' },
  'rules.not_whole.count': { ru: 'Лимит — целое число', kk: 'Шек — бүтін сан', en: 'A limit is a whole number' },
  'rules.not_whole.other': { ru: 'Нужно целое число', kk: 'Бүтін сан керек', en: 'A whole number is needed' },
  'rules.too_small.price': { ru: 'Цена должна быть не меньше 1 ₸', kk: 'Баға 1 ₸-ден кем болмауы керек', en: 'A price must be at least 1 ₸' },
  'rules.too_small.amount': { ru: 'Сумма не может быть отрицательной', kk: 'Сома теріс бола алмайды', en: 'An amount cannot be negative' },
  'rules.too_small.percent': {
    ru: 'Процент не может быть отрицательным или нулевым',
    kk: 'Пайыз теріс немесе нөл бола алмайды',
    en: 'A percentage cannot be negative or zero',
  },
  'rules.too_small.position': { ru: 'Место начинается с 1', kk: 'Орын 1-ден басталады', en: 'Places start at 1' },
  'rules.too_small.seconds': { ru: 'Пауза не может быть отрицательной', kk: 'Үзіліс теріс бола алмайды', en: 'A pause cannot be negative' },
  'rules.too_small.count': {
    ru: 'Лимит должен разрешать хотя бы одно изменение',
    kk: 'Шек кемінде бір өзгеріске рұқсат беруі керек',
    en: 'A limit must allow at least one change',
  },
  'rules.too_small.other': { ru: 'Слишком маленькое значение', kk: 'Мән тым кіші', en: 'The value is too small' },
  'rules.floor_above_ceiling': {
    ru: 'Минимальная цена выше максимальной ({floor, price} > {ceiling, price})',
    kk: 'Ең төменгі баға ең жоғарыдан жоғары ({floor, price} > {ceiling, price})',
    en: 'The floor is above the ceiling ({floor, price} > {ceiling, price})',
  },
  'rules.fees_too_high': {
    ru: 'Комиссия и маржа вместе должны быть меньше 100 %',
    kk: 'Комиссия мен маржа бірге 100 %-дан аз болуы керек',
    en: 'Commission and margin together must be below 100 %',
  },
  'rules.no_floor': { ru: 'Не задана минимальная цена', kk: 'Ең төменгі баға берілмеген', en: 'No floor price is set' },
  'rules.unknown_strategy': { ru: 'Неизвестная стратегия «{value}»', kk: 'Белгісіз стратегия «{value}»', en: 'Unknown strategy “{value}”' },
  'rules.unknown_below_floor': { ru: 'Неизвестное правило «{value}»', kk: 'Белгісіз ереже «{value}»', en: 'Unknown rule “{value}”' },
  'rules.number_needed': {
    ru: '{field}: нужно число, а не «{value}»',
    kk: '{field}: «{value}» емес, сан керек',
    en: '{field}: a number is needed, not “{value}”',
  },
  'rules.percent_max': { ru: 'Процент не может быть больше {maximum}', kk: 'Пайыз ең көбі {maximum} болуы мүмкін', en: 'A percentage cannot be above {maximum}' },
  'rules.position_max': { ru: 'Место — не дальше 50-го', kk: 'Орын 50-ден аспауы керек', en: 'A place is at most 50th' },
  'rules.price_max': { ru: 'Цена не может быть больше {maximum, price}', kk: 'Баға ең көбі {maximum, price} болуы мүмкін', en: 'A price cannot be above {maximum, price}' },
  'rules.amount_max': { ru: 'Сумма не может быть больше {maximum, price}', kk: 'Сома ең көбі {maximum, price} болуы мүмкін', en: 'An amount cannot be above {maximum, price}' },
  'rules.unknown_fields': { ru: 'Неизвестные поля: {keys}', kk: 'Белгісіз өрістер: {keys}', en: 'Unknown fields: {keys}' },
  'rules.bad_value': { ru: '{field}: неверное значение', kk: '{field}: мән қате', en: '{field}: wrong value' },

  // The rules service's refusals.
  'rules.store_not_found': { ru: 'Магазин {storeId} не найден', kk: '{storeId} дүкені табылмады', en: 'Store {storeId} not found' },
  'rules.product_not_found': { ru: 'Товар {productId} не найден', kk: '{productId} тауары табылмады', en: 'Product {productId} not found' },
  'rules.unknown_rule_fields': { ru: 'Неизвестные поля правил: {fields}', kk: 'Ережелердің белгісіз өрістері: {fields}', en: 'Unknown rule fields: {fields}' },
  'rules.not_saved': { ru: 'Правила не сохранены', kk: 'Ережелер сақталмады', en: 'The rules were not saved' },
  'rules.set_floor_first': { ru: 'Сначала задайте минимальную цену', kk: 'Алдымен ең төменгі бағаны беріңіз', en: 'Set the floor price first' },
  'rules.fix_first': { ru: 'Сначала исправьте правила', kk: 'Алдымен ережелерді түзетіңіз', en: 'Fix the rules first' },
  'rules.bot_not_enabled': {
    ru: 'Бот не включён: у {bad} из {total, plural, one {# товара} few {# товаров} many {# товаров} other {# товара}} правила не готовы (нужна минимальная цена)',
    kk: 'Бот қосылмады: {total} тауардың {bad} тауарында ережелер дайын емес (ең төменгі баға керек)',
    en: 'The bot was not turned on: rules are not ready for {bad} of {total, plural, one {# product} other {# products}} (a floor price is needed)',
  },
  'rules.defaults_not_saved': {
    ru: 'Настройки магазина не сохранены: с ними товары с включённым ботом нельзя оценить',
    kk: 'Дүкен баптаулары сақталмады: олармен боты қосулы тауарлардың бағасын есептеу мүмкін емес',
    en: 'The store settings were not saved: with them, products with the bot on cannot be priced',
  },
  'rules.rejected': {
    ru: '{headline}. {examples}{more, plural, =0 {} one { и ещё # товар} few { и ещё # товара} many { и ещё # товаров} other { и ещё # товара}}',
    kk: '{headline}. {examples}{more, plural, =0 {} other { және тағы # тауар}}',
    en: '{headline}. {examples}{more, plural, =0 {} one { and # more product} other { and # more products}}',
  },
  'rules.product_problems': { ru: '{sku} ({errors})', kk: '{sku} ({errors})', en: '{sku} ({errors})' },
});
