import { defineMessages } from '../define-messages';

/** The desktop app's database engine build (a developer's run from sources; thrown before settings can be read). */
export const nativeMessages = defineMessages({
  'native.what': {
    ru: 'better-sqlite3 {version} для Electron {electron} ({platform})',
    kk: 'Electron {electron} ({platform}) үшін better-sqlite3 {version}',
    en: 'better-sqlite3 {version} for Electron {electron} ({platform})',
  },
  'native.stale_item': {
    ru: '{folder} (собрано для better-sqlite3 {built}, установлен {installed})',
    kk: '{folder} (better-sqlite3 {built} үшін жиналған, {installed} орнатылған)',
    en: '{folder} (built for better-sqlite3 {built}, {installed} installed)',
  },
  'native.stale': {
    ru: 'Сборка {what} устарела: {items}. Выполните «npm run electron:native» и запустите снова.',
    kk: '{what} жинағы ескірген: {items}. «npm run electron:native» орындап, қайта іске қосыңыз.',
    en: 'The build of {what} is out of date: {items}. Run “npm run electron:native” and start again.',
  },
  'native.missing': {
    ru: 'Не найдена сборка {what} в {folders}. Выполните «npm run electron:native» (её делает и «npm start»).',
    kk: '{what} жинағы {folders} ішінде табылмады. «npm run electron:native» орындаңыз («npm start» да оны жасайды).',
    en: 'No build of {what} in {folders}. Run “npm run electron:native” (“npm start” does it too).',
  },
});
