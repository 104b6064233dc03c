import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';

/**
 * Where the app may talk to WAHA. The API key and buyers' phones travel with every call, so a
 * WAHA address is accepted only on this computer (http on a loopback address, as the README's
 * Docker command binds it) or over https: no caller can point them at another host in clear.
 */
export type WahaUrlCheck = { ok: true; url: string } | { ok: false; problem: Message };

const LOOPBACK = (host: string): boolean => /^127(\.\d{1,3}){3}$/.test(host) || host === 'localhost' || host === '[::1]';

export function checkWahaUrl(text: string): WahaUrlCheck {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: msg('whatsapp.url_invalid', { url: trimmed.slice(0, 80) }) };
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: msg('whatsapp.url_not_allowed', { url: shown }) };
  // Credentials in the address would be sent to whoever answers there.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return { ok: false, problem: msg('whatsapp.url_invalid', { url: shown }) };
  if (url.protocol === 'http:' && !LOOPBACK(url.hostname)) return { ok: false, problem: msg('whatsapp.url_not_allowed', { url: shown }) };
  return { ok: true, url: `${shown}${url.pathname.replace(/\/+$/, '')}` };
}
