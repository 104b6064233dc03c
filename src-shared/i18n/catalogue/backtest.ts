import { defineMessages } from '../define-messages';

/** Backtests of rules on recorded markets (src-main/backtest). */
export const backtestMessages = defineMessages({
  'backtest.not_found': { ru: 'Такой проверки правил нет: запустите её заново.', kk: 'Мұндай ережелер тексерісі жоқ: оны қайта іске қосыңыз.', en: 'There is no such backtest: run it again.' },
  'backtest.period_order': { ru: 'Начало периода позже конца: выберите даты по порядку.', kk: 'Кезеңнің басы соңынан кейін: күндерді ретімен таңдаңыз.', en: 'The period starts after it ends: pick the dates in order.' },
  'backtest.not_done': { ru: 'Проверка ещё не закончилась: применить можно её результат.', kk: 'Тексеріс әлі аяқталмады: тек оның нәтижесін қолдануға болады.', en: 'The backtest has not finished: only a finished result can be applied.' },
  'backtest.nothing_to_apply': { ru: 'Это проверка текущих правил: применять нечего.', kk: 'Бұл қазіргі ережелердің тексерісі: қолданатын ештеңе жоқ.', en: 'This backtest ran the current rules: there is nothing to apply.' },
  'backtest.failed': { ru: 'Проверка правил не удалась: {reason}', kk: 'Ережелер тексерісі сәтсіз: {reason}', en: 'The backtest failed: {reason}' },
});
