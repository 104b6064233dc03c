import { AppError } from '../../src-shared/contract';
import type { Handler } from '../../src-shared/contract/dispatcher';
import type { DirectRow, ProxiesView, ProxyPageSettings, ProxyRow, ProxyTestResult } from '../../src-shared/contract/proxies';
import type { ProxyCheck, ProxyImportError } from '../../src-shared/domain/proxy';
import type { AppServices } from '../app/services';
import { NoLaneError, UnsupportedProxyError } from '../proxies/errors';
import { checkDirect, checkProxies } from '../proxies/health';
import { proxyPageView } from '../proxies/live-view';
import { parseProxyList } from '../proxies/parse';
import { DuplicateProxyError } from '../db/repos/proxies-repo';
import { msg } from '../../src-shared/i18n/message';

type ProxyCalls =
  | 'proxies.list' | 'proxies.import' | 'proxies.add' | 'proxies.update' | 'proxies.remove'
  | 'proxies.test' | 'proxies.settings.get' | 'proxies.settings.update';

const CHECK_TIMEOUT_MS = 10_000;
/** The seller waits on "test all": a list of dead proxies should take seconds, not minutes. */
const TEST_CONCURRENCY = 16;

export function proxiesHandlers({ settings: stored, proxyStore, pool, demper, stores, events, logger }: AppServices): { [N in ProxyCalls]: Handler<N> } {
  const log = logger.child('proxies');
  // The direct connection has no proxy row to keep its last check in; the page still shows it.
  let directCheck: ProxyCheck | null = null;

  const view = (): ProxiesView => {
    const snapshot = pool.snapshot();
    const live = proxyPageView(proxyStore.list(), snapshot);
    const availableAt = new Map(snapshot.map((lane) => [lane.id, lane.availableAt]));
    const allowed = stored.proxies().allowDirect;
    const direct: DirectRow = {
      allowed,
      status: live.direct?.status ?? null,
      availableAt: live.direct?.availableAt ?? null,
      stats: live.direct?.stats ?? null,
      lastCheck: directCheck,
    };
    return { proxies: live.proxies.map((p) => ({ ...p, availableAt: p.enabled ? (availableAt.get(p.id) ?? null) : null })), direct };
  };
  const row = (id: number): ProxyRow => {
    const found = view().proxies.find((p) => p.id === id);
    if (!found) throw notFound();
    return found;
  };

  /**
   * Every change reaches the balancer at once and the page re-reads. When the lanes a store may
   * use change, the engine's total offers rate is re-derived from the pool's (demper-service).
   */
  const changed = (lanesChanged = true) => {
    pool.reload();
    if (lanesChanged) demper.updateSettings({});
    events.emit('proxies.changed', {});
  };
  const checkStore = (storeId: number | null | undefined) => {
    if (storeId === null || storeId === undefined) return;
    if (!stores.list().some((s) => s.id === storeId)) {
      throw new AppError('proxies.unknown_store', msg('proxies.unknown_store'));
    }
  };
  const pageSettings = (): ProxyPageSettings => {
    const s = stored.proxies();
    return { allowDirect: s.allowDirect, resetSchedule: s.resetSchedule, healthCheckUrl: s.healthCheckUrl, healthCheckIntervalMs: s.healthCheckIntervalMs, offersPerSecond: demper.settings().offersPerSecondPerIp };
  };

  return {
    'proxies.list': () => view(),

    'proxies.import': ({ text, storeId }) => {
      checkStore(storeId);
      const parsed = parseProxyList(text);
      const summary = parsed.ok.length > 0 ? guard(() => proxyStore.importMany(parsed.ok, { storeId })) : { created: 0, updated: 0 };
      if (parsed.ok.length > 0) changed();
      log.info('proxies imported', { created: summary.created, updated: summary.updated, errors: parsed.errors.length });
      return { created: summary.created, updated: summary.updated, errors: parsed.errors.map(maskError), merged: parsed.merged };
    },

    'proxies.add': ({ storeId, ...input }) => {
      checkStore(storeId);
      const { id } = guard(() => proxyStore.upsert(input, { storeId }));
      changed();
      return row(id);
    },

    'proxies.update': ({ id, patch }) => {
      checkStore(patch.storeId);
      const updated = guard(() => proxyStore.update(id, patch));
      if (!updated) throw notFound();
      changed(patch.enabled !== undefined || patch.storeId !== undefined || patch.username !== undefined || patch.password !== undefined);
      return row(id);
    },

    'proxies.remove': ({ id }) => {
      if (!proxyStore.remove(id)) throw notFound();
      changed();
      return {};
    },

    'proxies.test': async ({ ids, direct }) => {
      const s = stored.proxies();
      const options = { url: s.healthCheckUrl, timeoutMs: CHECK_TIMEOUT_MS };
      if (ids) for (const id of ids) if (!proxyStore.get(id)) throw notFound();
      const withDirect = direct ?? (ids === undefined && s.allowDirect);
      const [checked, directResult] = await Promise.all([
        ids?.length === 0 ? new Map<number, ProxyCheck>() : checkProxies(proxyStore, pool, { ...options, ids, concurrency: TEST_CONCURRENCY }),
        withDirect ? checkDirect(s.allowDirect ? pool : null, options) : null,
      ]);
      if (directResult) directCheck = directResult;
      events.emit('proxies.changed', {});
      const results: ProxyTestResult[] = [...checked].map(([id, check]) => ({ id, check }));
      if (directResult) results.push({ id: null, check: directResult });
      return results;
    },

    'proxies.settings.get': () => pageSettings(),

    'proxies.settings.update': ({ offersPerSecond, ...patch }) => {
      stored.updateProxies(offersPerSecond === undefined ? patch : { ...patch, offersPerSecond });
      // Only what changed: the pool's per-IP budget is the demper's setting and must not fall back to a stored default.
      pool.configure(patch);
      // The demper owns the per-IP budget: it sets the pool's and re-derives the engine's total rate from the lanes above.
      if (offersPerSecond !== undefined) demper.updateSettings({ offersPerSecondPerIp: offersPerSecond });
      if (patch.allowDirect === false) directCheck = null;
      changed(offersPerSecond === undefined && patch.allowDirect !== undefined);
      return pageSettings();
    },
  };
}

function notFound(): AppError {
  return new AppError('not_found', msg('proxies.not_found'));
}

/** The proxy layer's errors as messages a seller can act on. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DuplicateProxyError) {
      throw new AppError('proxies.duplicate', error.userMessage, { existingId: error.existingId });
    }
    if (error instanceof UnsupportedProxyError) throw new AppError('proxies.unsupported', msg('proxies.unusable', { reason: error.reason }));
    if (error instanceof NoLaneError) {
      throw new AppError('proxies.no_lane', msg('proxies.no_lane'));
    }
    throw error;
  }
}

/** Import errors echo the line; a password in it must not reach the screen (or a screenshot). */
function maskError(error: ProxyImportError): ProxyImportError {
  return { ...error, text: maskProxyLine(error.text) };
}

export function maskProxyLine(line: string): string {
  // scheme://user:pass@host or user:pass@host
  if (line.includes('@')) return line.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:/@\s]*):[^@\s]*@/i, '$1:***@');
  const delimiter = [';', '\t', ','].find((d) => line.includes(d));
  const fields = line.split(delimiter ?? ':');
  if (fields.length < 4) return line;
  if (delimiter) {
    // CSV rows: host, port, user, password[, …] — or with the protocol first.
    const first = /^(https?|socks5h?|socks)$/i.test(fields[0]!.trim()) ? 1 : 0;
    return fields.map((f, i) => (i === first + 3 && f.trim() ? '***' : f)).join(delimiter);
  }
  // host:port:user:pass or user:pass:host:port — the password sits after the user, away from the port.
  const portFirst = /^\d+$/.test(fields[1]!.trim());
  return fields.map((f, i) => ((portFirst ? i >= 3 : i === 1) ? '***' : f)).join(':');
}
