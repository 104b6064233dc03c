/**
 * Buyers' numbers in one form. Kaspi's shop API gives a Kazakhstan mobile as ten digits
 * ("7750000000", kaspi-api.md §7b); people write +7 (701) 123-45-67 or 8 701 …. WhatsApp wants the
 * international digits (77011234567@c.us, waha-and-security.md A3). Kazakhstan's mobile codes are
 * 700–708, 747, 750–751, 760–764, 771 and 775–778 (7XX); 71X and 72X are landlines, which WhatsApp
 * does not reach.
 */
const KZ_MOBILE = /^7(70[0-8]|747|75[01]|76[0-4]|77[1-8])\d{7}$/;

/** The number as 11 digits starting 77, or null when it is not a Kazakhstan mobile. */
export function normaliseKzMobile(raw: string | null | undefined): string | null {
  let digits = (raw ?? '').replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('7')) digits = `7${digits}`;
  else if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
  return KZ_MOBILE.test(digits) ? digits : null;
}

/** +7 701 123 45 67, the way Kazakh numbers are written. */
export function formatKzMobile(digits: string): string {
  return `+${digits.slice(0, 1)} ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7, 9)} ${digits.slice(9, 11)}`;
}

/** WhatsApp's chat id of a person (A3) before check-exists gives the real one. */
export const chatIdOfMobile = (digits: string): string => `${digits}@c.us`;
