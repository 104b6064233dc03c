import { defineMessages } from '../define-messages';

/** Logging in to the Kaspi cabinet and connecting stores (src-main/kaspi/login, src-main/stores). */
export const storesMessages = defineMessages({
  'login.flood_wait': {
    ru: 'Kaspi слишком часто отправлял код подтверждения. Повторите вход через {wait}.',
    kk: 'Kaspi растау кодын тым жиі жіберді. {wait} кейін қайта кіріңіз.',
    en: 'Kaspi has sent the confirmation code too often. Log in again in {wait}.',
  },
  'login.wrong_code': {
    ru: 'Неверный код подтверждения. Начните вход заново и введите новый код.',
    kk: 'Растау коды қате. Кіруді басынан бастап, жаңа кодты енгізіңіз.',
    en: 'Wrong confirmation code. Start the login again and enter the new code.',
  },
  'login.wrong_code_said': {
    ru: 'Неверный код подтверждения. Kaspi: «{notice}». Начните вход заново и введите новый код.',
    kk: 'Растау коды қате. Kaspi: «{notice}». Кіруді басынан бастап, жаңа кодты енгізіңіз.',
    en: 'Wrong confirmation code. Kaspi: “{notice}”. Start the login again and enter the new code.',
  },
  'login.refused': {
    ru: 'Kaspi не пустил в кабинет. Проверьте логин и пароль и войдите снова.',
    kk: 'Kaspi кабинетке кіргізбеді. Логин мен құпиясөзді тексеріп, қайта кіріңіз.',
    en: 'Kaspi did not let you into the cabinet. Check the login and password and log in again.',
  },
  'login.refused_said': {
    ru: 'Kaspi не пустил в кабинет. Kaspi: «{notice}». Проверьте логин и пароль и войдите снова.',
    kk: 'Kaspi кабинетке кіргізбеді. Kaspi: «{notice}». Логин мен құпиясөзді тексеріп, қайта кіріңіз.',
    en: 'Kaspi did not let you into the cabinet. Kaspi: “{notice}”. Check the login and password and log in again.',
  },
  'login.busy': {
    ru: 'Вход в этот аккаунт Kaspi уже выполняется. Дождитесь его окончания.',
    kk: 'Бұл Kaspi аккаунтына кіру қазір орындалып жатыр. Оның аяқталуын күтіңіз.',
    en: 'A login to this Kaspi account is already running. Wait for it to finish.',
  },
  'login.email_needs_password': {
    ru: 'Для входа по e-mail нужен пароль.',
    kk: 'E-mail арқылы кіру үшін құпиясөз керек.',
    en: 'An e-mail login needs a password.',
  },
  'login.no_session_cookie': {
    ru: 'Kaspi открыл кабинет, но не выдал cookie сессии (mc-session, mc-sid). Попробуйте войти ещё раз.',
    kk: 'Kaspi кабинетті ашты, бірақ сессия cookie-лерін (mc-session, mc-sid) бермеді. Қайта кіріп көріңіз.',
    en: 'Kaspi opened the cabinet but gave no session cookie (mc-session, mc-sid). Try logging in again.',
  },
  'login.browser_failed': {
    ru: 'Не удалось запустить браузер для входа в Kaspi ({path}). Проверьте путь к браузеру в настройках или переустановите браузер.',
    kk: 'Kaspi-ге кіру үшін браузерді іске қосу мүмкін болмады ({path}). Баптаулардағы браузер жолын тексеріңіз немесе браузерді қайта орнатыңыз.',
    en: 'Could not start the browser for the Kaspi login ({path}). Check the browser path in the settings or reinstall the browser.',
  },
  'login.code_digits': {
    ru: 'Код из {kind, select, email {письма} other {SMS}} должен состоять из цифр. Начните вход заново.',
    kk: '{kind, select, email {Хаттағы} other {SMS-тегі}} код цифрлардан тұруы керек. Кіруді басынан бастаңыз.',
    en: 'The code from the {kind, select, email {e-mail} other {SMS}} must be digits. Start the login again.',
  },
  'login.captcha_headless': {
    ru: 'Kaspi показал капчу («я не робот»). Войдите в режиме с окном браузера и решите её, либо повторите вход позже.',
    kk: 'Kaspi капча көрсетті («мен робот емеспін»). Браузер терезесі бар режимде кіріп, оны шешіңіз немесе кейінірек қайта кіріңіз.',
    en: 'Kaspi showed a captcha (“I am not a robot”). Log in with a browser window and solve it, or try the login again later.',
  },
  'login.captcha_timeout': {
    ru: 'Капча на шаге {stage, select, open {открытия страницы} email {ввода e-mail} password {ввода пароля} phone {ввода телефона} code {ввода кода} other {входа}} не была решена вовремя. Начните вход заново.',
    kk: '{stage, select, open {Бетті ашу} email {E-mail енгізу} password {Құпиясөз енгізу} phone {Телефон енгізу} code {Код енгізу} other {Кіру}} қадамындағы капча уақытында шешілмеді. Кіруді басынан бастаңыз.',
    en: 'The captcha at the {stage, select, open {page opening} email {e-mail} password {password} phone {phone} code {code} other {login}} step was not solved in time. Start the login again.',
  },
  'login.page_timeout': {
    ru: 'Страница входа Kaspi не ответила вовремя. Проверьте интернет или прокси и попробуйте снова.',
    kk: 'Kaspi-ге кіру беті уақытында жауап бермеді. Интернетті немесе проксиді тексеріп, қайта көріңіз.',
    en: 'The Kaspi login page did not answer in time. Check the internet or the proxy and try again.',
  },
  'login.page_unreachable': {
    ru: 'Не удалось открыть страницу входа Kaspi. Проверьте подключение к интернету или прокси. ({code})',
    kk: 'Kaspi-ге кіру бетін ашу мүмкін болмады. Интернет қосылымын немесе проксиді тексеріңіз. ({code})',
    en: 'Could not open the Kaspi login page. Check the internet connection or the proxy. ({code})',
  },
  'login.interrupted': {
    ru: 'Вход в Kaspi прервался неожиданно: {detail}',
    kk: 'Kaspi-ге кіру күтпеген жерден үзілді: {detail}',
    en: 'The Kaspi login stopped unexpectedly: {detail}',
  },
  'login.password_again': {
    ru: 'Адрес входа Kaspi или браузер для входа изменились: сохранённый пароль не будет использован, пока вы не введёте его снова (Магазины → «Войти снова»).',
    kk: 'Kaspi-ге кіру мекенжайы немесе кіру браузері өзгерді: сақталған құпиясөзді қайта енгізбейінше ол қолданылмайды (Дүкендер → «Қайта кіру»).',
    en: 'The Kaspi login address or the login browser has changed: the stored password is not used until you type it again (Stores → “Log in again”).',
  },

  'stores.code_replaced': { ru: 'Запрошен новый код', kk: 'Жаңа код сұралды', en: 'A new code was requested' },
  'stores.code_timeout': {
    ru: 'Код из {kind, select, email {письма} other {SMS}} не был введён вовремя. Начните вход заново.',
    kk: '{kind, select, email {Хаттағы} other {SMS-тегі}} код уақытында енгізілмеді. Кіруді басынан бастаңыз.',
    en: 'The code from the {kind, select, email {e-mail} other {SMS}} was not entered in time. Start the login again.',
  },
  'stores.login_over': {
    ru: 'Этот вход уже завершён или отменён. Начните вход заново.',
    kk: 'Бұл кіру аяқталған немесе тоқтатылған. Кіруді басынан бастаңыз.',
    en: 'This login has already finished or been cancelled. Start the login again.',
  },
  'stores.login_cancelled': { ru: 'Вход отменён', kk: 'Кіру тоқтатылды', en: 'The login was cancelled' },
  'stores.account_not_found': { ru: 'Аккаунт Kaspi не найден', kk: 'Kaspi аккаунты табылмады', en: 'Kaspi account not found' },
  'stores.phone_session_expired': {
    ru: 'Сессия Kaspi истекла, а вход по телефону требует код из SMS. Войдите снова на странице «Магазины».',
    kk: 'Kaspi сессиясы аяқталды, ал телефон арқылы кіру SMS-тегі кодты талап етеді. «Дүкендер» бетінде қайта кіріңіз.',
    en: 'The Kaspi session has expired, and a phone login needs the SMS code. Log in again on the Stores page.',
  },
  'stores.code_in_background': {
    ru: 'Kaspi запросил код из {kind, select, email {письма} other {SMS}}: войдите снова на странице «Магазины».',
    kk: 'Kaspi {kind, select, email {хаттағы} other {SMS-тегі}} кодты сұрады: «Дүкендер» бетінде қайта кіріңіз.',
    en: 'Kaspi asked for the code from the {kind, select, email {e-mail} other {SMS}}: log in again on the Stores page.',
  },
  'stores.not_found': {
    ru: 'Магазин не найден. Обновите список магазинов.',
    kk: 'Дүкен табылмады. Дүкендер тізімін жаңартыңыз.',
    en: 'Store not found. Refresh the list of stores.',
  },
  'stores.not_owned': {
    ru: 'Магазин {uid} не принадлежит этому аккаунту Kaspi',
    kk: '{uid} дүкені бұл Kaspi аккаунтына тиесілі емес',
    en: 'Store {uid} does not belong to this Kaspi account',
  },
  'stores.enter_kaspi_password': {
    ru: 'Введите пароль от кабинета Kaspi',
    kk: 'Kaspi кабинетінің құпиясөзін енгізіңіз',
    en: 'Enter the Kaspi cabinet password',
  },
});
