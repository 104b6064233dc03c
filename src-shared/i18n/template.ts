import { formatTenge } from '../pricing/format-tenge';
import type { Language } from './languages';

/**
 * The template language of the catalogue: a small, strict subset of ICU MessageFormat, so a
 * translator who has seen one knows this one.
 *
 *   {name}                     the parameter as given (a line number, a SKU, a nested message)
 *   {name, number}             a whole number with thousands grouped: 12 990
 *   {name, price}              whole tenge: 12 990 ₸
 *   {name, lower}              the parameter with its first letter lowered (a nested message mid-sentence)
 *   {name, capital}            …or raised (a schema's mid-sentence words as a sentence of their own)
 *   {n, plural, one {# товар} few {# товара} many {# товаров} other {# товара}}
 *                              Intl.PluralRules of the language picks the branch; =0 {…} matches exactly; # is n
 *   {kind, select, sms {SMS} email {письма} other {…}}
 *
 * No quoting: a template cannot contain a literal brace. Every template is parsed by the
 * catalogue test, so a broken one fails there, not in front of a seller.
 */

export type TemplatePart =
  | { type: 'text'; text: string }
  | { type: 'arg'; name: string; format: ArgFormat }
  | { type: 'plural' | 'select'; name: string; options: ReadonlyMap<string, TemplatePart[]> }
  | { type: 'hash' };

const ARG_FORMATS = ['number', 'price', 'lower', 'capital'] as const;
type ArgFormat = 'plain' | (typeof ARG_FORMATS)[number];

export class TemplateError extends Error {
  constructor(template: string, at: number, problem: string) {
    super(`${problem} at ${at} in "${template}"`);
    this.name = 'TemplateError';
  }
}

const parsedCache = new Map<string, TemplatePart[]>();

export function parseTemplate(template: string): TemplatePart[] {
  let parts = parsedCache.get(template);
  if (!parts) {
    parts = new Parser(template).parse();
    parsedCache.set(template, parts);
  }
  return parts;
}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): TemplatePart[] {
    const parts = this.parts(false, false);
    if (this.at < this.src.length) this.fail('unbalanced "}"');
    return parts;
  }

  private fail(problem: string): never {
    throw new TemplateError(this.src, this.at, problem);
  }

  /** Text and arguments up to the end, or up to the "}" that closes a plural or select branch. */
  private parts(nested: boolean, inPlural: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'text', text });
      text = '';
    };
    while (this.at < this.src.length) {
      const ch = this.src[this.at]!;
      if (ch === '}') {
        if (!nested) this.fail('unbalanced "}"');
        break;
      }
      if (ch === '{') {
        flush();
        this.at++;
        parts.push(this.argument(inPlural));
      } else if (ch === '#' && inPlural) {
        flush();
        this.at++;
        parts.push({ type: 'hash' });
      } else {
        text += ch;
        this.at++;
      }
    }
    flush();
    return parts;
  }

  private argument(inPlural: boolean): TemplatePart {
    this.space();
    const name = this.word(/[A-Za-z_]\w*/y, 'a parameter name');
    this.space();
    if (this.eat('}')) return { type: 'arg', name, format: 'plain' };
    if (!this.eat(',')) this.fail('"," or "}" expected');
    this.space();
    const kind = this.word(/[a-z]+/y, 'a format');
    this.space();
    if ((ARG_FORMATS as readonly string[]).includes(kind)) {
      if (!this.eat('}')) this.fail('"}" expected');
      return { type: 'arg', name, format: kind as ArgFormat };
    }
    if (kind !== 'plural' && kind !== 'select') this.fail(`unknown format "${kind}"`);
    if (!this.eat(',')) this.fail('"," expected');
    const options = new Map<string, TemplatePart[]>();
    for (;;) {
      this.space();
      if (this.eat('}')) break;
      const key = this.word(/=\d+|[A-Za-z_]\w*/y, 'a branch key');
      this.space();
      if (!this.eat('{')) this.fail('"{" expected');
      options.set(key, this.parts(true, kind === 'plural' || inPlural));
      if (!this.eat('}')) this.fail('"}" expected');
    }
    if (!options.has('other')) this.fail(`${kind} without an "other" branch`);
    return { type: kind, name, options };
  }

  private word(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.src);
    if (!match) this.fail(`${what} expected`);
    this.at += match[0].length;
    return match[0];
  }

  private eat(ch: string): boolean {
    if (this.src[this.at] !== ch) return false;
    this.at++;
    return true;
  }

  private space(): void {
    while (this.src[this.at] === ' ') this.at++;
  }
}

/** Every parameter a template names, nested branches included. */
export function templateParams(template: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: readonly TemplatePart[]) => {
    for (const part of parts) {
      if (part.type === 'arg') names.add(part.name);
      if (part.type === 'plural' || part.type === 'select') {
        names.add(part.name);
        for (const branch of part.options.values()) walk(branch);
      }
    }
  };
  walk(parseTemplate(template));
  return names;
}

/** The plural branches a template's plural arguments offer, by argument (for the catalogue test). */
export function pluralBranches(template: string): string[][] {
  const found: string[][] = [];
  const walk = (parts: readonly TemplatePart[]) => {
    for (const part of parts) {
      if (part.type === 'plural') found.push([...part.options.keys()]);
      if (part.type === 'plural' || part.type === 'select') for (const branch of part.options.values()) walk(branch);
    }
  };
  walk(parseTemplate(template));
  return found;
}

const pluralRules = new Map<Language, Intl.PluralRules>();
export function pluralCategory(language: Language, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(n);
}

/** Thousands grouped the way formatTenge groups them (a narrow no-break space), in every language. */
export function formatNumber(n: number): string {
  return formatTenge(n).replace(/\u00A0₸$/, '');
}

/** A parameter's value as the template sees it; the caller renders nested messages first. */
export type TemplateValue = string | number;

/**
 * Fills a template. `lookup` gives a parameter's value (undefined when the caller has none: the
 * placeholder then stays visible as `{name}`, which a test catches before a seller sees it).
 */
export function formatTemplate(template: string, language: Language, lookup: (name: string) => TemplateValue | undefined): string {
  return formatParts(parseTemplate(template), language, lookup, null);
}

function formatParts(parts: readonly TemplatePart[], language: Language, lookup: (name: string) => TemplateValue | undefined, hash: number | null): string {
  let out = '';
  for (const part of parts) {
    if (part.type === 'text') {
      out += part.text;
      continue;
    }
    if (part.type === 'hash') {
      out += hash === null ? '#' : formatNumber(hash);
      continue;
    }
    const value = lookup(part.name);
    if (value === undefined) {
      out += `{${part.name}}`;
      continue;
    }
    if (part.type === 'arg') {
      out += formatArg(value, part.format);
    } else if (part.type === 'plural') {
      const n = Number(value);
      const branch = part.options.get(`=${n}`) ?? (Number.isFinite(n) ? part.options.get(pluralCategory(language, n)) : undefined) ?? part.options.get('other')!;
      out += formatParts(branch, language, lookup, n);
    } else {
      out += formatParts(part.options.get(String(value)) ?? part.options.get('other')!, language, lookup, hash);
    }
  }
  return out;
}

function formatArg(value: TemplateValue, format: ArgFormat): string {
  switch (format) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : value;
    case 'price':
      return typeof value === 'number' ? formatTenge(value) : value;
    case 'lower': {
      const text = String(value);
      return text.charAt(0).toLowerCase() + text.slice(1);
    }
    case 'capital': {
      const text = String(value);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    default:
      return String(value);
  }
}
