// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { App } from '../../../../src-main/app/create-app';
import { createSqliteJournal } from '../../../../src-main/db/repos/journal-repo';
import { snapshotsRepo, summarise } from '../../../../src-main/db/repos/snapshots-repo';
import { resolveRules } from '../../../../src-shared/domain/rules';
import { decide } from '../../../../src-shared/pricing';
import { offer, T0 } from '../../../integration/rules/seed';
import { useTempDir } from '../../../support/temp-dir';
import { giveScrollerAViewport, renderWithQueries, startSeededApp } from './app-bridge';

// The api client reads `window.kaspiDemper` once when it loads, so the bridge goes in first.
const bridge = await vi.hoisted(async () => (await import('./app-bridge')).installBridge());
const { ProductsPage } = await import('../../../../src-renderer/pages/products/products-page');

const tempDir = useTempDir();
let app: App | undefined;
beforeAll(() => giveScrollerAViewport(600));
afterEach(async () => { cleanup(); await app?.close(); app = undefined; });

const SHOP = '30000001';
const NNBSP = '\u202F';
const NBSP = '\u00A0';
const tg = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP)}${NBSP}₸`;

async function setup() {
  const started = await startSeededApp(bridge, tempDir(), [{
    name: 'Мой магазин', uid: SHOP, products: [
      { sku: 'A1', title: 'Чайник Tefal', rules: { floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000, step: { unit: 'tenge', value: 10 } }, bot: true, price: 11_000 },
      { sku: 'B2', title: 'Утюг Philips', rules: { floor: { kind: 'fixed', price: 9_000 } }, price: 9_500 },
      { sku: 'C3', title: 'Фен Xiaomi', price: 5_000 },
      { sku: 'D4', title: 'Блендер Bosch', rules: { floor: { kind: 'fixed', price: 4_000 }, ceiling: 10_000 }, price: 6_000 },
    ],
  }]);
  app = started.app;
  const a1 = started.ids.get('A1')!;
  snapshotsRepo(app.db).record(summarise(a1, '750000000', [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)], [SHOP], new Date(T0).toISOString()));
  await renderWithQueries(<ProductsPage />);
  await waitFor(() => expect(screen.getAllByTestId('product-row')).toHaveLength(4));
  bridge.calls.length = 0;
  return { ...started, app: started.app };
}

const skus = () => screen.getAllByTestId('product-row').map((r) => within(r).getByText(/^[A-D]\d$/).textContent);
const rulesOf = (a: App, id: number) => JSON.parse((a.db.prepare('SELECT rules_json FROM products WHERE id = ?').get(id) as { rules_json: string }).rules_json);
const botOf = (a: App, id: number) => (a.db.prepare('SELECT bot_enabled FROM products WHERE id = ?').get(id) as { bot_enabled: number }).bot_enabled;
const sent = (name: string) => bridge.calls.filter((c) => c.name === name);

function editCell(testId: string, text: string) {
  fireEvent.click(screen.getByTestId(testId));
  const input = screen.getByTestId(`${testId}-input`);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
  return input;
}

describe('products page against the real app', () => {
  it('sorts by a header, narrows with quick filters and search', async () => {
    await setup();
    expect(skus()).toEqual(['D4', 'B2', 'C3', 'A1']); // by title, the Russian way
    fireEvent.click(screen.getByTestId('sort-ourPrice'));
    await waitFor(() => expect(skus()).toEqual(['C3', 'D4', 'B2', 'A1']));
    fireEvent.click(screen.getByTestId('sort-ourPrice'));
    await waitFor(() => expect(skus()).toEqual(['A1', 'B2', 'D4', 'C3']));

    fireEvent.click(screen.getByTestId('filter-firstLost'));
    await waitFor(() => expect(skus()).toEqual(['A1']));
    fireEvent.click(screen.getByTestId('filter-firstLost'));
    fireEvent.click(screen.getByTestId('filter-attention'));
    await waitFor(() => expect(skus()).toEqual(['C3']));
    fireEvent.click(screen.getByTestId('filter-attention'));
    fireEvent.change(screen.getByTestId('filter-bot'), { target: { value: 'on' } });
    await waitFor(() => expect(skus()).toEqual(['A1']));
    fireEvent.change(screen.getByTestId('filter-bot'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('product-search'), { target: { value: 'утюг' } });
    await waitFor(() => expect(skus()).toEqual(['B2']));
    expect(screen.getByTestId('product-total').textContent).toBe('Показано 1 из 4');
  });

  it('shows a price the demper recorded within 2 s, patched in from main\'s row delta', async () => {
    const { app: a, ids } = await setup();
    const rowOf = (sku: string) => screen.getAllByTestId('product-row').find((r) => within(r).queryByText(sku) !== null)!;
    expect(rowOf('A1').textContent).toContain(tg(11_000));
    // What the demper's check writes after its push went through: the storefront with our new price.
    snapshotsRepo(a.db).record(summarise(ids.get('A1')!, '750000000', [offer(SHOP, 'Мой магазин', 10_490), offer('777', 'Магазин X', 10_500)], [SHOP], new Date(T0 + 60_000).toISOString()));
    await waitFor(() => expect(rowOf('A1').textContent).toContain(tg(10_490)), { timeout: 2_000 });
    expect(within(rowOf('A1')).getByText('1').className).toContain('first');
  });

  it('shows a bad inline edit at the field and sends nothing; a good one is saved', async () => {
    const { app: a, ids } = await setup();
    const before = rulesOf(a, ids.get('A1')!);

    editCell('floor-A1', '12 500');
    expect((await screen.findByTestId('floor-A1-error')).textContent).toBe(`Минимальная цена выше максимальной (${tg(12_500)} > ${tg(12_000)})`);
    const input = screen.getByTestId('floor-A1-input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    for (const [text, message] of [['-5', 'Цена не может быть отрицательной'], ['12990,5', 'Цена должна быть целым числом тенге'], ['дёшево', 'Введите число в тенге, например 12 990']]) {
      fireEvent.change(input, { target: { value: text } });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect((await screen.findByTestId('floor-A1-error')).textContent).toBe(message);
    }
    fireEvent.keyDown(input, { key: 'Escape' });

    editCell('strategy-A1', 'cheapest');
    expect((await screen.findByTestId('strategy-A1-error')).textContent).toBe('Неизвестная стратегия «cheapest»');
    fireEvent.keyDown(screen.getByTestId('strategy-A1-input'), { key: 'Escape' });

    expect(sent('rules.update')).toEqual([]);
    expect(rulesOf(a, ids.get('A1')!)).toEqual(before);

    editCell('floor-A1', '10 500 ₸');
    await waitFor(() => expect(screen.queryByTestId('floor-A1-input')).toBeNull());
    expect(sent('rules.update')).toHaveLength(1);
    expect(rulesOf(a, ids.get('A1')!).floor).toEqual({ kind: 'fixed', price: 10_500 });
    await waitFor(() => expect(screen.getByTestId('floor-A1').textContent).toBe(tg(10_500)));

    editCell('strategy-A1', 'Как у конкурента');
    await waitFor(() => expect(rulesOf(a, ids.get('A1')!).strategy).toBe('match'));
  });

  it('edits rules for a selection all or nothing, and refuses the bot for a product without a floor', async () => {
    const { app: a, ids } = await setup();
    fireEvent.click(screen.getByTestId('select-A1'));
    fireEvent.click(screen.getByTestId('select-D4'));
    const panel = await screen.findByTestId('bulk-edit');
    expect(within(panel).getByText('Выбрано товаров: 2')).toBeTruthy();

    fireEvent.change(screen.getByTestId('bulk-floor'), { target: { value: '11000' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));
    expect(screen.getByTestId('bulk-floor-error').textContent).toBe(`Минимальная цена выше максимальной (${tg(11_000)} > ${tg(10_000)})`);
    expect(sent('rules.update')).toEqual([]);

    fireEvent.change(screen.getByTestId('bulk-floor'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('bulk-strategy'), { target: { value: 'Держать место' } });
    fireEvent.change(screen.getByTestId('bulk-step'), { target: { value: '2%' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('bulk-message').textContent).toBe('Правила сохранены для 2 товаров.'));
    for (const sku of ['A1', 'D4']) expect(rulesOf(a, ids.get(sku)!)).toMatchObject({ strategy: 'top_n', step: { unit: 'percent', value: 2 } });

    fireEvent.click(screen.getByTestId('select-C3'));
    await waitFor(() => expect(within(screen.getByTestId('bulk-edit')).getByText('Выбрано товаров: 3')).toBeTruthy());
    fireEvent.click(screen.getByTestId('bulk-bot-on'));
    await waitFor(() => expect(screen.getByTestId('bulk-message').textContent).toMatch(/^Бот не включён: у 1 из 3 товаров/));
    expect(['A1', 'C3', 'D4'].map((s) => botOf(a, ids.get(s)!))).toEqual([1, 0, 0]);

    fireEvent.click(screen.getByTestId('bulk-bot-off'));
    await waitFor(() => expect(screen.getByTestId('bulk-message').textContent).toBe('Бот выключен для 3 товаров.'));
    expect(['A1', 'C3', 'D4'].map((s) => botOf(a, ids.get(s)!))).toEqual([0, 0, 0]);
  });

  it('previews a CSV import with changes and per-row errors before writing, then applies the good rows', async () => {
    const { app: a, ids } = await setup();
    fireEvent.click(screen.getByTestId('import-csv'));
    const csv = '\uFEFFАртикул;Минимальная цена;Максимальная цена;Стратегия;Бот\r\nB2;9 500;15000;;\r\nC3;4 990 ₸;;Наблюдение;да\r\nD4;-100;;;\r\nZZ;100;;;\r\n';
    fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [new File([csv], 'rules.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('csv-preview');
    expect(screen.getByTestId('csv-summary').textContent).toBe('Будет изменено: 2. С ошибками (пропустим): 2. Без изменений: 0.');
    expect(screen.getByTestId('csv-row-2').textContent).toContain(`Минимальная цена: ${tg(9_000)} → ${tg(9_500)}`);
    expect(screen.getByTestId('csv-row-3').textContent).toContain('Бот: выкл. → вкл.');
    expect(screen.getByTestId('csv-row-4').textContent).toContain('Минимальная цена: цена не может быть отрицательной: «-100»');
    expect(screen.getByTestId('csv-row-5').textContent).toContain('Товар с артикулом «ZZ» не найден');
    expect(sent('rules.importCsv').map((c) => (c.input as { apply: boolean }).apply)).toEqual([false]);
    expect(rulesOf(a, ids.get('B2')!).floor.price).toBe(9_000);

    fireEvent.click(screen.getByTestId('csv-apply'));
    await waitFor(() => expect(screen.getByTestId('csv-result').textContent).toContain('Готово: применено 2, пропущено с ошибками 2.'));
    expect(rulesOf(a, ids.get('B2')!)).toMatchObject({ floor: { price: 9_500 }, ceiling: 15_000 });
    expect(rulesOf(a, ids.get('C3')!)).toMatchObject({ floor: { price: 4_990 }, strategy: 'monitor' });
    expect(botOf(a, ids.get('C3')!)).toBe(1);
    expect(rulesOf(a, ids.get('D4')!).floor.price).toBe(4_000);
  });

  it('refuses a file without an SKU column as a whole, writing nothing', async () => {
    const { app: a, ids } = await setup();
    fireEvent.click(screen.getByTestId('import-csv'));
    fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [new File(['Название,Floor\nЧайник,100\n'], 'x.csv')] } });
    const errors = await screen.findByTestId('csv-file-errors');
    expect(errors.textContent).toContain('Нет столбца «Артикул» (SKU)');
    expect(screen.queryByTestId('csv-apply')).toBeNull();
    expect(rulesOf(a, ids.get('A1')!).floor.price).toBe(10_000);
  });

  it('opens a drawer with rivals, the journal in plain Russian and what the bot would do now', async () => {
    const { app: a, ids } = await setup();
    const a1 = ids.get('A1')!;
    const rules = resolveRules({}, { floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000, step: { unit: 'tenge', value: 10 } });
    const offers = [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)];
    const decision = decide({ rules, our: { merchantId: SHOP, price: 11_000 }, ownMerchantIds: [SHOP], offers, now: T0 });
    const journal = createSqliteJournal(a.db);
    const entry = await journal.plan({ storeId: 1, productId: a1, cityId: '750000000', oldPrice: 11_000, newPrice: 10_490, reason: decision.reason, dryRun: false, at: T0 } as never);
    await journal.markPushed(entry, 'job-1', T0 + 1_000);

    fireEvent.click(screen.getByTestId('open-A1'));
    const drawer = await screen.findByTestId('product-drawer');
    await within(drawer).findByText('Магазин X');
    const market = within(drawer).getByTestId('market-750000000');
    expect(market.textContent).toContain('4.8 (120)');
    expect(market.textContent).toContain('завтра');
    const line = `Снижено до ${tg(10_490)}: на ${tg(10)} ниже «Магазин X»; минимум ${tg(10_000)}`;
    expect(within(drawer).getByTestId('product-journal').textContent).toContain(line);
    expect(within(drawer).getByTestId('decision-preview').textContent).toContain(line);
    expect(within(drawer).getByTestId('drawer-rules').textContent).toContain(tg(12_000));
    fireEvent.click(within(drawer).getByTestId('range-month'));
    await waitFor(() => expect(sent('products.detail').at(-1)!.input).toMatchObject({ historyDays: 30 }));
  });
});
