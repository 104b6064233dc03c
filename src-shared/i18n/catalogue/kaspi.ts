import { defineMessages } from '../define-messages';

/** How a call to Kaspi failed (src-shared/domain/kaspi-error.ts, src-main/kaspi), and what to do. */
export const kaspiMessages = defineMessages({
  'kaspi.wrong-credentials': {
    ru: 'Kaspi не принял логин или пароль. Проверьте их и войдите снова.',
    kk: 'Kaspi логинді немесе құпиясөзді қабылдамады. Оларды тексеріп, қайта кіріңіз.',
    en: 'Kaspi did not accept the login or password. Check them and log in again.',
  },
  'kaspi.session-expired': {
    ru: 'Сессия кабинета Kaspi истекла. Нужно войти в кабинет заново.',
    kk: 'Kaspi кабинетінің сессиясы аяқталды. Кабинетке қайта кіру керек.',
    en: 'The Kaspi cabinet session has expired. You need to log in to the cabinet again.',
  },
  'kaspi.ip-banned': {
    ru: 'Kaspi временно ограничил запросы с этого IP-адреса. Подождите немного или подключите другой прокси.',
    kk: 'Kaspi осы IP-мекенжайдан сұрауларды уақытша шектеді. Біраз күтіңіз немесе басқа прокси қосыңыз.',
    en: 'Kaspi has temporarily limited requests from this IP address. Wait a little or connect another proxy.',
  },
  'kaspi.account-blocked': {
    ru: 'Kaspi временно заблокировал изменение цен для этого магазина (слишком много запросов). Изменения продолжатся примерно через 30 минут.',
    kk: 'Kaspi бұл дүкен үшін бағаны өзгертуді уақытша бұғаттады (сұраулар тым көп). Өзгерістер шамамен 30 минуттан кейін жалғасады.',
    en: 'Kaspi has temporarily blocked price changes for this store (too many requests). Changes resume in about 30 minutes.',
  },
  'kaspi.method-blocked': {
    ru: 'Kaspi отклонил запрос (защита от ботов). Попробуйте позже или через другой прокси.',
    kk: 'Kaspi сұрауды қабылдамады (боттардан қорғаныс). Кейінірек немесе басқа прокси арқылы көріңіз.',
    en: 'Kaspi refused the request (bot protection). Try later or through another proxy.',
  },
  'kaspi.orders_page_size': {
    ru: 'Размер страницы заказов кабинета — от 1 до {max}.',
    kk: 'Кабинет тапсырыстары бетінің өлшемі — 1-ден {max}-ге дейін.',
    en: 'A cabinet orders page holds 1 to {max} orders.',
  },
  'kaspi.server': {
    ru: 'Сервер Kaspi ответил ошибкой. Обычно это ненадолго: запрос повторится позже.',
    kk: 'Kaspi сервері қатемен жауап берді. Әдетте бұл ұзаққа созылмайды: сұрау кейінірек қайталанады.',
    en: 'The Kaspi server answered with an error. This is usually brief: the request will be repeated later.',
  },
  'kaspi.not-json': {
    ru: 'Kaspi вернул страницу вместо данных (технические работы или защита от ботов). Попробуйте позже.',
    kk: 'Kaspi деректердің орнына бет қайтарды (техникалық жұмыстар немесе боттардан қорғаныс). Кейінірек көріңіз.',
    en: 'Kaspi returned a page instead of data (maintenance or bot protection). Try again later.',
  },
  'kaspi.timeout': {
    ru: 'Kaspi не ответил вовремя. Проверьте интернет или прокси; запрос повторится позже.',
    kk: 'Kaspi уақытында жауап бермеді. Интернетті немесе проксиді тексеріңіз; сұрау кейінірек қайталанады.',
    en: 'Kaspi did not answer in time. Check the internet or the proxy; the request will be repeated later.',
  },
  'kaspi.network': {
    ru: 'Нет связи с Kaspi. Проверьте подключение к интернету или настройки прокси.',
    kk: 'Kaspi-мен байланыс жоқ. Интернет қосылымын немесе прокси баптауларын тексеріңіз.',
    en: 'No connection to Kaspi. Check the internet connection or the proxy settings.',
  },
  'kaspi.captcha': {
    ru: 'Kaspi просит подтвердить, что вы не робот. Войдите в кабинет в окне браузера и решите капчу.',
    kk: 'Kaspi робот емес екеніңізді растауды сұрайды. Кабинетке браузер терезесінде кіріп, капчаны шешіңіз.',
    en: 'Kaspi asks you to confirm you are not a robot. Log in to the cabinet in a browser window and solve the captcha.',
  },
  'kaspi.mfa-flood': {
    ru: 'Kaspi слишком часто отправлял код подтверждения. Подождите и попробуйте войти снова.',
    kk: 'Kaspi растау кодын тым жиі жіберді. Күтіп, қайта кіріп көріңіз.',
    en: 'Kaspi has sent the confirmation code too often. Wait and try logging in again.',
  },
  'kaspi.bad-request': {
    ru: 'Kaspi отклонил запрос как неверный. Проверьте данные товара или магазина.',
    kk: 'Kaspi сұрауды қате деп қабылдамады. Тауардың немесе дүкеннің деректерін тексеріңіз.',
    en: 'Kaspi refused the request as invalid. Check the product or store data.',
  },
  'kaspi.sms-timeout': {
    ru: 'Код из SMS не был введён вовремя. Начните вход заново.',
    kk: 'SMS-тегі код уақытында енгізілмеді. Кіруді басынан бастаңыз.',
    en: 'The SMS code was not entered in time. Start the login again.',
  },
  'kaspi.network_code': {
    ru: 'Нет связи с Kaspi. Проверьте подключение к интернету или настройки прокси. ({code})',
    kk: 'Kaspi-мен байланыс жоқ. Интернет қосылымын немесе прокси баптауларын тексеріңіз. ({code})',
    en: 'No connection to Kaspi. Check the internet connection or the proxy settings. ({code})',
  },
  'kaspi.token_rejected': {
    ru: 'Kaspi не принял токен API магазина. Сформируйте новый токен в кабинете (Настройки → Токен API) и сохраните его в настройках магазина.',
    kk: 'Kaspi дүкеннің API токенін қабылдамады. Кабинетте жаңа токен жасап (Баптаулар → API токені), оны дүкен баптауларында сақтаңыз.',
    en: 'Kaspi did not accept the store’s API token. Create a new token in the cabinet (Settings → API token) and save it in the store’s settings.',
  },
  'kaspi.refused_with_detail': {
    ru: 'Kaspi отклонил запрос (код {status}). Ответ Kaspi: {detail}',
    kk: 'Kaspi сұрауды қабылдамады (код {status}). Kaspi жауабы: {detail}',
    en: 'Kaspi refused the request (code {status}). Kaspi said: {detail}',
  },
  'kaspi.refused_status': {
    ru: 'Kaspi отклонил запрос (код {status}). Проверьте данные товара или магазина.',
    kk: 'Kaspi сұрауды қабылдамады (код {status}). Тауардың немесе дүкеннің деректерін тексеріңіз.',
    en: 'Kaspi refused the request (code {status}). Check the product or store data.',
  },
  'kaspi.unexpected_format': {
    ru: 'Kaspi вернул {what} в неожиданном формате. Попробуйте позже.',
    kk: 'Kaspi {what} күтпеген пішімде қайтарды. Кейінірек көріңіз.',
    en: 'Kaspi returned {what} in an unexpected format. Try again later.',
  },
  // What Kaspi returned, as the message above names it (Kazakh in the accusative it needs there).
  'kaspi.what.merchants': { ru: 'список магазинов', kk: 'дүкендер тізімін', en: 'the list of stores' },
  'kaspi.what.merchant': { ru: 'данные магазина', kk: 'дүкен деректерін', en: 'the store’s details' },
  'kaspi.what.cities': { ru: 'список городов', kk: 'қалалар тізімін', en: 'the list of cities' },
  'kaspi.what.price_answer': { ru: 'ответ на изменение цены', kk: 'бағаны өзгертуге жауапты', en: 'the answer to a price change' },
  'kaspi.what.orders': { ru: 'список заказов', kk: 'тапсырыстар тізімін', en: 'the list of orders' },
  'kaspi.what.order_counts': { ru: 'счётчики заказов', kk: 'тапсырыс санауыштарын', en: 'the order counters' },
  'kaspi.what.order': { ru: 'заказ', kk: 'тапсырысты', en: 'an order' },
  'kaspi.what.offer_details': { ru: 'карточку товара', kk: 'тауар картасын', en: 'the offer details' },
  'kaspi.what.order_tabs': { ru: 'вкладки заказов', kk: 'тапсырыс қойындыларын', en: 'the order tabs' },
  'kaspi.what.offers': { ru: 'предложения продавцов', kk: 'сатушылардың ұсыныстарын', en: 'the sellers’ offers' },
  'kaspi.what.reviews': { ru: 'отзывы', kk: 'пікірлерді', en: 'the reviews' },
  'kaspi.what.products': { ru: 'список товаров', kk: 'тауарлар тізімін', en: 'the list of products' },
  'kaspi.too_large': {
    ru: 'Kaspi прислал слишком большой ответ вместо данных. Попробуйте позже.',
    kk: 'Kaspi деректердің орнына тым үлкен жауап жіберді. Кейінірек көріңіз.',
    en: 'Kaspi sent a far too large answer instead of data. Try again later.',
  },
  'kaspi.unknown_encoding': {
    ru: 'Kaspi прислал ответ в сжатии «{coding}», которое приложение не читает. Попробуйте позже.',
    kk: 'Kaspi жауапты қолданба оқи алмайтын «{coding}» сығуымен жіберді. Кейінірек көріңіз.',
    en: 'Kaspi sent an answer compressed as “{coding}”, which the app cannot read. Try again later.',
  },
  'kaspi.broken_compression': {
    ru: 'Kaspi прислал повреждённый сжатый ответ. Попробуйте позже.',
    kk: 'Kaspi бүлінген сығылған жауап жіберді. Кейінірек көріңіз.',
    en: 'Kaspi sent a damaged compressed answer. Try again later.',
  },
  'kaspi.reader_failed': {
    ru: 'Не удалось прочитать ответ Kaspi: обработчик ответов сбился. Приложение повторит запрос позже.',
    kk: 'Kaspi жауабын оқу мүмкін болмады: жауап өңдегіші істен шықты. Қолданба сұрауды кейінірек қайталайды.',
    en: 'Could not read Kaspi’s answer: the answer reader failed. The app will ask again later.',
  },

  // A price or offer change the app refused to send (src-main/kaspi/push-body.ts, stores/offer-pusher.ts).
  'push.price_not_sent': {
    ru: 'Цена не отправлена: {reason}.',
    kk: 'Баға жіберілмеді: {reason}.',
    en: 'The price was not sent: {reason}.',
  },
  'push.change_not_sent': {
    ru: 'Изменение не отправлено: {reason}.',
    kk: 'Өзгеріс жіберілмеді: {reason}.',
    en: 'The change was not sent: {reason}.',
  },
  'push.no_store_or_sku': { ru: 'не указан магазин или SKU', kk: 'дүкен немесе SKU көрсетілмеген', en: 'no store or SKU given' },
  'push.no_availabilities': {
    ru: 'нет наличия по точкам продаж: без него Kaspi снимет товар с продажи. Синхронизируйте товары',
    kk: 'сату нүктелері бойынша қолжетімділік жоқ: онсыз Kaspi тауарды сатудан алып тастайды. Тауарларды синхрондаңыз',
    en: 'no availability per point of sale: without it Kaspi takes the product off sale. Sync the products',
  },
  'push.no_city_prices': { ru: 'нет ни одной цены по городам', kk: 'қалалар бойынша бірде-бір баға жоқ', en: 'no price for any city' },
  'push.city_code': {
    ru: 'код города «{cityId}» должен состоять из 9 цифр',
    kk: '«{cityId}» қала коды 9 цифрдан тұруы керек',
    en: 'city code “{cityId}” must be 9 digits',
  },
  'push.point_twice': { ru: 'точка {point} указана дважды', kk: '{point} нүктесі екі рет көрсетілген', en: 'point {point} is given twice' },
  'push.city_twice': { ru: 'город {city} указан дважды', kk: '{city} қаласы екі рет көрсетілген', en: 'city {city} is given twice' },
  'push.price_invalid': {
    ru: 'цена {price} должна быть целым положительным числом тенге',
    kk: '{price} бағасы теңгенің бүтін оң саны болуы керек',
    en: 'price {price} must be a whole positive number of tenge',
  },
  'push.stock_invalid': {
    ru: 'остаток {count} должен быть целым числом не меньше 0',
    kk: '{count} қалдығы 0-ден кем емес бүтін сан болуы керек',
    en: 'stock {count} must be a whole number of at least 0',
  },
  'push.preorder_invalid': {
    ru: 'предзаказ {days} дн. должен быть от 0 до 30 дней',
    kk: '{days} күндік алдын ала тапсырыс 0-ден 30 күнге дейін болуы керек',
    en: 'a pre-order of {days} days must be 0 to 30 days',
  },
  'push.product_removed': { ru: 'товар удалён из приложения', kk: 'тауар қолданбадан жойылған', en: 'the product was removed from the app' },
  'push.city_without_point': {
    ru: 'в городе {cityId} у магазина нет точки продаж',
    kk: '{cityId} қаласында дүкеннің сату нүктесі жоқ',
    en: 'the store has no point of sale in city {cityId}',
  },
});
