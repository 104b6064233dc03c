import { defineMessages } from '../define-messages';

/** Desktop alerts main raises: the demper's (floor, Kaspi's block, login, kill switch) and new orders. */
export const alertsMessages = defineMessages({
  'alerts.floor_reached_title': { ru: 'Минимальная цена', kk: 'Ең төменгі баға', en: 'Minimum price' },
  'alerts.account_blocked_title': { ru: 'Kaspi заблокировал изменения цен', kk: 'Kaspi баға өзгерістерін бұғаттады', en: 'Kaspi blocked price changes' },
  'alerts.login_needed_title': { ru: 'Нужен вход в кабинет Kaspi', kk: 'Kaspi кабинетіне кіру керек', en: 'Log in to the Kaspi cabinet' },
  'alerts.kill_switch_title': { ru: 'Демпер остановил магазин', kk: 'Демпер дүкенді тоқтатты', en: 'The repricer stopped a store' },
  'alerts.floor_reached': {
    ru: 'Товар #{productId} дошёл до минимальной цены {floor, price}: конкурент дешевле. Проверьте минимум или закупку.',
    kk: '#{productId} тауары ең төменгі бағаға {floor, price} жетті: бәсекелес арзанырақ. Ең төменгі бағаны немесе сатып алу бағасын тексеріңіз.',
    en: 'Product #{productId} reached its minimum price of {floor, price}: a rival is cheaper. Check the minimum or the purchase price.',
  },
  'alerts.kill_switch': {
    ru: 'Демпер остановил магазин: {suspect} из {considered} решений — по подозрительным ценам. Причина и товары — на странице «Демпер».',
    kk: 'Демпер дүкенді тоқтатты: {considered} шешімнің {suspect} — күдікті бағалар бойынша. Себебі мен тауарлар — «Демпер» бетінде.',
    en: 'The repricer stopped the store: {suspect} of {considered} decisions were on suspicious prices. The reason and the products are on the Demper page.',
  },
  'alerts.order_what': { ru: 'Заказ {code} на {total, price}', kk: '{code} тапсырысы, сомасы {total, price}', en: 'Order {code} for {total, price}' },
  'alerts.order_what_item': { ru: 'Заказ {code} на {total, price} — {item}', kk: '{code} тапсырысы, сомасы {total, price} — {item}', en: 'Order {code} for {total, price} — {item}' },
  'alerts.new_order_title': { ru: 'Новый заказ · {store}', kk: 'Жаңа тапсырыс · {store}', en: 'New order · {store}' },
  'alerts.new_order_body': { ru: '{what}. Примите его в кабинете Kaspi.', kk: '{what}. Оны Kaspi кабинетінде қабылдаңыз.', en: '{what}. Accept it in the Kaspi cabinet.' },
  'alerts.accept_deadline_title': { ru: 'Заказ ждёт подтверждения · {store}', kk: 'Тапсырыс растауды күтуде · {store}', en: 'Order awaits confirmation · {store}' },
  'alerts.accept_deadline_minutes': {
    ru: '{what}. До конца срока подтверждения {minutes} мин.',
    kk: '{what}. Растау мерзімінің аяқталуына {minutes} мин қалды.',
    en: '{what}. {minutes} min left to confirm it.',
  },
  'alerts.accept_deadline_soon': {
    ru: '{what}. Срок подтверждения скоро истечёт.',
    kk: '{what}. Растау мерзімі жақында аяқталады.',
    en: '{what}. The time to confirm it runs out soon.',
  },
});
