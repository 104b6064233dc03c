import { defineMessages } from '../define-messages';

/** WhatsApp through WAHA (src-main/whatsapp) and product reviews (src-main/reviews). */
export const whatsappMessages = defineMessages({
  'whatsapp.template_empty': {
    ru: 'Текст сообщения пуст. Напишите, что получит покупатель.',
    kk: 'Хабарлама мәтіні бос. Сатып алушы не алатынын жазыңыз.',
    en: 'The message is empty. Write what the buyer will receive.',
  },
  'whatsapp.template_too_long': {
    ru: 'Сообщение слишком длинное: {length, number} символов при пределе {max, number}. Сократите его.',
    kk: 'Хабарлама тым ұзын: {length, number} таңба, шегі {max, number}. Қысқартыңыз.',
    en: 'The message is too long: {length, number} characters, the limit is {max, number}. Shorten it.',
  },
  'whatsapp.template_stray_brace': {
    ru: 'Лишняя закрывающая скобка «{brace}» (символ {at}). Переменные пишутся так: {example}.',
    kk: 'Артық жабатын жақша «{brace}» ({at}-таңба). Айнымалылар былай жазылады: {example}.',
    en: 'A stray closing brace “{brace}” (character {at}). Variables are written like {example}.',
  },
  'whatsapp.template_open_brace': {
    ru: 'Скобка «{brace}» (символ {at}) не закрыта. Переменные пишутся так: {example}.',
    kk: '«{brace}» жақшасы ({at}-таңба) жабылмаған. Айнымалылар былай жазылады: {example}.',
    en: 'The brace “{brace}” (character {at}) is not closed. Variables are written like {example}.',
  },
  'whatsapp.template_unknown_variable': {
    ru: 'Неизвестная переменная {variable}. Можно использовать: {known}.',
    kk: 'Белгісіз айнымалы {variable}. Қолдануға болады: {known}.',
    en: 'Unknown variable {variable}. You can use: {known}.',
  },
  'whatsapp.time_format': {
    ru: 'Время — в виде ЧЧ:ММ, например 21:00.',
    kk: 'Уақыт СС:ММ түрінде болуы керек, мысалы 21:00.',
    en: 'Time is HH:MM, for example 21:00.',
  },
  'whatsapp.url_empty': {
    ru: 'Укажите адрес WAHA, например http://127.0.0.1:3000.',
    kk: 'WAHA мекенжайын көрсетіңіз, мысалы http://127.0.0.1:3000.',
    en: 'Enter the WAHA address, for example http://127.0.0.1:3000.',
  },
  'whatsapp.url_invalid': {
    ru: '«{url}» — не адрес. Пример: http://127.0.0.1:3000.',
    kk: '«{url}» — мекенжай емес. Мысалы: http://127.0.0.1:3000.',
    en: '“{url}” is not an address. Example: http://127.0.0.1:3000.',
  },
  'whatsapp.url_not_allowed': {
    ru: 'WAHA по адресу «{url}» не подходит: ключ и телефоны покупателей уходят только на этот компьютер (http://127.0.0.1:…, http://localhost:…) или по https://. Запустите WAHA командой из инструкции или укажите https-адрес.',
    kk: '«{url}» мекенжайындағы WAHA жарамайды: кілт пен сатып алушылардың телефондары тек осы компьютерге (http://127.0.0.1:…, http://localhost:…) немесе https:// арқылы жіберіледі. WAHA-ны нұсқаулықтағы пәрменмен іске қосыңыз немесе https мекенжайын көрсетіңіз.',
    en: 'WAHA at “{url}” cannot be used: the key and buyers’ phones go only to this computer (http://127.0.0.1:…, http://localhost:…) or over https://. Start WAHA with the command in the guide or enter an https address.',
  },
  'whatsapp.key_short': {
    ru: 'Ключ API слишком короткий: не меньше 8 символов.',
    kk: 'API кілті тым қысқа: кемінде 8 таңба.',
    en: 'The API key is too short: at least 8 characters.',
  },
  'whatsapp.not_configured': {
    ru: 'WhatsApp не подключён: укажите адрес WAHA и ключ.',
    kk: 'WhatsApp қосылмаған: WAHA мекенжайы мен кілтін көрсетіңіз.',
    en: 'WhatsApp is not connected: enter the WAHA address and key.',
  },
  'whatsapp.key_needed': {
    ru: 'Для адреса {url} нужен ключ API WAHA: ключ хранится только для того адреса, для которого его ввели.',
    kk: '{url} мекенжайы үшін WAHA API кілті керек: кілт тек енгізілген мекенжай үшін сақталады.',
    en: 'The address {url} needs the WAHA API key: a key is kept only for the address it was entered for.',
  },
  'whatsapp.unreachable': {
    ru: 'WAHA по адресу {url} не отвечает. Проверьте, что Docker и контейнер WAHA запущены.',
    kk: '{url} мекенжайындағы WAHA жауап бермейді. Docker мен WAHA контейнері іске қосылғанын тексеріңіз.',
    en: 'WAHA at {url} does not answer. Check that Docker and the WAHA container are running.',
  },
  'whatsapp.unauthorized': {
    ru: 'WAHA не принял ключ API. Проверьте WAHA_API_KEY в настройках контейнера или введите ключ заново.',
    kk: 'WAHA API кілтін қабылдамады. Контейнердегі WAHA_API_KEY-ді тексеріңіз немесе кілтті қайта енгізіңіз.',
    en: 'WAHA refused the API key. Check WAHA_API_KEY in the container settings or enter the key again.',
  },
  'whatsapp.waha_refused': {
    ru: 'WAHA отказал (HTTP {status}): {detail}',
    kk: 'WAHA бас тартты (HTTP {status}): {detail}',
    en: 'WAHA refused (HTTP {status}): {detail}',
  },
  'whatsapp.waha_failed': {
    ru: 'WAHA ответил ошибкой (HTTP {status}). Повторим позже.',
    kk: 'WAHA қатемен жауап берді (HTTP {status}). Кейінірек қайталаймыз.',
    en: 'WAHA answered with an error (HTTP {status}). We will try again later.',
  },
  'whatsapp.waha_unexpected': {
    ru: 'WAHA ответил в неожиданном формате. Проверьте версию WAHA.',
    kk: 'WAHA күтпеген форматта жауап берді. WAHA нұсқасын тексеріңіз.',
    en: 'WAHA answered in an unexpected format. Check the WAHA version.',
  },
  'whatsapp.not_linked': {
    ru: 'Телефон не привязан: сессия WhatsApp не работает. Привяжите телефон по QR-коду или коду привязки.',
    kk: 'Телефон байланыстырылмаған: WhatsApp сессиясы жұмыс істемейді. Телефонды QR-код немесе байланыстыру коды арқылы байланыстырыңыз.',
    en: 'No phone is linked: the WhatsApp session is not working. Link the phone by QR code or pairing code.',
  },
  'whatsapp.session_failed': {
    ru: 'Сессия WhatsApp упала. Приложение уже перезапускало её; если не помогло — выйдите из сессии и привяжите телефон заново.',
    kk: 'WhatsApp сессиясы құлады. Қолданба оны қайта іске қосып көрді; көмектеспесе — сессиядан шығып, телефонды қайта байланыстырыңыз.',
    en: 'The WhatsApp session failed. The app already restarted it once; if that did not help, log out and link the phone again.',
  },
  'whatsapp.phone_format': {
    ru: 'Нужен казахстанский мобильный номер: +7 7XX XXX XX XX.',
    kk: 'Қазақстандық ұялы нөмір керек: +7 7XX XXX XX XX.',
    en: 'A Kazakhstan mobile number is needed: +7 7XX XXX XX XX.',
  },
  'whatsapp.test_phone_needed': {
    ru: 'Укажите свой номер для проверки или сначала привяжите телефон.',
    kk: 'Тексеру үшін өз нөміріңізді көрсетіңіз немесе алдымен телефонды байланыстырыңыз.',
    en: 'Enter your own number for the test, or link the phone first.',
  },
  'whatsapp.store_not_found': {
    ru: 'Магазин не найден. Обновите список магазинов.',
    kk: 'Дүкен табылмады. Дүкендер тізімін жаңартыңыз.',
    en: 'Store not found. Refresh the list of stores.',
  },
  'whatsapp.message_not_found': {
    ru: 'Сообщение не найдено.',
    kk: 'Хабарлама табылмады.',
    en: 'Message not found.',
  },
  'whatsapp.cannot_cancel': {
    ru: 'Отменить можно только сообщение в очереди; это уже в другом состоянии.',
    kk: 'Тек кезектегі хабарламаны болдырмауға болады; бұл басқа күйде.',
    en: 'Only a queued message can be cancelled; this one has moved on.',
  },
  'whatsapp.cannot_retry': {
    ru: 'Повторить можно только сообщение, которое WhatsApp точно не принял.',
    kk: 'Тек WhatsApp нақты қабылдамаған хабарламаны қайталауға болады.',
    en: 'Only a message WhatsApp certainly did not take can be sent again.',
  },
  'whatsapp.no_sample_order': {
    ru: 'У магазина ещё нет заказов с телефоном покупателя: в предпросмотре примерные значения.',
    kk: 'Дүкенде сатып алушы телефоны бар тапсырыс әлі жоқ: алдын ала көріністе үлгі мәндер.',
    en: 'The store has no orders with a buyer’s phone yet: the preview uses sample values.',
  },
  'whatsapp.buyer_fallback': {
    ru: 'Уважаемый покупатель',
    kk: 'Құрметті сатып алушы',
    en: 'Dear customer',
  },
  'reviews.alert_title': {
    ru: 'Отзыв {rating} ★ — {store}',
    kk: 'Пікір {rating} ★ — {store}',
    en: 'Review {rating} ★ — {store}',
  },
  'reviews.alert_body': {
    ru: '{product}: {text}',
    kk: '{product}: {text}',
    en: '{product}: {text}',
  },
  'reviews.no_text': {
    ru: 'без текста',
    kk: 'мәтінсіз',
    en: 'no text',
  },
});
