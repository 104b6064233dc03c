import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { ordersRepo, UPSERT_STEP, type SyncedOrder } from '../../../src-main/db/repos/orders-repo';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const NOW = Date.parse('2026-12-02T09:00:00Z');
/** Orders of one page, more than two steps of the upsert. */
const PAGE = 2 * UPSERT_STEP + 7;

function seeded() {
  const db = openDatabase(join(tempDir(), 'app.db'));
  const at = new Date(NOW).toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(at, at);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30000001', 'Shop', ?)").run(at);
  const repo = ordersRepo(db, { encrypt: (plain) => `sealed:${plain}`, decrypt: (sealed) => sealed.slice('sealed:'.length), costOf: () => null });
  return { db, repo };
}

const order = (n: number, state: SyncedOrder['state'] = 'new'): SyncedOrder => ({
  code: String(600_000_000 + n), kaspiId: `K${n}`, source: 'shop_api', state, outcome: null, status: 'APPROVED_BY_BANK', kaspiTab: null,
  createdMs: NOW - n * 60_000, totalPrice: 10_000 + n, deliveryCost: 0, deliveryMode: 'DELIVERY_LOCAL', kaspiDelivery: true, paymentMode: 'PREPAID',
  cityId: '750000000', cityName: null, pointId: null, address: null, customerName: 'Buyer', phone: `7701000${String(n).padStart(4, '0')}`, phoneMasked: false,
  plannedDeliveryMs: null, acceptDeadlineMs: NOW + 3_600_000, cancelReason: null, changedMs: null,
  entries: [{ masterSku: '100000001', sku: 'S1', name: 'Phone', quantity: 1, totalPrice: 10_000 + n }],
});

describe('orders in SQLite: a page upserted in steps', () => {
  it('writes every order of the page once, with one history row and its entry, letting other work run between steps', async () => {
    const { db, repo } = seeded();
    const page = Array.from({ length: PAGE }, (_, n) => order(n));
    // Other work of the main process, asked for just before: it runs before the page is written whole.
    let ordersWhenOtherWorkRan = -1;
    setImmediate(() => (ordersWhenOtherWorkRan = (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n));
    const first = await repo.upsertInSteps(1, page, NOW);
    expect(first.added.map((o) => o.code)).toEqual(page.map((o) => o.code));
    expect(first.changed).toBe(0);
    expect(ordersWhenOtherWorkRan).toBe(UPSERT_STEP);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM orders')).toBe(PAGE);
    expect(count('SELECT count(*) AS n FROM order_status_history')).toBe(PAGE);
    expect(count('SELECT count(*) AS n FROM order_entries')).toBe(PAGE);

    // The same page read again (a sync run again after a crash) adds nothing; orders that moved are changed once each.
    const again = page.map((o, n) => (n % 10 === 0 ? { ...o, state: 'pickup' as const, status: 'ACCEPTED_BY_MERCHANT', changedMs: NOW } : o));
    const second = await repo.upsertInSteps(1, again, NOW + 60_000);
    expect(second.added).toEqual([]);
    expect(second.changed).toBe(Math.ceil(PAGE / 10));
    expect(count('SELECT count(*) AS n FROM orders')).toBe(PAGE);
    expect(count('SELECT count(*) AS n FROM order_status_history')).toBe(PAGE + Math.ceil(PAGE / 10));
    db.close();
  });
});
