import type { Database } from 'better-sqlite3';
import type { StoreSummary, StorePoint } from '../../../src-shared/domain/store';

export interface NewStore {
  accountId: number;
  merchantUid: string;
  name: string;
  points: StorePoint[];
  cities: Array<{ id: string; name: string }>;
  at: string;
}

interface Row {
  id: number;
  merchant_uid: string;
  name: string;
  account_id: number;
  login: string;
  login_method: 'email' | 'phone';
  session_status: StoreSummary['sessionStatus'];
  bot_enabled: number;
  has_token: number;
  product_count: number;
  active_count: number;
  last_sync_at: string | null;
}

export function storesRepo(db: Database) {
  const listRows = db.prepare<[], Row>(
    `SELECT s.id, s.merchant_uid, s.name, s.account_id, a.login, a.login_method, a.session_status, s.bot_enabled,
            s.shop_token_enc IS NOT NULL AS has_token, s.last_sync_at,
            (SELECT count(*) FROM products p WHERE p.store_id = s.id AND p.removed_at IS NULL) AS product_count,
            (SELECT count(*) FROM products p WHERE p.store_id = s.id AND p.removed_at IS NULL AND p.active = 1) AS active_count
       FROM stores s JOIN kaspi_accounts a ON a.id = s.account_id
      WHERE s.removed_at IS NULL ORDER BY s.name`,
  );
  const pointsOf = db.prepare<[number], { point_id: string; name: string; city_id: string | null; enabled: number }>(
    'SELECT point_id, name, city_id, enabled FROM store_points WHERE store_id = ? ORDER BY point_id',
  );
  const citiesOf = db.prepare<[number], { city_id: string; name: string }>('SELECT city_id, name FROM store_cities WHERE store_id = ? ORDER BY name');
  const insert = db.prepare(
    `INSERT INTO stores (account_id, merchant_uid, name, created_at) VALUES (@accountId, @merchantUid, @name, @at)
     ON CONFLICT(merchant_uid) DO UPDATE SET account_id = excluded.account_id, name = excluded.name, removed_at = NULL
     RETURNING id`,
  );
  const clearPoints = db.prepare('DELETE FROM store_points WHERE store_id = ?');
  const addPoint = db.prepare('INSERT INTO store_points (store_id, point_id, name, city_id, enabled) VALUES (?, ?, ?, ?, ?)');
  const clearCities = db.prepare('DELETE FROM store_cities WHERE store_id = ?');
  const addCity = db.prepare('INSERT INTO store_cities (store_id, city_id, name) VALUES (?, ?, ?)');

  const setPoints = db.transaction((id: number, points: StorePoint[], cities: Array<{ id: string; name: string }>): void => {
    clearPoints.run(id);
    for (const p of points) addPoint.run(id, p.id, p.name, p.cityId, p.enabled ? 1 : 0);
    clearCities.run(id);
    for (const c of cities) addCity.run(id, c.id, c.name);
  });

  const toSummary = (r: Row): StoreSummary => ({
    id: r.id,
    merchantUid: r.merchant_uid,
    name: r.name,
    accountId: r.account_id,
    accountLogin: r.login,
    loginMethod: r.login_method,
    sessionStatus: r.session_status,
    botEnabled: r.bot_enabled === 1,
    hasShopToken: r.has_token === 1,
    productCount: r.product_count,
    activeProductCount: r.active_count,
    lastSyncAt: r.last_sync_at,
    points: pointsOf.all(r.id).map((p) => ({ id: p.point_id, name: p.name, cityId: p.city_id, enabled: p.enabled === 1 })),
    cities: citiesOf.all(r.id).map((c) => ({ id: c.city_id, name: c.name })),
  });

  return {
    list(): StoreSummary[] {
      return listRows.all().map(toSummary);
    },
    get(id: number): StoreSummary | undefined {
      const row = listRows.all().find((r) => r.id === id);
      return row && toSummary(row);
    },
    /** Adds a store, or brings back one removed earlier with its history. */
    add: db.transaction((store: NewStore): number => {
      const { id } = insert.get(store) as { id: number };
      setPoints(id, store.points, store.cities);
      return id;
    }),
    /** The store's points and their cities as the cabinet lists them now. */
    setPoints,
    markSynced(id: number, at: string): void {
      db.prepare('UPDATE stores SET last_sync_at = ? WHERE id = ?').run(at, id);
    },
    setShopToken(id: number, tokenEnc: string | null): void {
      db.prepare('UPDATE stores SET shop_token_enc = ? WHERE id = ?').run(tokenEnc, id);
    },
    shopTokenEnc(id: number): string | null {
      return (db.prepare('SELECT shop_token_enc FROM stores WHERE id = ?').get(id) as { shop_token_enc: string | null } | undefined)?.shop_token_enc ?? null;
    },
    setBotEnabled(id: number, enabled: boolean): void {
      db.prepare('UPDATE stores SET bot_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
    },
    /**
     * Removing keeps products, snapshots and the price journal (the seller's history) unless asked
     * to delete them too; a kept store comes back with its history when added again.
     */
    remove: db.transaction((id: number, deleteHistory: boolean, at: string): void => {
      if (!deleteHistory) {
        db.prepare('UPDATE stores SET removed_at = ?, bot_enabled = 0 WHERE id = ?').run(at, id);
        return;
      }
      const products = 'SELECT id FROM products WHERE store_id = ?';
      db.prepare(`DELETE FROM price_journal WHERE store_id = ?`).run(id);
      db.prepare(`DELETE FROM offer_snapshots WHERE product_id IN (${products})`).run(id);
      db.prepare(`DELETE FROM preorders WHERE store_id = ?`).run(id);
      db.prepare(`DELETE FROM whatsapp_messages WHERE order_id IN (SELECT id FROM orders WHERE store_id = ?)`).run(id);
      db.prepare(`DELETE FROM orders WHERE store_id = ?`).run(id);
      db.prepare(`DELETE FROM products WHERE store_id = ?`).run(id);
      db.prepare(`DELETE FROM stores WHERE id = ?`).run(id);
    }),
    /** Every connected store, by id: what the demper reprices for (each one's merchant id is "own"). */
    connected(): Array<{ id: number; merchantUid: string; name: string }> {
      return db.prepare<[], { id: number; merchantUid: string; name: string }>('SELECT id, merchant_uid AS merchantUid, name FROM stores WHERE removed_at IS NULL ORDER BY id').all();
    },
    /** The store's rule defaults (JSON as stored) and its bot switch; undefined for an unknown store. */
    rulesOf(id: number): { defaultRulesJson: string; botEnabled: boolean } | undefined {
      const row = db.prepare<[number], { default_rules_json: string; bot_enabled: number }>('SELECT default_rules_json, bot_enabled FROM stores WHERE id = ?').get(id);
      return row && { defaultRulesJson: row.default_rules_json, botEnabled: row.bot_enabled === 1 };
    },
    /** New rule defaults for a store (JSON as stored). */
    setDefaultRules(id: number, defaultRulesJson: string): void {
      db.prepare('UPDATE stores SET default_rules_json = ? WHERE id = ?').run(defaultRulesJson, id);
    },
    /** The merchant ids of every store the app has known, removed or not: offers from them are ours, never rivals. */
    merchantUids(): string[] {
      return db.prepare<[], { merchant_uid: string }>('SELECT merchant_uid FROM stores').all().map((r) => r.merchant_uid);
    },
    /** The Kaspi account the store belongs to, removed or not; null for an unknown store. */
    accountIdOf(id: number): number | null {
      return db.prepare<[number], { account_id: number }>('SELECT account_id FROM stores WHERE id = ?').get(id)?.account_id ?? null;
    },
  };
}
