import { msg } from '../i18n/message';
import type { Message } from '../i18n/message';

/**
 * The seller's message templates: their own text with variables in braces, "{name}, спасибо за
 * заказ {order}". Only the variables below exist; any other name, a brace left open or an empty
 * text is refused with a message saying what is wrong, before anything is saved or sent.
 */
export const TEMPLATE_VARIABLES = ['name', 'order', 'products', 'total', 'delivery_date', 'store', 'review_link'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

/** WhatsApp takes far longer texts; a message to a buyer this long is a mistake. */
export const TEMPLATE_MAX_LENGTH = 1_000;

type Part = { text: string } | { variable: string; at: number };

function parts(body: string): Part[] | Message {
  const out: Part[] = [];
  let text = '';
  for (let at = 0; at < body.length; at++) {
    const ch = body[at]!;
    if (ch === '}') return msg('whatsapp.template_stray_brace', { at: at + 1, brace: '}', example: '{name}' });
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const close = body.indexOf('}', at);
    const open = body.indexOf('{', at + 1);
    if (close === -1 || (open !== -1 && open < close)) return msg('whatsapp.template_open_brace', { at: at + 1, brace: '{', example: '{name}' });
    if (text) out.push({ text });
    text = '';
    out.push({ variable: body.slice(at + 1, close).trim(), at: at + 1 });
    at = close;
  }
  if (text) out.push({ text });
  return out;
}

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** null when the template can be saved; else what is wrong with it. */
export function templateProblem(body: string): Message | null {
  if (body.trim() === '') return msg('whatsapp.template_empty');
  if (body.length > TEMPLATE_MAX_LENGTH) return msg('whatsapp.template_too_long', { max: TEMPLATE_MAX_LENGTH, length: body.length });
  const parsed = parts(body);
  if (!Array.isArray(parsed)) return parsed;
  const unknown = parsed.find((p): p is { variable: string; at: number } => 'variable' in p && !isVariable(p.variable));
  if (unknown) return msg('whatsapp.template_unknown_variable', { variable: `{${unknown.variable}}`, known: TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ') });
  return null;
}

/** The variables a (valid) template uses. */
export function templateVariables(body: string): Set<TemplateVariable> {
  const parsed = parts(body);
  return new Set(Array.isArray(parsed) ? parsed.flatMap((p) => ('variable' in p && isVariable(p.variable) ? [p.variable] : [])) : []);
}

/** The text a buyer gets. The template was validated when saved; an unknown name stays as written. */
export function renderTemplate(body: string, values: TemplateValues): string {
  const parsed = parts(body);
  if (!Array.isArray(parsed)) return body;
  return parsed.map((p) => ('text' in p ? p.text : isVariable(p.variable) ? values[p.variable] : `{${p.variable}}`)).join('').trim();
}
