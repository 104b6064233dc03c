import { defineMessages } from '../define-messages';

/** The rules CSV import: what is wrong with the file, a row or a cell (src-shared/csv, src-main/rules/rules-csv.ts). */
export const csvMessages = defineMessages({
  'csv.empty': { ru: 'Файл пуст', kk: 'Файл бос', en: 'The file is empty' },
  'csv.binary': {
    ru: 'Это не CSV-файл (похоже на .xlsx или другой двоичный файл). В Excel сохраните таблицу как «CSV UTF-8 (разделитель — запятая)» или «CSV (разделитель — точка с запятой)».',
    kk: 'Бұл CSV-файл емес (.xlsx немесе басқа екілік файлға ұқсайды). Excel-де кестені «CSV UTF-8 (үтірмен бөлінген)» немесе «CSV (нүктелі үтірмен бөлінген)» ретінде сақтаңыз.',
    en: 'This is not a CSV file (it looks like .xlsx or another binary file). In Excel, save the sheet as “CSV UTF-8 (Comma delimited)” or “CSV (Semicolon delimited)”.',
  },
  'csv.unreadable': { ru: 'Не удалось прочитать CSV: {problem}', kk: 'CSV оқылмады: {problem}', en: 'Could not read the CSV: {problem}' },
  'csv.unclosed_quote': { ru: 'незакрытая кавычка (строка {line})', kk: 'жабылмаған тырнақша ({line}-жол)', en: 'an unclosed quote (line {line})' },
  'csv.no_sku_column': {
    ru: 'Нет столбца «Артикул» (SKU): первая строка файла должна содержать заголовки, например «Артикул;Минимальная цена;Максимальная цена»',
    kk: '«Артикул» (SKU) бағаны жоқ: файлдың бірінші жолында тақырыптар болуы керек, мысалы «Артикул;Минимальная цена;Максимальная цена»',
    en: 'No “SKU” column: the file’s first line must hold the headers, e.g. “SKU;Floor;Ceiling”',
  },
  'csv.no_rule_columns': {
    ru: 'Нет ни одного столбца с правилами: «Минимальная цена», «Себестоимость», «Максимальная цена», «Шаг», «Стратегия», «Целевое место» или «Бот»',
    kk: 'Ережелері бар бірде-бір баған жоқ: «Минимальная цена», «Себестоимость», «Максимальная цена», «Шаг», «Стратегия», «Целевое место» немесе «Бот»',
    en: 'No column with rules: “Floor”, “Cost”, “Ceiling”, “Step”, “Strategy”, “Target position” or “Bot”',
  },
  'csv.header_only': {
    ru: 'В файле только заголовок — нет ни одной строки с товарами',
    kk: 'Файлда тек тақырып бар — тауарлары бар бірде-бір жол жоқ',
    en: 'The file holds only the header — no line with products',
  },
  'csv.column_twice': { ru: 'Столбец «{column}» встречается дважды', kk: '«{column}» бағаны екі рет кездеседі', en: 'Column “{column}” appears twice' },
  'csv.row_repeats': { ru: 'Этот товар уже есть в строке {line}', kk: 'Бұл тауар {line}-жолда бар', en: 'This product is already on line {line}' },
  'csv.sku_not_in_store': {
    ru: 'Товар с артикулом «{sku}» не найден в магазине «{store}»',
    kk: '«{sku}» артикулы бар тауар «{store}» дүкенінен табылмады',
    en: 'No product with SKU “{sku}” in store “{store}”',
  },
  'csv.sku_not_found': { ru: 'Товар с артикулом «{sku}» не найден', kk: '«{sku}» артикулы бар тауар табылмады', en: 'No product with SKU “{sku}”' },
  'csv.sku_in_many_stores': {
    ru: 'Артикул «{sku}» есть в нескольких магазинах — заполните столбец «Магазин»',
    kk: '«{sku}» артикулы бірнеше дүкенде бар — «Магазин» бағанын толтырыңыз',
    en: 'SKU “{sku}” is in several stores — fill in the “Store” column',
  },
  'csv.no_sku': { ru: 'Не указан артикул', kk: 'Артикул көрсетілмеген', en: 'No SKU given' },
  'csv.floor_and_cost': {
    ru: 'Укажите либо минимальную цену, либо себестоимость, не обе',
    kk: 'Не ең төменгі бағаны, не өзіндік құнды көрсетіңіз, екеуін бірге емес',
    en: 'Give either a floor price or a cost, not both',
  },
  'csv.cell': { ru: '{column}: {problem}', kk: '{column}: {problem}', en: '{column}: {problem}' },
  'csv.not_a_number': { ru: 'не число: «{raw}»', kk: 'сан емес: «{raw}»', en: 'not a number: “{raw}”' },
  'csv.fraction': {
    ru: '{what, select, step {шаг должен} other {цена должна}} быть целым числом тенге, без тиынов: «{raw}»',
    kk: '{what, select, step {қадам} other {баға}} тиынсыз, теңгенің бүтін саны болуы керек: «{raw}»',
    en: 'a {what, select, step {step} other {price}} must be whole tenge, no tiyn: “{raw}”',
  },
  'csv.negative': {
    ru: '{what, select, step {шаг не может быть отрицательным} other {цена не может быть отрицательной}}: «{raw}»',
    kk: '{what, select, step {қадам} other {баға}} теріс бола алмайды: «{raw}»',
    en: 'a {what, select, step {step} other {price}} cannot be negative: “{raw}”',
  },
  'csv.too_small': {
    ru: '{what, select, step {шаг должен} other {цена должна}} быть не меньше {min, price}: «{raw}»',
    kk: '{what, select, step {қадам} other {баға}} кемінде {min, price} болуы керек: «{raw}»',
    en: 'a {what, select, step {step} other {price}} must be at least {min, price}: “{raw}”',
  },
  'csv.too_big': {
    ru: '{what, select, step {шаг не может} other {цена не может}} быть больше {max, price}: «{raw}»',
    kk: '{what, select, step {қадам} other {баға}} ең көбі {max, price} болуы мүмкін: «{raw}»',
    en: 'a {what, select, step {step} other {price}} cannot be above {max, price}: “{raw}”',
  },
  'csv.step_percent_format': {
    ru: 'шаг в процентах — число до двух знаков после запятой: «{raw}»',
    kk: 'пайыздағы қадам — үтірден кейін екі таңбаға дейінгі сан: «{raw}»',
    en: 'a step in percent is a number with at most two decimals: “{raw}”',
  },
  'csv.step_percent_range': {
    ru: 'шаг в процентах — от 0,01 до 100: «{raw}»',
    kk: 'пайыздағы қадам — 0,01-ден 100-ге дейін: «{raw}»',
    en: 'a step in percent is 0.01 to 100: “{raw}”',
  },
  'csv.yes_or_no': { ru: 'ожидается «да» или «нет»: «{raw}»', kk: '«иә» немесе «жоқ» күтіледі: «{raw}»', en: '“yes” or “no” expected: “{raw}”' },
  'csv.place': { ru: 'место — целое число от 1 до 50: «{raw}»', kk: 'орын — 1-ден 50-ге дейінгі бүтін сан: «{raw}»', en: 'a place is a whole number from 1 to 50: “{raw}”' },
  'csv.column.store': { ru: 'Магазин', kk: 'Дүкен', en: 'Store' },
  'csv.column.sku': { ru: 'Артикул', kk: 'Артикул', en: 'SKU' },
  'csv.column.title': { ru: 'Название', kk: 'Атауы', en: 'Title' },
  'csv.column.floor': { ru: 'Минимальная цена', kk: 'Ең төменгі баға', en: 'Floor' },
  'csv.column.cost': { ru: 'Себестоимость', kk: 'Өзіндік құн', en: 'Cost' },
  'csv.column.ceiling': { ru: 'Максимальная цена', kk: 'Ең жоғары баға', en: 'Ceiling' },
  'csv.column.step': { ru: 'Шаг', kk: 'Қадам', en: 'Step' },
  'csv.column.strategy': { ru: 'Стратегия', kk: 'Стратегия', en: 'Strategy' },
  'csv.column.targetPosition': { ru: 'Целевое место', kk: 'Мақсатты орын', en: 'Target position' },
  'csv.column.bot': { ru: 'Бот', kk: 'Бот', en: 'Bot' },
});
