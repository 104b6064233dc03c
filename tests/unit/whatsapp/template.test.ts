import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-shared/i18n';
import { renderTemplate, templateProblem, templateVariables, TEMPLATE_VARIABLES } from '../../../src-shared/whatsapp/template';
import type { TemplateValues } from '../../../src-shared/whatsapp/template';
import { DEFAULT_TEMPLATES } from '../../../src-shared/whatsapp/default-templates';
import { needsEntries, orderValues, reviewLink, triggerText } from '../../../src-main/whatsapp/message-text';

const values: TemplateValues = { name: 'Айгерим', order: '512345678', products: 'Чайник, Кружка', total: '12 990 ₸', delivery_date: '05.12.2026', store: 'ИП Тест', review_link: 'https://kaspi.kz/r' };

describe("the seller's templates", () => {
  it('fill the known variables and keep the rest of the text as written', () => {
    expect(renderTemplate('{name}, заказ {order} ({ total }) из {store}', values)).toBe('Айгерим, заказ 512345678 (12 990 ₸) из ИП Тест');
    expect(templateVariables('{name} {review_link} {name}')).toEqual(new Set(['name', 'review_link']));
  });

  it('refuse an unknown variable, an empty text, an open or stray brace and an overlong text, saying what is wrong', () => {
    const unknown = templateProblem('Здравствуйте, {имя}!');
    expect(unknown).toMatchObject({ code: 'whatsapp.template_unknown_variable', params: { variable: '{имя}' } });
    expect(renderMessage(unknown!, 'ru')).toContain('{name} {order} {products} {total} {delivery_date} {store} {review_link}');
    expect(renderMessage(unknown!, 'en')).toBe(`Unknown variable {имя}. You can use: ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ')}.`);
    expect(templateProblem('   \n ')).toMatchObject({ code: 'whatsapp.template_empty' });
    expect(templateProblem('Заказ {order')).toMatchObject({ code: 'whatsapp.template_open_brace', params: { at: 7 } });
    expect(templateProblem('Заказ {order {name}}')).toMatchObject({ code: 'whatsapp.template_open_brace' });
    expect(templateProblem('Заказ order}')).toMatchObject({ code: 'whatsapp.template_stray_brace', params: { at: 12 } });
    expect(renderMessage(templateProblem('a}')!, 'ru')).toBe('Лишняя закрывающая скобка «}» (символ 2). Переменные пишутся так: {name}.');
    expect(templateProblem('x'.repeat(1_001))).toMatchObject({ code: 'whatsapp.template_too_long' });
    expect(templateProblem('Спасибо, {name}!')).toBeNull();
  });

  it('start valid in both languages for every trigger', () => {
    for (const texts of Object.values(DEFAULT_TEMPLATES)) {
      expect(templateProblem(texts.ru)).toBeNull();
      expect(templateProblem(texts.kk)).toBeNull();
    }
  });
});

describe('a message about an order', () => {
  const order = { id: 1, storeId: 1, code: '777', customerName: 'Данияр Сейтказы', totalPrice: 25_500, plannedDeliveryMs: Date.UTC(2026, 11, 4, 20), entriesPending: false, phoneEnc: null, cityId: null, entries: [{ name: 'Чайник', masterSku: '111' }, { name: 'Кружка', masterSku: '222' }, { name: 'Кружка', masterSku: '222' }] };

  it("uses the buyer's first name, the Kazakhstan date and one review link per product", () => {
    const v = orderValues(order, 'ИП Тест', 'ru');
    expect(v).toMatchObject({ name: 'Данияр', order: '777', total: '25\u202F500\u00A0₸', delivery_date: '05.12.2026', store: 'ИП Тест' });
    expect(v.review_link.split('\n')).toEqual([reviewLink('777', '111'), reviewLink('777', '222')]);
    expect(orderValues({ ...order, customerName: null }, 'S', 'kk').name).toBe('Құрметті сатып алушы');
  });

  it('goes in Russian, Kazakh or both, and knows when it needs the products', () => {
    const trigger = { language: 'ru_kk' as const, bodyRu: 'Спасибо, {name}!', bodyKk: 'Рахмет, {name}!' };
    expect(triggerText(trigger, order, 'S')).toBe('Спасибо, Данияр!\n\nРахмет, Данияр!');
    expect(triggerText({ ...trigger, language: 'kk' }, order, 'S')).toBe('Рахмет, Данияр!');
    expect(needsEntries(trigger)).toBe(false);
    expect(needsEntries({ ...trigger, bodyKk: '{review_link}' })).toBe(true);
    expect(needsEntries({ ...trigger, language: 'ru', bodyKk: '{review_link}' })).toBe(false);
  });
});
