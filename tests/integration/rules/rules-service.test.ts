import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../src-shared/contract';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { Message } from '../../../src-shared/i18n';
import { createRulesService } from '../../../src-main/rules/rules-service';
import { createSqliteJournal } from '../../../src-main/db/repos/journal-repo';
import { useTempDir } from '../../support/temp-dir';
import { ALMATY, offer, recordMarket, seedDatabase, snapshotOf, T0 } from './seed';

const tempDir = useTempDir();
let db: Database | undefined;
afterEach(() => { db?.close(); db = undefined; });

function setup(products = [
  { sku: 'A1', rules: { floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000 }, bot: true, price: 11_000 },
  { sku: 'B2', rules: { floor: { kind: 'fixed', price: 9_000 } }, price: 9_500 },
  { sku: 'C3', price: 5_000 },
]) {
  const seeded = seedDatabase(tempDir(), [{ name: 'Мой магазин', uid: '30000001', defaults: { ceiling: 20_000 }, products }]);
  db = seeded.db;
  const changed: Array<number[] | null> = [];
  const service = createRulesService({ db: seeded.db, now: () => new Date(T0 + 3_600_000), onChanged: (ids) => changed.push(ids) });
  return { ...seeded, service, changed };
}

const ru = (message: Message) => renderMessage(message, 'ru');
/** A refusal's messages per field, in Russian. */
const russianFields = (error: AppError) =>
  Object.fromEntries(Object.entries((error.details as { fieldErrors: Record<string, Message> }).fieldErrors).map(([field, message]) => [field, ru(message)]));

function rejectionOf(fn: () => unknown): AppError {
  try { fn(); } catch (error) { if (error instanceof AppError) return error; throw error; }
  throw new Error('expected the call to be refused');
}

describe('rules service over SQLite', () => {
  it('refuses a bulk change when one product would end with its floor above its ceiling, and writes nothing', () => {
    const { db, ids, service, changed } = setup();
    const before = [...ids.values()].map((id) => snapshotOf(db, id));
    const error = rejectionOf(() => service.update([ids.get('A1')!, ids.get('B2')!], { set: { floor: { kind: 'fixed', price: 12_500 } }, unset: [] }));
    expect(error.code).toBe('invalid_input');
    expect(error.details).toMatchObject({
      fieldErrors: { ceiling: msg('rules.floor_above_ceiling', { floor: 12_500, ceiling: 12_000 }) },
      products: [{ sku: 'A1' }],
    });
    expect(russianFields(error)).toEqual({ ceiling: 'Минимальная цена выше максимальной (12\u202F500\u00A0₸ > 12\u202F000\u00A0₸)' });
    expect([...ids.values()].map((id) => snapshotOf(db, id))).toEqual(before);
    expect(changed).toEqual([]);
  });

  it('names fractional, negative and unknown values at their field in Russian', () => {
    const { ids, service } = setup();
    const b2 = ids.get('B2')!;
    const fieldErrors = (set: object) => russianFields(rejectionOf(() => service.update([b2], { set, unset: [] })));
    expect(fieldErrors({ ceiling: 12_000.5 })).toEqual({ ceiling: 'Цена должна быть целым числом тенге' });
    expect(fieldErrors({ floor: { kind: 'fixed', price: -5 } })).toEqual({ floor: 'Цена должна быть не меньше 1 ₸' });
    expect(fieldErrors({ strategy: 'cheapest' })).toEqual({ strategy: 'Неизвестная стратегия «cheapest»' });
    expect(fieldErrors({ step: { unit: 'percent', value: 0.125 } })).toEqual({ step: 'У процента не больше двух знаков после запятой' });
    expect(fieldErrors({ targetPosition: 60 })).toEqual({ targetPosition: 'Место — не дальше 50-го' });
    expect(fieldErrors({ cooldownSeconds: -1 })).toEqual({ cooldownSeconds: 'Пауза не может быть отрицательной' });
    expect(fieldErrors({ floor: { kind: 'cost', cost: 5_000, commissionPercent: 95 } })).toEqual({ floor: 'Процент не может быть больше 90' });
    expect(fieldErrors({ floor: { kind: 'cost', cost: 5_000, commissionPercent: 60, minMargin: { unit: 'percent', value: 45 } } })).toEqual({ floor: 'Комиссия и маржа вместе должны быть меньше 100 %' });
    expect(fieldErrors({ floor: { kind: 'cost', cost: 12.5 } })).toEqual({ floor: 'Сумма должна быть целым числом тенге' });
    expect(fieldErrors({ ceiling: 'дорого' })).toEqual({ ceiling: 'Максимальная цена: нужно число, а не «дорого»' });
  });

  it('refuses prices over 1 billion ₸ (a typo or a decimal shift), saying the limit', () => {
    const { db, ids, service } = setup();
    const b2 = ids.get('B2')!;
    const before = snapshotOf(db, b2);
    const fieldErrors = (set: object) => russianFields(rejectionOf(() => service.update([b2], { set, unset: [] })));
    const billion = '1\u202F000\u202F000\u202F000\u00A0₸';
    expect(fieldErrors({ ceiling: 1_000_000_001 })).toEqual({ ceiling: `Цена не может быть больше ${billion}` });
    expect(fieldErrors({ floor: { kind: 'fixed', price: 2 ** 52 } })).toEqual({ floor: `Цена не может быть больше ${billion}` });
    expect(fieldErrors({ floor: { kind: 'cost', cost: 5_000_000_000 } })).toEqual({ floor: `Сумма не может быть больше ${billion}` });
    expect(fieldErrors({ step: { unit: 'tenge', value: 1e12 } })).toEqual({ step: `Цена не может быть больше ${billion}` });
    expect(rejectionOf(() => service.update([b2], { set: { ceiling: 1_000_000_001 }, unset: [] })).details).toMatchObject({ fieldErrors: { ceiling: msg('rules.price_max', { maximum: 1_000_000_000 }) } });
    expect(snapshotOf(db, b2)).toBe(before);
    expect(service.update([b2], { set: { ceiling: 1_000_000_000 }, unset: [] })).toEqual({ updated: 1 });
  });

  it('applies a valid bulk change to every product in one go and resets unset fields to the store default', () => {
    const { db, ids, service, changed } = setup();
    const all = [ids.get('A1')!, ids.get('B2')!];
    expect(service.update(all, { set: { strategy: 'match', step: { unit: 'tenge', value: 5 } }, unset: ['ceiling'] })).toEqual({ updated: 2 });
    const a1 = JSON.parse((db.prepare('SELECT rules_json FROM products WHERE id = ?').get(all[0]) as { rules_json: string }).rules_json);
    expect(a1).toEqual({ floor: { kind: 'fixed', price: 10_000 }, strategy: 'match', step: { unit: 'tenge', value: 5 } });
    expect(service.detail(all[0]!, 1).rules).toMatchObject({ ceiling: 20_000, strategy: 'match' });
    expect(changed).toEqual([all]);
  });

  it('refuses fields the rules do not have and stores only what the schema knows', () => {
    const { db, ids, service } = setup();
    const b2 = ids.get('B2')!;
    expect(rejectionOf(() => service.update([b2], { set: { discount: 5 } as never, unset: [] })).userMessage).toEqual(msg('rules.unknown_rule_fields', { fields: 'discount' }));
    expect(rejectionOf(() => service.update([b2], { set: { discount: 5 } as never, unset: [] })).message).toBe('Неизвестные поля правил: discount');
    service.update([b2], { set: { floor: { kind: 'fixed', price: 9_100, note: 'x' } as never }, unset: [] });
    expect(JSON.parse((db.prepare('SELECT rules_json FROM products WHERE id = ?').get(b2) as { rules_json: string }).rules_json)).toEqual({ floor: { kind: 'fixed', price: 9_100 } });
  });

  it('lets a product without a floor keep other rules while its bot is off', () => {
    const { ids, service } = setup();
    expect(service.update([ids.get('C3')!], { set: { strategy: 'monitor' }, unset: [] })).toEqual({ updated: 1 });
  });

  it('refuses to turn the bot on for a selection when one product has no floor, and changes nothing', () => {
    const { db, ids, service } = setup();
    const sel = [ids.get('B2')!, ids.get('C3')!];
    const error = rejectionOf(() => service.setBot(sel, true));
    expect(error.userMessage).toMatchObject({ code: 'rules.rejected', params: { headline: msg('rules.bot_not_enabled', { bad: 1, total: 2 }) } });
    expect(error.message).toMatch(/^Бот не включён: у 1 из 2 товаров/);
    expect((error.details as { products: Array<{ sku: string; errors: Message[] }> }).products).toEqual([{ productId: sel[1], sku: 'C3', errors: [msg('rules.no_floor')] }]);
    expect((error.details as { fieldErrors: Record<string, Message> }).fieldErrors).toEqual({ botEnabled: msg('rules.set_floor_first') });
    expect(sel.map((id) => (db.prepare('SELECT bot_enabled FROM products WHERE id = ?').get(id) as { bot_enabled: number }).bot_enabled)).toEqual([0, 0]);
    expect(service.setBot([ids.get('B2')!], true)).toEqual({ updated: 1 });
    expect(service.setBot(sel, false)).toEqual({ updated: 2 });
  });

  it('refuses store defaults that would leave a product with the bot on unpriceable', () => {
    const { storeIds, ids, service } = setup();
    service.setBot([ids.get('B2')!], true);
    const error = rejectionOf(() => service.updateStoreDefaults(storeIds[0]!, { ceiling: 8_500 }));
    expect(error.message).toContain('B2 (Минимальная цена выше максимальной (9\u202F000\u00A0₸ > 8\u202F500\u00A0₸))');
    expect(error.message).toContain('Настройки магазина не сохранены');
    expect(service.storeDefaults(storeIds[0]!).ceiling).toBe(20_000);
    expect(service.updateStoreDefaults(storeIds[0]!, { ceiling: 15_000, strategy: 'top_n', targetPosition: 2 })).toMatchObject({ ceiling: 15_000, strategy: 'top_n' });
    const error2 = rejectionOf(() => service.updateStoreDefaults(storeIds[0]!, { strategy: 'fastest' }));
    expect(error2.userMessage).toEqual(msg('list', { items: [msg('rules.unknown_strategy', { value: 'fastest' })] }));
    expect(error2.message).toBe('Неизвестная стратегия «fastest»');
    expect(renderMessage(error2.userMessage, 'en')).toBe('Unknown strategy “fastest”');
  });

  it('gives the drawer the latest market per city, the history within the range and the journal', async () => {
    const { db, ids, service } = setup();
    const a1 = ids.get('A1')!;
    recordMarket(db, a1, [offer('30000001', 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)], ['30000001'], T0 - 10 * 86_400_000);
    recordMarket(db, a1, [offer('30000001', 'Мой магазин', 10_490), offer('777', 'Магазин X', 10_500)], ['30000001'], T0);
    recordMarket(db, a1, [offer('777', 'Магазин X', 10_700)], ['30000001'], T0, '710000000');
    await createSqliteJournal(db).plan({ storeId: 1, productId: a1, cityId: ALMATY, oldPrice: 11_000, newPrice: 10_490, reason: { code: 'undercut' } as never, dryRun: true, at: T0 } as never);

    const week = service.detail(a1, 7);
    expect(week.markets.map((m) => [m.cityId, m.ourPrice, m.ourPosition])).toEqual(expect.arrayContaining([[ALMATY, 10_490, 1], ['710000000', null, null]]));
    expect(week.history.map((h) => h.ourPrice)).toEqual([10_490, null]);
    expect(service.detail(a1, 30).history).toHaveLength(3);
    expect(week.journal).toMatchObject([{ newPrice: 10_490, status: 'dry_run', createdAt: new Date(T0).toISOString() }]);
    expect(week.ownMerchantIds).toEqual(['30000001']);
    expect(week.rules).toMatchObject({ floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000 });
  });
});
