import type { WhatsappTrigger } from '../contract/whatsapp';

/**
 * The texts a store's triggers start with, in Russian and Kazakh. Once saved they are the seller's
 * own words (shown and sent as written), so they live here beside the catalogue, not in it.
 * Short, with the buyer's name (WAHA's advice: vary the wording, open with one short message),
 * and the first and the review messages say how to stop them.
 */
export const DEFAULT_TEMPLATES: Record<WhatsappTrigger, { ru: string; kk: string }> = {
  accepted: {
    ru: 'Здравствуйте, {name}! Ваш заказ {order} в магазине {store} принят: {products}. Сумма: {total}. Спасибо, что выбрали нас! Чтобы не получать сообщения, ответьте «стоп».',
    kk: 'Сәлеметсіз бе, {name}! {store} дүкеніндегі {order} тапсырысыңыз қабылданды: {products}. Сомасы: {total}. Бізді таңдағаныңызға рахмет! Хабарлама алмау үшін «стоп» деп жауап беріңіз.',
  },
  handed_over: {
    ru: '{name}, ваш заказ {order} передан в доставку. Плановая дата: {delivery_date}.',
    kk: '{name}, {order} тапсырысыңыз жеткізуге берілді. Жоспарлы күні: {delivery_date}.',
  },
  delivered: {
    ru: '{name}, спасибо за покупку в {store}! Если всё понравилось, оставьте, пожалуйста, отзыв — это очень нам поможет:\n{review_link}\n\nЧтобы не получать сообщения, ответьте «стоп».',
    kk: '{name}, {store} дүкенінен сатып алғаныңызға рахмет! Бәрі ұнаса, пікір қалдырыңызшы — бізге үлкен көмек:\n{review_link}\n\nХабарлама алмау үшін «стоп» деп жауап беріңіз.',
  },
  cancelled: {
    ru: '{name}, заказ {order} отменён. Если это ошибка или остались вопросы, напишите нам.',
    kk: '{name}, {order} тапсырысы болдырылмады. Қате болса немесе сұрақтарыңыз болса, бізге жазыңыз.',
  },
};
