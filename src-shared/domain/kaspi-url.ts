import { messageCode } from '../i18n/message';

/**
 * Kaspi's own addresses: https, the host kaspi.kz or one of its subdomains, default port, no
 * login in the URL, nothing after the host. The only base URLs the contract accepts, so no
 * caller can make a re-login type the stored password into another site (the simulator's
 * addresses come from a start-up option, never from the API).
 */
export function isKaspiUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    (host === 'kaspi.kz' || host.endsWith('.kaspi.kz')) &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    // `new URL` forgives a trailing dot or odd case; the stored text must be the plain form.
    text.replace(/\/$/, '').toLowerCase() === `https://${host}`
  );
}

/** What the contract says about any other address (a catalogue code). */
export const KASPI_URL_MESSAGE = messageCode('settings.kaspi_url');
