import { defineMessages } from '../define-messages';

/** What main says about orders: sync problems, accepting an order, the shop API's request checks. */
export const ordersMessages = defineMessages({
  'orders.sync_rate_limited': {
    ru: 'Kaspi просит реже запрашивать заказы. Синхронизация продолжится позже.',
    kk: 'Kaspi тапсырыстарды сирек сұрауды сұрайды. Синхрондау кейінірек жалғасады.',
    en: 'Kaspi asks for orders less often. Syncing continues later.',
  },
  'orders.sync_failed': { ru: 'Не удалось загрузить заказы. Попробуем ещё раз.', kk: 'Тапсырыстарды жүктеу мүмкін болмады. Қайта көреміз.', en: 'Could not load the orders. We will try again.' },
  'orders.no_kaspi_answer': {
    ru: 'Ответ Kaspi не получен: проверьте заказ в кабинете.',
    kk: 'Kaspi жауабы алынбады: тапсырысты кабинетте тексеріңіз.',
    en: 'No answer from Kaspi: check the order in the cabinet.',
  },
  'orders.kaspi_silent': { ru: 'Kaspi не ответил.', kk: 'Kaspi жауап бермеді.', en: 'Kaspi did not answer.' },
  'orders.not_found': { ru: 'Заказ не найден: возможно, магазин удалён.', kk: 'Тапсырыс табылмады: дүкен жойылған болуы мүмкін.', en: 'Order not found: the store may have been removed.' },
  'orders.cannot_accept': {
    ru: 'Этот заказ нельзя принять из приложения: он уже не новый или магазин подключён без токена API.',
    kk: 'Бұл тапсырысты қолданбадан қабылдау мүмкін емес: ол енді жаңа емес немесе дүкен API токенінсіз қосылған.',
    en: 'This order cannot be accepted from the app: it is no longer new, or the store is connected without an API token.',
  },
  'orders.token_needed': { ru: 'Для приёма заказа нужен токен API магазина.', kk: 'Тапсырысты қабылдау үшін дүкеннің API токені керек.', en: 'Accepting an order needs the store’s API token.' },
  'orders.accept_in_progress': { ru: 'Этот заказ уже принимается.', kk: 'Бұл тапсырыс қазір қабылданып жатыр.', en: 'This order is already being accepted.' },
  'orders.shop_api_unexpected': {
    ru: 'API магазина Kaspi ответило в неожиданном формате. Попробуйте позже.',
    kk: 'Kaspi дүкен API-і күтпеген форматта жауап берді. Кейінірек қайталап көріңіз.',
    en: 'The Kaspi shop API answered in an unexpected format. Try again later.',
  },
  'orders.page_size': { ru: 'Размер страницы заказов должен быть от 1 до {max}.', kk: 'Тапсырыстар бетінің өлшемі 1-ден {max}-ге дейін болуы керек.', en: 'An orders page must hold from 1 to {max} orders.' },
  'orders.unknown_state': { ru: 'Неизвестное состояние заказов «{state}».', kk: 'Тапсырыстардың белгісіз күйі «{state}».', en: 'Unknown order state “{state}”.' },
  'orders.period_needed': { ru: 'Нужен период заказов: дата «с» не позже даты «по».', kk: 'Тапсырыстар кезеңі керек: «бастап» күні «дейін» күнінен кеш болмауы керек.', en: 'An orders period is needed: the “from” date no later than the “to” date.' },
  'orders.period_too_long': { ru: 'Период заказов в одном запросе — не больше 14 дней.', kk: 'Бір сұраудағы тапсырыстар кезеңі — 14 күннен аспайды.', en: 'One request covers at most 14 days of orders.' },
  'orders.delivery_filter': {
    ru: 'Фильтр по способу доставки не применяется к состоянию {state}.',
    kk: 'Жеткізу тәсілі бойынша сүзгі {state} күйіне қолданылмайды.',
    en: 'The delivery filter does not apply to the state {state}.',
  },
  'orders.cabinet_unexpected': {
    ru: 'Kaspi ответил на запрос кабинета в неожиданном формате. Попробуйте позже.',
    kk: 'Kaspi кабинет сұрауына күтпеген форматта жауап берді. Кейінірек қайталап көріңіз.',
    en: 'Kaspi answered a cabinet request in an unexpected format. Try again later.',
  },
  'orders.cabinet_refused': {
    ru: 'Кабинет Kaspi отклонил запрос {operation}{details}.',
    kk: 'Kaspi кабинеті {operation} сұрауын қабылдамады{details}.',
    en: 'The Kaspi cabinet refused the request {operation}{details}.',
  },
});
