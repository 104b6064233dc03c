import { z } from 'zod';
import { message, messageCode } from '../i18n/message';

/**
 * Proxies spread the competitor-offers requests over several exit IPs, because Kaspi bans an IP
 * that asks too fast (kaspi-api.md §4, §10). Everything here may cross to the renderer, so a
 * proxy's password never appears in an output shape: only `hasPassword`.
 */

export const PROXY_PROTOCOLS = ['http', 'https', 'socks5'] as const;
export const proxyProtocol = z.enum(PROXY_PROTOCOLS);
export type ProxyProtocol = z.infer<typeof proxyProtocol>;

/** `disabled` is the user's switch; the others are what the balancer last saw. */
export const PROXY_STATUSES = ['healthy', 'cooling', 'dead', 'disabled'] as const;
export const proxyStatus = z.enum(PROXY_STATUSES);
export type ProxyStatus = z.infer<typeof proxyStatus>;

export const proxyId = z.number().int().positive();
export type ProxyId = z.infer<typeof proxyId>;

/** The store a proxy is bound to; null puts the proxy in the pool every store shares. */
export const proxyStoreId = z.number().int().positive().nullable();

const epochMs = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV6_BRACKETED = /^\[[0-9a-f:.]+\]$/i;

/** An IPv4 address, a DNS name, or an IPv6 address in brackets (`[::1]`), as URLs write it. */
export function isValidProxyHost(host: string): boolean {
  if (IPV4.test(host) || IPV6_BRACKETED.test(host)) return true;
  // A dotted all-digit name is a mistyped IPv4 address, not a host name.
  if (/^[\d.]+$/.test(host)) return false;
  return HOSTNAME.test(host);
}

export const proxyPort = z.number().int().min(1).max(65535);

/** One proxy as the user enters or imports it; the only shape that carries the password. */
export const proxyInput = z.object({
  protocol: proxyProtocol,
  host: z.string().refine(isValidProxyHost, messageCode('proxies.host_invalid')),
  port: proxyPort,
  username: z.string().min(1).nullable(),
  password: z.string().min(1).nullable(),
  label: z.string().max(200).nullable(),
});
export type ProxyInput = z.infer<typeof proxyInput>;

/** Usage counters of one proxy (or of the direct connection) since `countersResetAt`. */
export const proxyStats = z.object({
  requests: count,
  successes: count,
  bans: count,
  errors: count,
  medianLatencyMs: count.nullable(),
  lastError: z.string().nullable(),
  lastUsedAt: epochMs.nullable(),
  countersResetAt: epochMs,
});
export type ProxyStats = z.infer<typeof proxyStats>;

/** The outcome of one health check: reachability, latency and the exit address the target saw. */
export const proxyCheck = z.object({
  at: epochMs,
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: count.nullable(),
  exitAddress: z.string().nullable(),
  error: z.string().nullable(),
});
export type ProxyCheck = z.infer<typeof proxyCheck>;

/** A stored proxy as the UI sees it. */
export const proxy = z.object({
  id: proxyId,
  protocol: proxyProtocol,
  host: z.string(),
  port: proxyPort,
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  label: z.string().nullable(),
  enabled: z.boolean(),
  storeId: proxyStoreId,
  status: proxyStatus,
  stats: proxyStats,
  lastCheck: proxyCheck.nullable(),
});
export type Proxy = z.infer<typeof proxy>;

/** What the user may change on a stored proxy. A null password removes it. */
export const proxyPatch = z.object({
  label: z.string().max(200).nullable().optional(),
  enabled: z.boolean().optional(),
  storeId: proxyStoreId.optional(),
  username: z.string().min(1).nullable().optional(),
  password: z.string().min(1).nullable().optional(),
});
export type ProxyPatch = z.infer<typeof proxyPatch>;

/** When the usage counters start over. Hours are the user's local time. */
export const proxyResetSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('daily'), hour: z.number().int().min(0).max(23) }),
  /** weekday: 1 = Monday … 7 = Sunday (ISO). */
  z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23) }),
  z.object({ kind: z.literal('interval'), hours: z.number().int().min(1).max(24 * 90) }),
]);
export type ProxyResetSchedule = z.infer<typeof proxyResetSchedule>;

/**
 * Balancer settings. Defaults follow the measured Kaspi limits: ~10 req/s per IP is safe, ~15
 * gets a 403 that lasts ~10 s; the tools that work use 8 req/s and rest 15 s after a 403.
 */
export const proxySettings = z.object({
  allowDirect: z.boolean().default(true),
  offersPerSecond: z.number().positive().max(100).default(8),
  /** A small burst keeps a lane from sending a second's worth of requests at once. */
  burst: z.number().int().min(1).max(100).default(2),
  /** Requests in flight on one lane at once; keeps one proxy from being stampeded by cabinet calls. */
  maxConcurrentPerLane: z.number().int().min(1).max(100).default(6),
  banCooldownMs: z.number().int().min(0).default(15_000),
  maxBanCooldownMs: z.number().int().min(0).default(10 * 60_000),
  failureCooldownMs: z.number().int().min(0).default(5_000),
  deadAfterFailures: z.number().int().min(1).default(3),
  deadRetryMs: z.number().int().min(0).default(5 * 60_000),
  requestTimeoutMs: z.number().int().min(1).default(15_000),
  maxAttempts: z.number().int().min(1).max(20).default(4),
  /** How long a request may wait for a free lane before it fails. */
  maxWaitMs: z.number().int().min(0).default(120_000),
  resetSchedule: proxyResetSchedule.default({ kind: 'daily', hour: 0 }),
  healthCheckUrl: z.url().default('https://kaspi.kz/'),
  healthCheckIntervalMs: z.number().int().min(0).default(10 * 60_000),
});
export type ProxySettings = z.infer<typeof proxySettings>;
export const DEFAULT_PROXY_SETTINGS: ProxySettings = proxySettings.parse({});

// ---- Import errors: a code per kind of bad line; the message says it in the seller's language. ----

export const PROXY_IMPORT_ERROR_CODES = [
  'malformed',
  'unsupportedProtocol',
  'missingPort',
  'invalidPort',
  'invalidHost',
  'missingPassword',
  'missingUsername',
  'tooManyFields',
  'missingColumn',
] as const;
export const proxyImportErrorCode = z.enum(PROXY_IMPORT_ERROR_CODES);
export type ProxyImportErrorCode = z.infer<typeof proxyImportErrorCode>;

export const proxyImportError = z.object({
  /** 1-based line number in the pasted text or file. */
  line: z.number().int().positive(),
  text: z.string(),
  code: proxyImportErrorCode,
  /** What is wrong with the line (`proxy_import.<code>` with its parameters). */
  message,
});
export type ProxyImportError = z.infer<typeof proxyImportError>;

export const proxyImportResult = z.object({
  ok: z.array(proxyInput),
  errors: z.array(proxyImportError),
  /** Lines folded into an earlier line that names the same proxy. */
  merged: z.array(z.object({ line: z.number().int().positive(), intoLine: z.number().int().positive() })),
});
export type ProxyImportResult = z.infer<typeof proxyImportResult>;
