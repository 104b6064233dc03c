import { defineMessages } from '../define-messages';

/** The report after a sleep or a network outage (the desktop notification and the contract's wake report). */
export const powerMessages = defineMessages({
  'power.pause_minutes': { ru: '{minutes} мин', kk: '{minutes} мин', en: '{minutes} min' },
  'power.pause_hours': { ru: '{hours} ч', kk: '{hours} сағ', en: '{hours} h' },
  'power.pause_hours_minutes': { ru: '{hours} ч {minutes} мин', kk: '{hours} сағ {minutes} мин', en: '{hours} h {minutes} min' },
  'power.asleep_for': { ru: 'Компьютер спал {duration}', kk: 'Компьютер {duration} ұйықтады', en: 'The computer slept for {duration}' },
  'power.offline_for': { ru: 'Сети не было {duration}', kk: 'Желі {duration} болмады', en: 'The network was down for {duration}' },
  'power.wake_was_stopped': {
    ru: '{what}; демпер был остановлен, ничего не пропущено.',
    kk: '{what}; демпер тоқтатылған еді, ештеңе өткізіп алынбады.',
    en: '{what}; the repricer was stopped, nothing was missed.',
  },
  'power.wake_complete': {
    ru: '{what}: {n, plural, one {# товар проверен} few {# товара проверены} many {# товаров проверены} other {# товара проверены}} заново, цены до паузы не отправлялись.',
    kk: '{what}: {n} тауар қайта тексерілді, үзіліске дейінгі бағалар жіберілмеді.',
    en: '{what}: {n, plural, one {# product} other {# products}} checked again; no prices from before the pause were sent.',
  },
  'power.wake_partial': {
    ru: '{what}: {n, plural, one {# товар уже проверен} few {# товара уже проверены} many {# товаров уже проверены} other {# товара уже проверены}} заново, остальные проверяются.',
    kk: '{what}: {n} тауар қайта тексерілді, қалғандары тексерілуде.',
    en: '{what}: {n, plural, one {# product} other {# products}} already checked again, the rest are being checked.',
  },
});
