import { defineMessages } from '../define-messages';

/** Pre-orders and stock (issue #16): checks before sending, Kaspi's answers, the file import. */
export const preordersMessages = defineMessages({
  'preorders.price_whole': { ru: 'Цена «{price}» — не целое число тенге от 1 ₸', kk: '«{price}» бағасы 1 ₸-ден бастап тиынсыз бүтін сан емес', en: 'The price “{price}” is not a whole number of tenge from 1 ₸' },
  'preorders.price_below_floor': {
    ru: 'Цена {price, price} ниже минимальной цены товара {floor, price} — бот не продаёт ниже минимума',
    kk: '{price, price} бағасы тауардың ең төменгі бағасынан {floor, price} төмен — бот ең төменгіден арзан сатпайды',
    en: 'The price {price, price} is below the product’s floor {floor, price} — the bot never sells under its floor',
  },
  'preorders.price_above_ceiling': {
    ru: 'Цена {price, price} выше максимальной цены товара {ceiling, price}',
    kk: '{price, price} бағасы тауардың ең жоғары бағасынан {ceiling, price} жоғары',
    en: 'The price {price, price} is above the product’s ceiling {ceiling, price}',
  },
  'preorders.no_points': { ru: 'Не выбрана ни одна точка продаж', kk: 'Бірде-бір сату нүктесі таңдалмаған', en: 'No point of sale is chosen' },
  'preorders.unknown_point': {
    ru: 'Точки {point} нет в этом магазине — проверьте точки на странице «Магазины»',
    kk: 'Бұл дүкенде {point} нүктесі жоқ — нүктелерді «Дүкендер» бетінде тексеріңіз',
    en: 'The store has no point {point} — check its points on the Stores page',
  },
  'preorders.point_twice': { ru: 'Точка {point} указана дважды', kk: '{point} нүктесі екі рет көрсетілген', en: 'Point {point} is given twice' },
  'preorders.days_range': {
    ru: 'Срок предзаказа в {point} — «{days}»: нужно целое число дней от 1 до 30 (0 — продажа из наличия)',
    kk: '{point} нүктесіндегі алдын ала тапсырыс мерзімі — «{days}»: 1-ден 30-ға дейінгі бүтін күн саны керек (0 — қоймадан сату)',
    en: 'The pre-order time at {point} is “{days}”: it must be a whole number of days from 1 to 30 (0 sells from stock)',
  },
  'preorders.stock_whole': {
    ru: 'Остаток в {point} — «{stock}»: нужно целое число штук от 0',
    kk: '{point} нүктесіндегі қалдық — «{stock}»: 0-ден бастап бүтін дана саны керек',
    en: 'The stock at {point} is “{stock}”: it must be a whole number of units from 0',
  },
  'preorders.new_article_one_days': {
    ru: 'Новый товар уходит в Kaspi файлом прайс-листа, а в нём один срок предзаказа на строку — укажите одинаковый срок во всех точках',
    kk: 'Жаңа тауар Kaspi-ге прайс-парақ файлымен жіберіледі, онда бір жолға бір мерзім — барлық нүктеде бірдей мерзім көрсетіңіз',
    en: 'A new article goes to Kaspi in the price-list file, which holds one pre-order time per row — give the same time at every point',
  },
  'preorders.new_article_needs_days': {
    ru: 'Для нового товара укажите срок предзаказа от 1 до 30 дней',
    kk: 'Жаңа тауар үшін алдын ала тапсырыс мерзімін 1-ден 30 күнге дейін көрсетіңіз',
    en: 'Give a new article a pre-order time of 1 to 30 days',
  },
  'preorders.city_prices_differ': {
    ru: 'У товара разные цены по городам — одну цену для всех городов здесь задать нельзя; меняйте цены на странице «Товары»',
    kk: 'Тауардың қалалар бойынша бағасы әртүрлі — мұнда барлық қалаға бір баға қою мүмкін емес; бағаларды «Тауарлар» бетінде өзгертіңіз',
    en: 'The product has different prices per city — one price for all cities cannot be set here; change prices on the Products page',
  },
  'preorders.not_applied': {
    ru: 'Kaspi принял изменение, но в карточке товара его нет после {checks, plural, one {# проверки} few {# проверок} many {# проверок} other {# проверки}} — отправьте ещё раз или проверьте в кабинете',
    kk: 'Kaspi өзгерісті қабылдады, бірақ {checks} тексеруден кейін тауар картасында жоқ — қайта жіберіңіз немесе кабинеттен тексеріңіз',
    en: 'Kaspi took the change, but the offer does not show it after {checks, plural, one {# check} other {# checks}} — send it again or check in the cabinet',
  },
  'preorders.refused': { ru: 'Kaspi отклонил изменение: {reason}', kk: 'Kaspi өзгерісті қабылдамады: {reason}', en: 'Kaspi refused the change: {reason}' },
  'preorders.row_refused': { ru: 'Kaspi отклонил строку файла: {reason}', kk: 'Kaspi файл жолын қабылдамады: {reason}', en: 'Kaspi refused the file row: {reason}' },
  'preorders.login_needed': {
    ru: 'Сессия кабинета истекла и не продлилась — войдите в магазин на странице «Магазины», затем отправьте снова',
    kk: 'Кабинет сессиясы аяқталды және ұзартылмады — «Дүкендер» бетінде дүкенге кіріп, қайта жіберіңіз',
    en: 'The cabinet session expired and could not be renewed — log in to the store on the Stores page, then send again',
  },
  'preorders.busy': {
    ru: '«{sku}» сейчас отправляется в Kaspi — удалить можно после ответа',
    kk: '«{sku}» қазір Kaspi-ге жіберілуде — жауаптан кейін жоюға болады',
    en: '“{sku}” is being sent to Kaspi — it can be removed once Kaspi answers',
  },
  'preorders.row_sku_twice': {
    ru: 'Артикул «{sku}» уже есть выше в файле — оставьте одну строку',
    kk: '«{sku}» артикулы файлда жоғарыда бар — бір жолды қалдырыңыз',
    en: 'The SKU “{sku}” is already in the file above — keep one row',
  },
  'preorders.store_removed': { ru: 'Магазин удалён', kk: 'Дүкен жойылды', en: 'The store was removed' },
  'preorders.not_found': { ru: 'Запись предзаказа не найдена (её удалили?)', kk: 'Алдын ала тапсырыс жазбасы табылмады (жойылды ма?)', en: 'The pre-order entry was not found (was it deleted?)' },
  'preorders.choose_store': {
    ru: 'У вас несколько магазинов — выберите магазин в фильтре над таблицей, затем импортируйте файл',
    kk: 'Сізде бірнеше дүкен бар — кестенің үстіндегі сүзгіден дүкенді таңдап, файлды импорттаңыз',
    en: 'You have several stores — choose the store in the filter above the table, then import the file',
  },
  'preorders.no_stores': { ru: 'Сначала подключите магазин на странице «Магазины»', kk: 'Алдымен «Дүкендер» бетінде дүкенді қосыңыз', en: 'Connect a store on the Stores page first' },
  'preorders.file_unreadable': {
    ru: 'Не удалось прочитать файл Excel: {problem}. Сохраните его в Excel как «Книга Excel (.xlsx)» и попробуйте снова',
    kk: 'Excel файлы оқылмады: {problem}. Оны Excel-де «Excel кітабы (.xlsx)» ретінде сақтап, қайталап көріңіз',
    en: 'The Excel file could not be read: {problem}. Save it in Excel as “Excel Workbook (.xlsx)” and try again',
  },
  'preorders.file_too_big': { ru: 'Файл больше {mb} МБ — разделите его на части', kk: 'Файл {mb} МБ-тан үлкен — оны бөліктерге бөліңіз', en: 'The file is larger than {mb} MB — split it into parts' },
  'preorders.file_no_sku': {
    ru: 'Нет столбца «SKU» (артикул): первая строка должна содержать заголовки SKU, model, brand, price, PP1…PP5, preorder',
    kk: '«SKU» (артикул) бағаны жоқ: бірінші жолда SKU, model, brand, price, PP1…PP5, preorder тақырыптары болуы керек',
    en: 'No “SKU” column: the first row must hold the headers SKU, model, brand, price, PP1…PP5, preorder',
  },
  'preorders.file_no_days': {
    ru: 'Нет столбца «preorder» (срок предзаказа в днях)',
    kk: '«preorder» бағаны жоқ (алдын ала тапсырыс мерзімі, күнмен)',
    en: 'No “preorder” column (the pre-order time in days)',
  },
  'preorders.row_days': {
    ru: 'Срок предзаказа «{days}» — нужно целое число дней от 1 до 30 (0 или пусто — продажа из наличия)',
    kk: 'Алдын ала тапсырыс мерзімі «{days}» — 1-ден 30-ға дейінгі бүтін күн саны керек (0 немесе бос — қоймадан сату)',
    en: 'The pre-order time “{days}” must be a whole number of days from 1 to 30 (0 or empty sells from stock)',
  },
  'preorders.row_point_value': {
    ru: 'В столбце {point} «{value}» — нужно «yes», «no» или остаток числом',
    kk: '{point} бағанында «{value}» — «yes», «no» немесе қалдық санмен керек',
    en: 'Column {point} holds “{value}” — it takes “yes”, “no” or the stock as a number',
  },
  'preorders.row_no_point': {
    ru: 'Ни одна точка (PP1…PP5) не отмечена «yes» или остатком',
    kk: 'Бірде-бір нүкте (PP1…PP5) «yes» немесе қалдықпен белгіленбеген',
    en: 'No point (PP1…PP5) is marked “yes” or with a stock figure',
  },
  'preorders.row_new_needs_name': {
    ru: 'Товара «{sku}» нет в магазине: для нового товара нужны model (название) и price',
    kk: '«{sku}» тауары дүкенде жоқ: жаңа тауар үшін model (атауы) мен price керек',
    en: 'The store has no product “{sku}”: a new article needs a model (its name) and a price',
  },
  'preorders.row_sku_format': {
    ru: 'Артикул «{sku}» не подходит Kaspi: до 20 символов, буквы, цифры, «_» или «-»',
    kk: '«{sku}» артикулы Kaspi-ге сай емес: 20 таңбаға дейін, әріптер, сандар, «_» немесе «-»',
    en: 'The SKU “{sku}” does not suit Kaspi: up to 20 characters, letters, digits, “_” or “-”',
  },
  'preorders.change.new': { ru: 'новая запись', kk: 'жаңа жазба', en: 'new entry' },
  'preorders.change.new_article': { ru: 'новый товар (уйдёт файлом прайс-листа)', kk: 'жаңа тауар (прайс-парақ файлымен жіберіледі)', en: 'new article (goes by price-list file)' },
});
