import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { LoginInput } from '../../src-shared/contract/stores';
import type { StoreSummary } from '../../src-shared/domain/store';
import type { EventBus } from '../app/event-bus';
import { accountsRepo } from '../db/repos/accounts-repo';
import { storesRepo } from '../db/repos/stores-repo';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { SecretBox } from '../secrets/secret-box';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import { CodeRequests } from './code-requests';
import type { LoginRunner } from './ports';
import type { SessionManager } from './session-manager';
import { syncProducts } from './product-sync';
import type { SyncResult } from './product-sync';
import { passwordFits } from '../security/login-target';
import { msg } from '../../src-shared/i18n/message';

export interface StoreServiceDeps {
  db: Database;
  secrets: SecretBox;
  redactor: Redactor;
  events: EventBus;
  logger: Logger;
  sessions: SessionManager;
  endpoints: () => KaspiEndpoints;
  /** The current login target's fingerprint: stored with a typed password, checked before a stored one is used. */
  loginContext: () => string;
  runLogin: LoginRunner;
  now: () => Date;
}

/** Connecting stores: login, choosing merchants, re-login, sync, API token, removal. */
export function createStoreService(deps: StoreServiceDeps) {
  const accounts = accountsRepo(deps.db);
  const stores = storesRepo(deps.db);
  const codes = new CodeRequests(deps.events);
  const log = deps.logger.child('stores');
  const at = () => deps.now().toISOString();
  const syncing = new Map<number, Promise<SyncResult>>();

  const storeOrThrow = (storeId: number): StoreSummary => {
    const store = stores.get(storeId);
    if (!store) throw new AppError('not_found', msg('stores.not_found'));
    return store;
  };

  /** The browser login with the SMS step routed to the UI; returns the encrypted session. */
  async function browserLogin(loginId: string, credentials: LoginInput): Promise<string> {
    if (credentials.method === 'email') deps.redactor.register(credentials.password);
    deps.events.emit('stores.loginProgress', { loginId, step: 'starting' });
    const { cookies } = await deps.runLogin({
      endpoints: deps.endpoints(),
      method: credentials.method,
      login: credentials.login,
      password: credentials.method === 'email' ? credentials.password : undefined,
      askCode: ({ kind, sentTo }) => {
        deps.events.emit('stores.loginProgress', { loginId, step: 'code' });
        return codes.ask(loginId, { kind, sentTo: sentTo ?? null });
      },
      onStep: (step) => deps.events.emit('stores.loginProgress', { loginId, step }),
    });
    return deps.sessions.sealCookies(cookies);
  }

  return {
    list: () => stores.list(),

    async login(loginId: string, credentials: LoginInput) {
      const context = deps.loginContext();
      const cookiesEnc = await browserLogin(loginId, credentials);
      const accountId = accounts.saveLogin({
        login: credentials.login,
        method: credentials.method,
        passwordEnc: credentials.method === 'email' ? deps.secrets.encrypt(credentials.password) : null,
        passwordContext: credentials.method === 'email' ? context : null,
        cookiesEnc,
        at: at(),
      });
      deps.events.emit('stores.loginProgress', { loginId, step: 'merchants' });
      const known = new Set(stores.list().map((s) => s.merchantUid));
      const merchants = await deps.sessions.withCabinet(accountId, null, async (cabinet) => {
        const uids = await cabinet.merchants();
        return Promise.all(uids.map(async (uid) => ({ uid, name: (await cabinet.merchant(uid)).name, alreadyAdded: known.has(uid) })));
      });
      deps.events.emit('stores.loginProgress', { loginId, step: 'done' });
      log.info('logged in', { accountId, merchants: merchants.length });
      return { accountId, merchants };
    },

    submitCode: (loginId: string, code: string) => codes.answer(loginId, code),
    cancelLogin: (loginId: string) => codes.cancel(loginId),

    async add(accountId: number, merchantUids: string[]) {
      const added = await deps.sessions.withCabinet(accountId, null, async (cabinet) => {
        const [owned, cities] = await Promise.all([cabinet.merchants(), cabinet.cities()]);
        const cityNames = new Map(cities.map((c) => [c.id, c.name]));
        const ids: number[] = [];
        for (const uid of merchantUids) {
          if (!owned.includes(uid)) throw new AppError('not_found', msg('stores.not_owned', { uid }));
          const merchant = await cabinet.merchant(uid);
          const points = merchant.points.map((p) => ({ id: p.storeId, name: p.name, cityId: p.cityId, enabled: p.enabled }));
          const storeCities = [...new Set(points.map((p) => p.cityId).filter((c): c is string => !!c))].map((id) => ({ id, name: cityNames.get(id) ?? id }));
          ids.push(stores.add({ accountId, merchantUid: uid, name: merchant.name, points, cities: storeCities, at: at() }));
        }
        return ids;
      });
      deps.events.emit('stores.changed', { storeId: null });
      log.info('stores added', { accountId, storeIds: added });
      return stores.list();
    },

    async relogin(storeId: number, loginId: string, password?: string) {
      const store = storeOrThrow(storeId);
      const account = accounts.get(store.accountId)!;
      const context = deps.loginContext();
      // A password stored for other Kaspi addresses or another browser is not typed anywhere until the seller confirms it.
      if (!password && account.loginMethod === 'email' && account.passwordEnc && !passwordFits(account.passwordContext, context)) {
        throw new AppError('password_required', msg('login.password_again'));
      }
      const stored = account.passwordEnc ? deps.secrets.decrypt(account.passwordEnc) : undefined;
      const credentials: LoginInput =
        account.loginMethod === 'email'
          ? { method: 'email', login: account.login, password: password ?? stored ?? '' }
          : { method: 'phone', login: account.login };
      if (credentials.method === 'email' && !credentials.password) throw new AppError('invalid_input', msg('stores.enter_kaspi_password'));
      const cookiesEnc = await browserLogin(loginId, credentials);
      accounts.saveLogin({
        login: account.login,
        method: account.loginMethod,
        passwordEnc: password ? deps.secrets.encrypt(password) : null,
        passwordContext: password ? context : null,
        cookiesEnc,
        at: at(),
      });
      deps.events.emit('stores.loginProgress', { loginId, step: 'done' });
      deps.events.emit('stores.changed', { storeId });
      return storeOrThrow(storeId);
    },

    /** One sync per store at a time: a second click joins the running one. */
    sync(storeId: number): Promise<SyncResult> {
      const running = syncing.get(storeId);
      if (running) return running;
      const store = storeOrThrow(storeId);
      const job = syncProducts({ ...deps, logger: log, store, onProgress: (p) => deps.events.emit('stores.syncProgress', { storeId, ...p }) })
        .then((result) => {
          stores.markSynced(storeId, at());
          deps.events.emit('stores.changed', { storeId });
          log.info('products synced', { storeId, ...result });
          return result;
        })
        .finally(() => syncing.delete(storeId));
      syncing.set(storeId, job);
      return job;
    },

    setShopToken(storeId: number, token: string | null) {
      storeOrThrow(storeId);
      if (token) deps.redactor.register(token);
      stores.setShopToken(storeId, token ? deps.secrets.encrypt(token) : null);
      // The orders of a store come from the shop API once it has a token: they follow this event.
      deps.events.emit('stores.changed', { storeId });
      return storeOrThrow(storeId);
    },

    shopToken(storeId: number): string | null {
      const sealed = stores.shopTokenEnc(storeId);
      return sealed ? deps.secrets.decrypt(sealed) : null;
    },

    remove(storeId: number, deleteHistory: boolean) {
      storeOrThrow(storeId);
      stores.remove(storeId, deleteHistory, at());
      deps.events.emit('stores.changed', { storeId });
      log.info('store removed', { storeId, deleteHistory });
    },
  };
}
export type StoreService = ReturnType<typeof createStoreService>;
