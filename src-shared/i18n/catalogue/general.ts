import { defineMessages } from '../define-messages';

/** Errors any call can end with, and the building blocks other messages nest. */
export const generalMessages = defineMessages({
  /** Text that has no code yet (a shell that has not moved to the catalogue): shown as given. */
  untranslated: { ru: '{text}', kk: '{text}', en: '{text}' },
  /** Several messages in one place (a product's rule problems, say). */
  list: { ru: '{items}', kk: '{items}', en: '{items}' },
  'duration.seconds': {
    ru: '{n} сек',
    kk: '{n} сек',
    en: '{n, plural, one {# second} other {# seconds}}',
  },
  'duration.minutes': {
    ru: '{n} мин',
    kk: '{n} мин',
    en: '{n, plural, one {# minute} other {# minutes}}',
  },
  'error.unknown_call': {
    ru: 'Приложение не знает действия «{name}». Обновите приложение.',
    kk: 'Қолданба «{name}» әрекетін білмейді. Қолданбаны жаңартыңыз.',
    en: 'The app does not know the action “{name}”. Please update the app.',
  },
  'error.invalid_input': {
    ru: 'Неверные данные: {issues}',
    kk: 'Деректер қате: {issues}',
    en: 'Invalid data: {issues}',
  },
  'error.invalid_output': {
    ru: 'Внутренняя ошибка: ответ приложения не прошёл проверку. Подробности — на странице «Логи».',
    kk: 'Ішкі қате: қолданбаның жауабы тексерістен өтпеді. Толығырақ — «Журналдар» бетінде.',
    en: 'Internal error: the app’s answer failed its check. See the Logs page for details.',
  },
  'error.internal': {
    ru: 'Внутренняя ошибка. Подробности — на странице «Логи».',
    kk: 'Ішкі қате. Толығырақ — «Журналдар» бетінде.',
    en: 'Internal error. See the Logs page for details.',
  },
  'error.not_found': {
    ru: 'Не найдено.',
    kk: 'Табылмады.',
    en: 'Not found.',
  },
  'error.conflict': {
    ru: 'Конфликт: данные уже изменены. Обновите страницу.',
    kk: 'Қайшылық: деректер өзгертілген. Бетті жаңартыңыз.',
    en: 'Conflict: the data has changed. Refresh the page.',
  },
  'error.unauthorized': {
    ru: 'Нет доступа. Откройте ссылку с токеном из консоли.',
    kk: 'Рұқсат жоқ. Консольдегі токені бар сілтемені ашыңыз.',
    en: 'No access. Open the link with the token printed in the console.',
  },
  'error.unavailable': {
    ru: 'Приложение не отвечает. Проверьте, что оно запущено.',
    kk: 'Қолданба жауап бермейді. Оның іске қосылғанын тексеріңіз.',
    en: 'The app is not responding. Check that it is running.',
  },
});
