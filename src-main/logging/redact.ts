import { logText } from './log-text';

/** Field names whose values are secrets wherever they appear in a log record. */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|session|^sid$|mc-sid|api[-_]?key|credential|phone/i;

/** Secrets that can hide inside free text: cookie headers, bearer tokens, URLs with passwords. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/((?:mc-session|mc-sid|MS_AUTH_SSO|mc_arr)=)[^;\s"]+/gi, '$1[redacted]'],
  [/(bearer\s+)[\w.~+/-]+=*/gi, '$1[redacted]'],
  [/(x-auth-token["']?\s*[:=]\s*["']?)[^"',\s}]+/gi, '$1[redacted]'],
  [/(\/\/[^/\s:@]+:)[^@/\s]+@/g, '$1[redacted]@'],
  [/([?&](?:token|password|key)=)[^&\s"]+/gi, '$1[redacted]'],
  // Buyers' mobile numbers (personal data from the shop API and WhatsApp chat ids) in any of the
  // shapes Kazakhstan writes them: +7 701 234 56 78, 87012345678, 77012345678@c.us.
  [/(?<!\d)(?:\+?7|8)[\s(-]*7\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g, '[phone]'],
];

export const REDACTED = '[redacted]';

/**
 * Removes secrets from anything about to be logged: values under secret-looking keys, known
 * secret shapes inside strings, and exact values registered at runtime (a password the user just
 * typed is registered before anything can log it).
 */
export class Redactor {
  private readonly known = new Set<string>();

  register(secret: string | null | undefined): void {
    if (secret && secret.length >= 4) this.known.add(secret);
  }

  redact(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (value === null || typeof value !== 'object' || depth > 8) return value;
    if (value instanceof Error) {
      // The log speaks English: an error the seller reads in their language is logged in English.
      const message = logText(value);
      const stack = value.stack?.replace(value.message, message);
      return { name: value.name, message: this.redactText(message), stack: stack && this.redactText(stack) };
    }
    if (Array.isArray(value)) return value.map((item) => this.redact(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && inner != null && inner !== '' ? REDACTED : this.redact(inner, depth + 1);
    }
    return out;
  }

  private redactText(text: string): string {
    let out = text;
    for (const secret of this.known) out = out.split(secret).join(REDACTED);
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}
