import { createHash } from 'node:crypto';
import type { Settings } from '../../src-shared/contract/settings';
import { KASPI_ENDPOINTS, type KaspiEndpoints } from '../kaspi/endpoints';

/** What the app was started with: the simulator's URLs and a login browser (flags, tests, demo). */
export interface StartupTarget {
  kaspiSim?: KaspiEndpoints;
  browserPath?: string;
}

/** Where a login types the seller's password, and with which browser. */
export interface LoginTarget {
  endpoints: KaspiEndpoints;
  /** The configured browser; null = discovery. */
  browserPath: string | null;
}

/** Start-up options first (never settable over the API), then the seller's settings. */
export function loginTarget(startup: StartupTarget, stored: Settings['kaspi']): LoginTarget {
  return {
    endpoints: startup.kaspiSim ?? { idmcUrl: stored.idmcUrl, mcUrl: stored.mcUrl, storefrontUrl: stored.storefrontUrl },
    browserPath: startup.browserPath ?? stored.browserPath,
  };
}

/**
 * A fingerprint of the login target. Each stored password keeps the one it was typed for; when
 * the addresses or the browser change, no automatic login uses that password until the seller
 * types it again.
 */
export function loginContext(target: LoginTarget): string {
  const { idmcUrl, mcUrl, storefrontUrl } = target.endpoints;
  return createHash('sha256').update(JSON.stringify([idmcUrl, mcUrl, storefrontUrl, target.browserPath])).digest('hex').slice(0, 32);
}

/** Passwords stored before contexts were recorded were typed for real Kaspi with the browser found by discovery. */
export const LEGACY_LOGIN_CONTEXT = loginContext({ endpoints: KASPI_ENDPOINTS, browserPath: null });

/** Whether a stored password was typed for this login target. */
export function passwordFits(storedContext: string | null, current: string): boolean {
  return (storedContext ?? LEGACY_LOGIN_CONTEXT) === current;
}
