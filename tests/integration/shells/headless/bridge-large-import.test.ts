import { afterEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../rules/seed';
import { startTestHeadless } from '../../../support/headless';
import type { Headless } from '../../../../src-main/shells/headless/start-headless';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
let running: Headless | undefined;
afterEach(async () => { await running?.close(); running = undefined; });

const ROWS = 10_000;
// A title as long as Kaspi's: the exported file is then well over a megabyte.
const title = (i: number) => `Смартфон Samsung Galaxy A55 5G 8 ГБ/256 ГБ тёмно-синий, модель ${i}, официальная гарантия`;

describe('a 10,000-row rules CSV through the headless shell', () => {
  it('imports in one call (the file the seller exported and edited, a few MB)', async () => {
    const dir = tempDir();
    const products = Array.from({ length: ROWS }, (_, i) => ({ sku: `SKU-${i}`, title: title(i) }));
    const { db, storeIds } = seedDatabase(dir, [{ name: 'Магазин', uid: '30000001', products: [] }], 'kaspi-demper.db');
    const insert = db.prepare("INSERT INTO products (store_id, sku, title, created_at, updated_at) VALUES (?, ?, ?, '2026-12-01', '2026-12-01')");
    db.transaction(() => products.forEach((p) => insert.run(storeIds[0], p.sku, p.title)))();
    db.close();
    const headless = await startTestHeadless(dir, { autoStartDemper: false });
    running = headless;

    const lines = products.map((p, i) => `Магазин;${p.sku};"${p.title}";${10_000 + i};;${20_000 + i};1;Ниже конкурента;1;да`);
    const csv = ['Магазин;Артикул;Название;Минимальная цена;Себестоимость;Максимальная цена;Шаг;Стратегия;Целевое место;Бот', ...lines].join('\r\n');
    const body = JSON.stringify({ csv, apply: true });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);

    const response = await fetch(`${headless.base}/api/call/rules.importCsv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${headless.token}`, 'content-type': 'application/json' },
      body,
    });
    const result = (await response.json()) as { ok: boolean; value: { applied: number; fileErrors: string[]; rows: Array<{ errors: string[] }> } };
    expect(result.ok).toBe(true);
    expect(result.value.fileErrors).toEqual([]);
    expect(result.value.rows.filter((r) => r.errors.length > 0)).toEqual([]);
    expect(result.value.applied).toBe(ROWS);
    const stored = headless.app.db.prepare('SELECT rules_json FROM products WHERE sku = ?').get('SKU-9999') as { rules_json: string };
    expect(JSON.parse(stored.rules_json)).toMatchObject({ floor: { kind: 'fixed', price: 19_999 }, ceiling: 29_999 });
  });
});
