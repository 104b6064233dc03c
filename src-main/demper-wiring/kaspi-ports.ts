import type { Database } from 'better-sqlite3';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import type { OfferSource, PricePusher, SessionKeeper } from '../demper/ports';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import { fetchOffers } from '../kaspi/storefront';
import type { ProxyPool } from '../proxies/pool';
import type { SessionManager } from '../stores/session-manager';

const OFFERS_LANE = 'pool';

/**
 * Competitor offers through the proxy pool: the engine sees one lane and the pool keeps each IP
 * under its budget, moving a banned IP's requests to the others (src-main/proxies/README.md).
 */
export function createOfferSource(pool: ProxyPool, endpoints: () => KaspiEndpoints): OfferSource {
  return {
    lanes: () => [OFFERS_LANE],
    fetchOffers: (query) =>
      pool.run(query.storeId, (lane) =>
        fetchOffers({
          endpoints: endpoints(),
          masterSku: query.masterSku,
          cityId: query.cityId,
          dispatcher: lane.dispatcher,
          signal: lane.signal,
          // The engine and the pool retry on their own budgets; a blind retry here would spend the IP's.
          retry: { attempts: 1 },
        }),
      ),
  };
}

/** The cabinet price push (kaspi-api.md §5) under the store's account session. */
export function createPricePusher(db: Database, sessions: SessionManager): PricePusher {
  const product = db.prepare<[number], { title: string; account_id: number }>(
    'SELECT p.title, s.account_id FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ?',
  );
  return {
    async push(request) {
      const row = product.get(request.productId);
      if (!row) throw new KaspiError('bad-request', 'Товар удалён из приложения');
      // No automatic re-login here: the engine calls the session keeper once and retries itself.
      const cabinet = sessions.client(row.account_id, request.storeId);
      return cabinet.pushPrice({
        merchantUid: request.merchantId,
        sku: request.sku,
        model: row.title,
        cityPrices: request.cityPrices.map((c) => ({ cityId: c.cityId, price: c.price })),
      });
    },
  };
}

export function createSessionKeeper(db: Database, sessions: SessionManager): SessionKeeper {
  const account = db.prepare<[number], { account_id: number }>('SELECT account_id FROM stores WHERE id = ?');
  return {
    async relogin(storeId) {
      const row = account.get(storeId);
      if (!row) throw new KaspiError('session-expired');
      await sessions.relogin(row.account_id);
    },
  };
}
