import { z } from 'zod';
import { call } from './define';
import {
  proxy,
  proxyCheck,
  proxyId,
  proxyImportError,
  proxyInput,
  proxyPatch,
  proxySettings,
  proxyStats,
  proxyStatus,
  proxyStoreId,
} from '../domain/proxy';
import { messageCode } from '../i18n/message';

/**
 * The Proxies page. Outputs carry `hasPassword` only: a proxy's password goes in (add, import,
 * update) and never comes back out, and neither does any address with credentials in it.
 */

const epochMs = z.number().int().nonnegative();

/** A stored proxy as the page shows it; `availableAt` is when a cooling or dead proxy is tried again. */
export const proxyRow = proxy.extend({ availableAt: epochMs.nullable() });
export type ProxyRow = z.infer<typeof proxyRow>;

/** The direct connection: a lane like any proxy when allowed; `status`/`stats` are null when forbidden. */
export const directRow = z.object({
  allowed: z.boolean(),
  status: proxyStatus.exclude(['disabled']).nullable(),
  availableAt: epochMs.nullable(),
  stats: proxyStats.nullable(),
  lastCheck: proxyCheck.nullable(),
});
export type DirectRow = z.infer<typeof directRow>;

export const proxiesView = z.object({ proxies: z.array(proxyRow), direct: directRow });
export type ProxiesView = z.infer<typeof proxiesView>;

export const proxyImportSummary = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Bad lines, each with its 1-based line number; `text` has any password masked. */
  errors: z.array(proxyImportError),
  /** Lines that named a proxy an earlier line of the same text already named. */
  merged: z.array(z.object({ line: z.number().int().positive(), intoLine: z.number().int().positive() })),
});
export type ProxyImportSummary = z.infer<typeof proxyImportSummary>;

/** One test result; `id` null is the direct connection. */
export const proxyTestResult = z.object({ id: proxyId.nullable(), check: proxyCheck });
export type ProxyTestResult = z.infer<typeof proxyTestResult>;

/**
 * What the seller tunes on the page. The per-IP budget is the demper's own (it sizes the engine's
 * rate too), so it is bounded the way the demper's settings bound it.
 */
const layer = proxySettings.shape;
// Without the layer's defaults: with them, a partial update would reset every field it leaves out.
export const proxyPageSettings = z.object({
  allowDirect: layer.allowDirect.unwrap(),
  resetSchedule: layer.resetSchedule.unwrap(),
  healthCheckUrl: layer.healthCheckUrl.unwrap(),
  healthCheckIntervalMs: layer.healthCheckIntervalMs.unwrap(),
  offersPerSecond: z
    .number()
    .min(0.5, messageCode('demper.offers_rate_min'))
    .max(12, messageCode('demper.offers_rate_max')),
});
export type ProxyPageSettings = z.infer<typeof proxyPageSettings>;

export const proxiesCalls = {
  'proxies.list': call(z.object({}), proxiesView),
  /** Valid lines are stored even when others are bad; bad lines come back one by one. */
  'proxies.import': call(
    z.object({ text: z.string().max(1_000_000, messageCode('proxies.list_too_large')), storeId: proxyStoreId }),
    proxyImportSummary,
  ),
  'proxies.add': call(proxyInput.extend({ storeId: proxyStoreId }), proxyRow),
  'proxies.update': call(z.object({ id: proxyId, patch: proxyPatch }), proxyRow),
  'proxies.remove': call(z.object({ id: proxyId }), z.object({})),
  /** Without `ids`: every enabled proxy and, when allowed, the direct connection. */
  'proxies.test': call(
    z.object({ ids: z.array(proxyId).max(1000).optional(), direct: z.boolean().optional() }),
    z.array(proxyTestResult),
  ),
  'proxies.settings.get': call(z.object({}), proxyPageSettings),
  'proxies.settings.update': call(proxyPageSettings.partial(), proxyPageSettings),
};

export const proxiesEvents = {
  /** The list, a status or the settings changed: the page re-reads `proxies.list`. */
  'proxies.changed': z.object({}),
};
