import { defineMessages } from '../define-messages';

/** Proxies: a bad line of a pasted list (src-main/proxies/parse.ts) and the proxy calls' refusals. */
export const proxiesMessages = defineMessages({
  'proxy_import.malformed': {
    ru: 'Не удалось разобрать строку. Ожидается host:port, user:pass@host:port, host:port:user:pass или URL вида http://host:port',
    kk: 'Жолды оқу мүмкін болмады. Күтілетіні: host:port, user:pass@host:port, host:port:user:pass немесе http://host:port түріндегі URL',
    en: 'Cannot read this line. Expected host:port, user:pass@host:port, host:port:user:pass or a URL such as http://host:port',
  },
  'proxy_import.unsupportedProtocol': {
    ru: 'Протокол «{protocol}» не поддерживается: используйте http, https или socks5',
    kk: '«{protocol}» хаттамасына қолдау жоқ: http, https немесе socks5 қолданыңыз',
    en: 'Protocol “{protocol}” is not supported: use http, https or socks5',
  },
  'proxy_import.missingPort': {
    ru: 'Не указан порт: ожидается адрес:порт, например 10.0.0.1:8080',
    kk: 'Порт көрсетілмеген: мекенжай:порт күтіледі, мысалы 10.0.0.1:8080',
    en: 'The port is missing: expected address:port, e.g. 10.0.0.1:8080',
  },
  'proxy_import.invalidPort': {
    ru: 'Порт «{port}» должен быть числом от 1 до 65535',
    kk: '«{port}» порты 1-ден 65535-ке дейінгі сан болуы керек',
    en: 'Port “{port}” must be a number from 1 to 65535',
  },
  'proxy_import.invalidHost': {
    ru: 'Адрес «{host}» не похож на IP-адрес или доменное имя',
    kk: '«{host}» мекенжайы IP-мекенжайға не домен атауына ұқсамайды',
    en: 'Address “{host}” is neither an IP address nor a host name',
  },
  'proxy_import.missingPassword': {
    ru: 'Для пользователя «{username}» не указан пароль',
    kk: '«{username}» пайдаланушысының құпиясөзі көрсетілмеген',
    en: 'No password given for user “{username}”',
  },
  'proxy_import.missingUsername': {
    ru: 'Пароль указан без имени пользователя',
    kk: 'Құпиясөз пайдаланушы атынсыз көрсетілген',
    en: 'A password is given without a user name',
  },
  'proxy_import.tooManyFields': {
    ru: 'Слишком много полей ({count}), ожидается не больше {max}',
    kk: 'Өріс тым көп ({count}), ең көбі {max} күтіледі',
    en: 'Too many fields ({count}), expected at most {max}',
  },
  'proxy_import.missingColumn': {
    ru: 'Не заполнена колонка «{column}»',
    kk: '«{column}» бағаны толтырылмаған',
    en: 'Column “{column}” is empty',
  },
  'proxies.duplicate': {
    ru: 'Такой прокси уже есть в списке (тот же адрес, порт и пользователь).',
    kk: 'Мұндай прокси тізімде бар (мекенжайы, порты және пайдаланушысы бірдей).',
    en: 'This proxy is already in the list (same address, port and user).',
  },
  'proxies.unknown_store': {
    ru: 'Магазин не найден: возможно, его удалили. Обновите страницу и выберите другой.',
    kk: 'Дүкен табылмады: мүмкін, ол жойылған. Бетті жаңартып, басқасын таңдаңыз.',
    en: 'Store not found: it may have been removed. Refresh the page and choose another.',
  },
  'proxies.not_found': {
    ru: 'Прокси не найден: возможно, его уже удалили. Обновите страницу.',
    kk: 'Прокси табылмады: мүмкін, ол жойылған. Бетті жаңартыңыз.',
    en: 'Proxy not found: it may have been removed already. Refresh the page.',
  },
  'proxies.unusable': {
    ru: 'Этот прокси нельзя использовать: {reason}',
    kk: 'Бұл проксиді қолдануға болмайды: {reason}',
    en: 'This proxy cannot be used: {reason}',
  },
  'proxies.socks_unsupported': {
    ru: 'для SOCKS5 нужен undici 7.x с Socks5ProxyAgent',
    kk: 'SOCKS5 үшін Socks5ProxyAgent бар undici 7.x керек',
    en: 'SOCKS5 proxies need undici 7.x with Socks5ProxyAgent',
  },
  'proxies.socks_login': {
    ru: 'Chromium не умеет входить в SOCKS5-прокси с логином и паролем; для входа в Kaspi используйте HTTP-прокси',
    kk: 'Chromium логин мен құпиясөзі бар SOCKS5-проксиге кіре алмайды; Kaspi-ге кіру үшін HTTP-прокси қолданыңыз',
    en: 'Chromium cannot log in to a SOCKS5 proxy with a user name and password; use an HTTP proxy for the Kaspi login',
  },
  'proxies.no_lane': {
    ru: 'Нет ни одного прокси и прямое подключение запрещено: добавьте прокси или разрешите прямое подключение.',
    kk: 'Бірде-бір прокси жоқ және тікелей қосылуға тыйым салынған: прокси қосыңыз немесе тікелей қосылуға рұқсат беріңіз.',
    en: 'There is no proxy and the direct connection is not allowed: add a proxy or allow the direct connection.',
  },
});
