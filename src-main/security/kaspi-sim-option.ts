import type { KaspiEndpoints } from '../kaspi/endpoints';
import { msg } from '../../src-shared/i18n/message';
import { MessageError } from '../../src-shared/i18n/message-error';

/**
 * The Kaspi simulator's base URLs as a start-up option (`--kaspi-sim` of the headless shell,
 * KD_KASPI_SIM for the demo, tests and child processes): the JSON line `npm run sim` prints,
 * {"idmc":…,"mc":…,"storefront":…}. Only loopback addresses: this option exists for a simulator
 * on this machine, and even it cannot send the seller's password to another host.
 */
export const KASPI_SIM_ENV = 'KD_KASPI_SIM';

export function parseKaspiSim(text: string): KaspiEndpoints {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MessageError(msg('cli.kaspi_sim_json', { example: '{"idmc":"http://127.0.0.1:…","mc":…,"storefront":…}', text: text.slice(0, 80) }));
  }
  const urls = (value ?? {}) as Record<string, unknown>;
  return assertSimEndpoints({ idmcUrl: urls.idmc, mcUrl: urls.mc, storefrontUrl: urls.storefront } as KaspiEndpoints);
}

export function kaspiSimFromEnv(env: Record<string, string | undefined> = process.env): KaspiEndpoints | undefined {
  const text = env[KASPI_SIM_ENV];
  return text ? parseKaspiSim(text) : undefined;
}

/** Throws unless every URL is http(s) on 127.0.0.0/8, localhost or [::1]. */
export function assertSimEndpoints(endpoints: KaspiEndpoints): KaspiEndpoints {
  for (const [name, url] of Object.entries(endpoints)) {
    if (!isLoopbackUrl(url)) throw new MessageError(msg('cli.kaspi_sim_loopback', { name, url: String(url) }));
  }
  return { idmcUrl: endpoints.idmcUrl, mcUrl: endpoints.mcUrl, storefrontUrl: endpoints.storefrontUrl };
}

function isLoopbackUrl(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' &&
      (/^127(\.\d{1,3}){3}$/.test(url.hostname) || url.hostname === 'localhost' || url.hostname === '[::1]');
  } catch {
    return false;
  }
}
