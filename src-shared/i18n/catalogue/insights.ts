import { defineMessages } from '../define-messages';

/** Competition insights and their recommendations (src-main/insights). */
export const insightsMessages = defineMessages({
  'insights.merchant_required': {
    ru: 'Укажите продавца, которого исключить.',
    kk: 'Шығарылатын сатушыны көрсетіңіз.',
    en: 'Say which seller to exclude.',
  },
  'insights.nothing_to_raise': {
    ru: 'Поднимать минимум уже не нужно: с последнего просмотра витрины минимум конкурентов или ваш изменился. Обновите рекомендации.',
    kk: 'Минимумды көтеру енді қажет емес: соңғы қараудан бері бәсекелестердің немесе сіздің минимумыңыз өзгерді. Ұсыныстарды жаңартыңыз.',
    en: "There is no floor to raise any more: the rivals' floors or yours changed since the last look. Refresh the recommendations.",
  },
});
