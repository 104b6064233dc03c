import { defineMessages } from '../define-messages';

/**
 * The login browser, start-up options and the headless shell: its bridge's refusals and what its
 * console prints (src-main/security, src-main/shells/headless, src-main/secrets).
 */
export const shellsMessages = defineMessages({
  'browser.path_not_absolute': {
    ru: 'Нужен полный путь к файлу браузера, получено «{input}».',
    kk: 'Браузер файлының толық жолы керек, алынғаны: «{input}».',
    en: 'The full path to the browser file is needed; got “{input}”.',
  },
  'browser.is_folder': {
    ru: '{path} — не файл браузера (это папка). Укажите сам исполняемый файл: chrome, msedge или chromium.',
    kk: '{path} — браузер файлы емес (бұл қалта). Орындалатын файлдың өзін көрсетіңіз: chrome, msedge немесе chromium.',
    en: '{path} is not a browser file (it is a folder). Give the executable itself: chrome, msedge or chromium.',
  },
  'browser.not_found': { ru: 'Файл браузера не найден: {path}.', kk: 'Браузер файлы табылмады: {path}.', en: 'Browser file not found: {path}.' },
  'browser.unknown': {
    ru: '{path} — не браузер, которым программа умеет входить в Kaspi. Выберите Google Chrome, Microsoft Edge, Chromium или Brave.',
    kk: '{path} — бағдарлама Kaspi-ге кіре алатын браузер емес. Google Chrome, Microsoft Edge, Chromium немесе Brave таңдаңыз.',
    en: '{path} is not a browser the app can log in to Kaspi with. Choose Google Chrome, Microsoft Edge, Chromium or Brave.',
  },
  'browser.not_exe': {
    ru: '{path} — не исполняемый файл (.exe) браузера.',
    kk: '{path} — браузердің орындалатын файлы (.exe) емес.',
    en: '{path} is not the browser’s executable (.exe).',
  },
  'browser.not_executable': {
    ru: '{path} — файл не исполняемый: нет права на запуск.',
    kk: '{path} — файл орындалмайды: іске қосуға құқық жоқ.',
    en: '{path} is not executable: it has no permission to run.',
  },
  'browser.no_dialog': {
    ru: 'Без экрана браузер для входа задаётся при запуске: npm run headless -- --browser /путь/к/chrome',
    kk: 'Экрансыз режимде кіру браузері іске қосқанда беріледі: npm run headless -- --browser /жол/chrome',
    en: 'Without a screen, the login browser is given at start: npm run headless -- --browser /path/to/chrome',
  },
  'secrets.unknown_format': {
    ru: 'Секрет зашифрован в неизвестном формате или повреждён',
    kk: 'Құпия белгісіз пішімде шифрланған немесе бүлінген',
    en: 'A secret is encrypted in an unknown format or damaged',
  },
  'secrets.key_damaged': {
    ru: 'Файл ключа {path} повреждён: сохранённые пароли не расшифровать',
    kk: '{path} кілт файлы бүлінген: сақталған құпиясөздерді шифрдан шығару мүмкін емес',
    en: 'The key file {path} is damaged: the stored passwords cannot be decrypted',
  },

  'secrets.no_keychain': {
    ru: 'На этом компьютере нет системного хранилища паролей (GNOME Keyring или KWallet), поэтому ключ, которым зашифрованы пароли Kaspi, лежит в файле, доступном только вашей учётной записи. Установите gnome-keyring или kwallet и перезапустите программу.',
    kk: 'Бұл компьютерде жүйелік құпиясөз қоймасы (GNOME Keyring немесе KWallet) жоқ, сондықтан Kaspi құпиясөздерін шифрлайтын кілт тек сіздің есептік жазбаңыз оқи алатын файлда сақталады. gnome-keyring немесе kwallet орнатып, бағдарламаны қайта іске қосыңыз.',
    en: 'This computer has no system password store (GNOME Keyring or KWallet), so the key that encrypts your Kaspi passwords is kept in a file only your user account can read. Install gnome-keyring or kwallet and restart the app.',
  },
  'secrets.keychain_unavailable': {
    ru: 'Системное хранилище ключей недоступно: пароли нельзя сохранить безопасно',
    kk: 'Жүйелік кілт қоймасы қолжетімсіз: құпиясөздерді қауіпсіз сақтау мүмкін емес',
    en: 'The system key store is unavailable: passwords cannot be stored safely',
  },

  'bridge.unauthorized': {
    ru: 'Нет доступа: откройте ссылку с токеном из консоли',
    kk: 'Рұқсат жоқ: консольдегі токені бар сілтемені ашыңыз',
    en: 'No access: open the link with the token from the console',
  },
  'bridge.forbidden': {
    ru: 'Запрос отклонён: он пришёл не со страницы Kaspi Demper',
    kk: 'Сұрау қабылданбады: ол Kaspi Demper бетінен келмеген',
    en: 'Request refused: it did not come from the Kaspi Demper page',
  },
  'bridge.not_json': { ru: 'Тело запроса — не JSON', kk: 'Сұрау денесі JSON емес', en: 'The request body is not JSON' },
  'bridge.not_json_type': {
    ru: 'Запрос отклонён: нужен Content-Type: application/json',
    kk: 'Сұрау қабылданбады: Content-Type: application/json керек',
    en: 'Request refused: Content-Type: application/json is needed',
  },
  'bridge.too_large': {
    ru: 'Запрос слишком большой (больше {maxMb} МБ). Разделите файл на части и загрузите их по очереди.',
    kk: 'Сұрау тым үлкен ({maxMb} МБ-тан көп). Файлды бөліктерге бөліп, оларды кезекпен жүктеңіз.',
    en: 'The request is too large (over {maxMb} MB). Split the file into parts and upload them one by one.',
  },
  'headless.not_built': {
    ru: 'Интерфейс не собран: выполните `npm run build` и перезапустите.',
    kk: 'Интерфейс жиналмаған: `npm run build` орындап, қайта іске қосыңыз.',
    en: 'The interface is not built: run `npm run build` and restart.',
  },
  'headless.running': {
    ru: 'Kaspi Demper работает. Откройте в браузере:',
    kk: 'Kaspi Demper жұмыс істеп тұр. Браузерде ашыңыз:',
    en: 'Kaspi Demper is running. Open in your browser:',
  },
  'headless.data_dir': { ru: 'Данные: {path}', kk: 'Деректер: {path}', en: 'Data: {path}' },
  'headless.simulator': { ru: 'Kaspi: симулятор ({url})', kk: 'Kaspi: симулятор ({url})', en: 'Kaspi: the simulator ({url})' },
  'headless.start_failed': { ru: 'Не удалось запустить: {problem}', kk: 'Іске қосу мүмкін болмады: {problem}', en: 'Could not start: {problem}' },
  'cli.port': {
    ru: '--port: нужен номер порта от 0 до 65535, получено «{value}»',
    kk: '--port: 0-ден 65535-ке дейінгі порт нөмірі керек, алынғаны: «{value}»',
    en: '--port: a port number from 0 to 65535 is needed; got “{value}”',
  },
  'cli.browser': { ru: '--browser: {problem}', kk: '--browser: {problem}', en: '--browser: {problem}' },
  'cli.kaspi_sim_json': {
    ru: '--kaspi-sim: ожидается JSON, который печатает «npm run sim», например {example}; получено «{text}»',
    kk: '--kaspi-sim: «npm run sim» басып шығаратын JSON күтіледі, мысалы {example}; алынғаны: «{text}»',
    en: '--kaspi-sim: the JSON “npm run sim” prints is expected, e.g. {example}; got “{text}”',
  },
  'cli.kaspi_sim_loopback': {
    ru: '--kaspi-sim: {name} должен быть адресом симулятора на этом компьютере (http://127.0.0.1:…), получено «{url}»',
    kk: '--kaspi-sim: {name} осы компьютердегі симулятордың мекенжайы болуы керек (http://127.0.0.1:…), алынғаны: «{url}»',
    en: '--kaspi-sim: {name} must be the address of a simulator on this computer (http://127.0.0.1:…); got “{url}”',
  },
});
