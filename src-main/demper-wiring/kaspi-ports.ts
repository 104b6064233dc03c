import type { Database } from 'better-sqlite3';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import type { OfferSource, PricePusher, SessionKeeper } from '../demper/ports';
import type { AnswerDecoder } from '../kaspi/decode-pool';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import { fetchOffers } from '../kaspi/storefront';
import type { ProxyPool } from '../proxies/pool';
import { createOfferPusher } from '../stores/offer-pusher';
import { storesRepo } from '../db/repos/stores-repo';
import type { SessionManager } from '../stores/session-manager';

const OFFERS_LANE = 'pool';

/**
 * Competitor offers through the proxy pool: the engine sees one lane and the pool keeps each IP
 * under its budget, moving a banned IP's requests to the others (src-main/proxies/README.md). With a
 * decoder, the answers are read off the main thread.
 */
export function createOfferSource(pool: ProxyPool, endpoints: () => KaspiEndpoints, decoder?: AnswerDecoder): OfferSource {
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
          decoder,
        }),
      ),
  };
}

/**
 * The cabinet price push (kaspi-api.md §5) under the store's account session. The engine names a
 * product's new city prices; the offer pusher (src-main/stores/offer-pusher.ts) sends them with the
 * offer's every point of sale as it stands, and journals the body.
 */
export function createPricePusher(db: Database, sessions: SessionManager): PricePusher {
  const offers = createOfferPusher({ db, sessions });
  return { push: (request) => offers.push({ productId: request.productId, cityPrices: request.cityPrices }) };
}

export function createSessionKeeper(db: Database, sessions: SessionManager): SessionKeeper {
  const stores = storesRepo(db);
  return {
    async relogin(storeId) {
      const accountId = stores.accountIdOf(storeId);
      if (accountId === null) throw new KaspiError('session-expired');
      await sessions.relogin(accountId);
    },
  };
}
