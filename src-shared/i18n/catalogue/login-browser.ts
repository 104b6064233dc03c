import { defineMessages } from '../define-messages';

/** The browser the Kaspi login opens: when it cannot be found. */
export const loginBrowserMessages = defineMessages({
  'browser.install_win32': { ru: 'Установите Microsoft Edge или Google Chrome', kk: 'Microsoft Edge немесе Google Chrome орнатыңыз', en: 'Install Microsoft Edge or Google Chrome' },
  'browser.install_darwin': { ru: 'Установите Google Chrome или Microsoft Edge', kk: 'Google Chrome немесе Microsoft Edge орнатыңыз', en: 'Install Google Chrome or Microsoft Edge' },
  'browser.install_linux': {
    ru: 'Установите Chromium (например, «sudo apt install chromium») или Google Chrome',
    kk: 'Chromium (мысалы, «sudo apt install chromium») немесе Google Chrome орнатыңыз',
    en: 'Install Chromium (for example “sudo apt install chromium”) or Google Chrome',
  },
  'browser.install_other': { ru: 'Установите Google Chrome или Chromium', kk: 'Google Chrome немесе Chromium орнатыңыз', en: 'Install Google Chrome or Chromium' },
  'browser.configured_missing': {
    ru: 'Браузер для входа в Kaspi не найден по пути из настроек: {path}. Исправьте путь или очистите его, чтобы программа нашла браузер сама.',
    kk: 'Kaspi-ге кіруге арналған браузер баптаулардағы жол бойынша табылмады: {path}. Жолды түзетіңіз немесе бағдарлама браузерді өзі табуы үшін оны тазалаңыз.',
    en: 'The browser for the Kaspi login is not at the path in Settings: {path}. Fix the path or clear it so the app finds a browser itself.',
  },
  'browser.none_found': {
    ru: 'Для входа в кабинет Kaspi нужен браузер Edge, Chrome или Chromium, но он не найден. {hint} и повторите вход, либо укажите путь к браузеру в настройках.',
    kk: 'Kaspi кабинетіне кіру үшін Edge, Chrome немесе Chromium браузері керек, бірақ ол табылмады. {hint} және қайта кіріңіз, немесе баптауларда браузерге жолды көрсетіңіз.',
    en: 'The Kaspi cabinet login needs an Edge, Chrome or Chromium browser, and none was found. {hint} and log in again, or set the browser’s path in Settings.',
  },
});
