import { defineMessages } from '../define-messages';

/**
 * What the contract's schemas say about bad input (src-shared/i18n/issues.ts): the generic
 * problem per kind of zod issue, and the schemas' own words by code. They follow a field path
 * ("floor.price: …"), so they start lower-case.
 */
export const validationMessages = defineMessages({
  'validation.at_path': { ru: '{path}: {problem}', kk: '{path}: {problem}', en: '{path}: {problem}' },
  'validation.invalid_type': {
    ru: '{expected, select, number {нужно число} string {нужен текст} boolean {нужно «да» или «нет»} array {нужен список} object {нужен объект} other {неверный тип значения}}',
    kk: '{expected, select, number {сан керек} string {мәтін керек} boolean {«иә» не «жоқ» керек} array {тізім керек} object {объект керек} other {мәннің түрі қате}}',
    en: '{expected, select, number {a number is needed} string {text is needed} boolean {yes or no is needed} array {a list is needed} object {an object is needed} other {wrong kind of value}}',
  },
  'validation.iso_day': { ru: 'дата в формате ГГГГ-ММ-ДД', kk: 'күн ЖЖЖЖ-АА-КК пішімінде', en: 'a date as YYYY-MM-DD' },
  'validation.too_small': { ru: 'не меньше {minimum}', kk: 'кемінде {minimum}', en: 'at least {minimum}' },
  'validation.too_big': { ru: 'не больше {maximum}', kk: 'ең көбі {maximum}', en: 'at most {maximum}' },
  'validation.too_short': {
    ru: '{minimum, plural, =1 {не может быть пустым} one {не короче # символа} few {не короче # символов} many {не короче # символов} other {не короче # символа}}',
    kk: '{minimum, plural, =1 {бос болмауы керек} other {кемінде # таңба}}',
    en: '{minimum, plural, =1 {cannot be empty} one {at least # character} other {at least # characters}}',
  },
  'validation.too_long': {
    ru: '{maximum, plural, one {не длиннее # символа} few {не длиннее # символов} many {не длиннее # символов} other {не длиннее # символа}}',
    kk: '{maximum, plural, other {ең көбі # таңба}}',
    en: '{maximum, plural, one {at most # character} other {at most # characters}}',
  },
  'validation.too_few': {
    ru: '{minimum, plural, one {нужно хотя бы # значение} few {нужно хотя бы # значения} many {нужно хотя бы # значений} other {нужно хотя бы # значения}}',
    kk: '{minimum, plural, other {кемінде # мән керек}}',
    en: '{minimum, plural, one {at least # value is needed} other {at least # values are needed}}',
  },
  'validation.too_many': {
    ru: '{maximum, plural, one {не больше # значения} few {не больше # значений} many {не больше # значений} other {не больше # значения}}',
    kk: '{maximum, plural, other {ең көбі # мән}}',
    en: '{maximum, plural, one {at most # value} other {at most # values}}',
  },
  'validation.invalid_format': { ru: 'неверный формат', kk: 'пішімі қате', en: 'wrong format' },
  'validation.invalid_email': { ru: 'нужен адрес e-mail', kk: 'e-mail мекенжайы керек', en: 'an e-mail address is needed' },
  'validation.invalid_url': { ru: 'нужен адрес (URL)', kk: 'мекенжай (URL) керек', en: 'an address (URL) is needed' },
  'validation.invalid_value': { ru: 'недопустимое значение', kk: 'рұқсат етілмеген мән', en: 'value not allowed' },
  'validation.unrecognized_keys': { ru: 'неизвестные поля: {keys}', kk: 'белгісіз өрістер: {keys}', en: 'unknown fields: {keys}' },
  'validation.city_id': { ru: 'код города — 9 цифр', kk: 'қала коды — 9 цифр', en: 'a city id is 9 digits' },

  // The contract's own words, by schema.
  'settings.browser_by_dialog': {
    ru: 'браузер выбирается кнопкой «Выбрать…» (окно выбора файла) или флагом --browser при запуске без экрана',
    kk: 'браузер «Таңдау…» батырмасымен (файл таңдау терезесі) немесе экрансыз іске қосқанда --browser жалаушасымен таңдалады',
    en: 'the browser is chosen with the “Choose…” button (a file dialog) or with the --browser flag when started without a screen',
  },
  'settings.kaspi_url': {
    ru: 'нужен адрес Kaspi вида https://….kaspi.kz (адреса симулятора задаются при запуске, флагом --kaspi-sim)',
    kk: 'https://….kaspi.kz түріндегі Kaspi мекенжайы керек (симулятор мекенжайлары іске қосқанда --kaspi-sim жалаушасымен беріледі)',
    en: 'a Kaspi address like https://….kaspi.kz is needed (the simulator’s addresses are given at start, with --kaspi-sim)',
  },
  'demper.time_format': { ru: 'время в формате ЧЧ:ММ', kk: 'уақыт СС:ММ пішімінде', en: 'a time as HH:MM' },
  'demper.offers_rate_min': {
    ru: 'не меньше 0,5 запроса в секунду',
    kk: 'секундына кемінде 0,5 сұрау',
    en: 'at least 0.5 requests a second',
  },
  'demper.offers_rate_max': {
    ru: 'больше 12 запросов в секунду с одного IP Kaspi блокирует',
    kk: 'бір IP-ден секундына 12-ден көп сұрауды Kaspi бұғаттайды',
    en: 'Kaspi blocks more than 12 requests a second from one IP',
  },
  'demper.pushes_rate_max': {
    ru: 'больше 2 изменений в секунду Kaspi блокирует магазин на 30 минут',
    kk: 'секундына 2-ден көп өзгерісте Kaspi дүкенді 30 минутқа бұғаттайды',
    en: 'more than 2 changes a second make Kaspi block the store for 30 minutes',
  },
  'demper.push_window_max': {
    ru: 'Kaspi разрешает не больше 250 изменений за 30 минут',
    kk: 'Kaspi 30 минутта 250-ден көп өзгеріске рұқсат бермейді',
    en: 'Kaspi allows at most 250 changes in 30 minutes',
  },
  'proxies.list_too_large': {
    ru: 'список слишком большой: не больше 1 МБ за раз',
    kk: 'тізім тым үлкен: бір жолы 1 МБ-тан аспауы керек',
    en: 'the list is too large: at most 1 MB at a time',
  },
  'proxies.host_invalid': {
    ru: 'не IP-адрес и не доменное имя',
    kk: 'IP-мекенжай да, домен атауы да емес',
    en: 'not an IP address or host name',
  },
  'rules.object_expected': { ru: 'ожидается объект правил', kk: 'ережелер объектісі күтіледі', en: 'a rules object is expected' },
  'logs.file_name': { ru: 'неверное имя файла', kk: 'файл атауы қате', en: 'wrong file name' },
  'backup.pick_from_list': { ru: 'выберите копию из списка', kk: 'тізімнен көшірмені таңдаңыз', en: 'choose a copy from the list' },
  'stores.email_format': { ru: 'нужен e-mail вида name@shop.kz', kk: 'name@shop.kz түріндегі e-mail керек', en: 'an e-mail like name@shop.kz is needed' },
  'stores.password_empty': { ru: 'введите пароль', kk: 'құпиясөзді енгізіңіз', en: 'enter the password' },
  'stores.phone_format': {
    ru: 'нужен номер вида +7 (777) 123-45-67',
    kk: '+7 (777) 123-45-67 түріндегі нөмір керек',
    en: 'a number like +7 (777) 123-45-67 is needed',
  },
  'stores.code_format': {
    ru: 'код — это 4–8 цифр из SMS или письма',
    kk: 'код — SMS-тегі немесе хаттағы 4–8 цифр',
    en: 'the code is the 4–8 digits from the SMS or e-mail',
  },
  'stores.pick_one': { ru: 'выберите хотя бы один магазин', kk: 'кемінде бір дүкенді таңдаңыз', en: 'choose at least one store' },
  'stores.token_format': {
    ru: 'токен API — длинная строка из кабинета: Настройки → Токен API',
    kk: 'API токені — кабинеттегі ұзын жол: Баптаулар → API токені',
    en: 'the API token is a long string from the cabinet: Settings → API token',
  },
});
