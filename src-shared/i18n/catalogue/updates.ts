import { defineMessages } from '../define-messages';

/** The desktop app's self-update: why it cannot update here, and what went wrong. */
export const updatesMessages = defineMessages({
  'updates.headless': {
    ru: 'В режиме без окна приложение не обновляется само: обновите его командой git pull и npm ci.',
    kk: 'Терезесіз режимде қолданба өздігінен жаңармайды: оны git pull және npm ci командаларымен жаңартыңыз.',
    en: 'Without a window the app does not update itself: update it with git pull and npm ci.',
  },
  'updates.from_sources': {
    ru: 'Запуск из исходников (npm start): обновляется только установленное приложение.',
    kk: 'Бастапқы кодтан іске қосу (npm start): тек орнатылған қолданба жаңарады.',
    en: 'Running from sources (npm start): only the installed app updates.',
  },
  'updates.not_ready': {
    ru: 'Обновление ещё не загружено: дождитесь окончания загрузки.',
    kk: 'Жаңарту әлі жүктелмеді: жүктеу аяқталғанша күтіңіз.',
    en: 'The update has not downloaded yet: wait for the download to finish.',
  },
  'updates.install_failed': {
    ru: 'Обновление не установилось. Демпер снова работает; скачайте установщик вручную.',
    kk: 'Жаңарту орнатылмады. Демпер қайта жұмыс істеп тұр; орнатушыны қолмен жүктеп алыңыз.',
    en: 'The update did not install. The repricer is working again; download the installer by hand.',
  },
});
