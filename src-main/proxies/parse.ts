import { msg } from '../../src-shared/i18n/message';
import {
  isValidProxyHost,
  type ProxyImportError,
  type ProxyImportErrorCode,
  type ProxyImportResult,
  type ProxyInput,
  type ProxyProtocol,
} from '../../src-shared/domain/proxy';

/**
 * Reads a pasted list or a file of proxies. Every line is one proxy in any of the forms sellers
 * get from providers (`host:port`, `user:pass@host:port`, `host:port:user:pass`,
 * `user:pass:host:port`, `http://…`, `https://…`, `socks5://…`) or a CSV row (`;`, `,` or tab,
 * optionally under a header row). Bad lines are reported one by one and never stop the rest.
 * Pure: no Node APIs, so the renderer could preview errors as the user types.
 */

type Params = Record<string, string | number>;
class LineError extends Error {
  constructor(
    readonly code: ProxyImportErrorCode,
    readonly params: Params = {},
  ) {
    super(code);
  }
}

const SCHEME_ALIASES: Record<string, ProxyProtocol> = { http: 'http', https: 'https', socks5: 'socks5', socks5h: 'socks5', socks: 'socks5' };

type Column = 'proxy' | 'protocol' | 'host' | 'port' | 'username' | 'password' | 'label';
/** Header words sellers use, in Russian and English: the list's vocabulary, not messages. */
const HEADER_NAMES: Record<string, Column> = {
  proxy: 'proxy', url: 'proxy', прокси: 'proxy',
  protocol: 'protocol', type: 'protocol', scheme: 'protocol', протокол: 'protocol', тип: 'protocol',
  host: 'host', ip: 'host', address: 'host', server: 'host', хост: 'host', адрес: 'host', сервер: 'host',
  port: 'port', порт: 'port',
  user: 'username', username: 'username', login: 'username', логин: 'username', пользователь: 'username',
  pass: 'password', password: 'password', пароль: 'password',
  label: 'label', name: 'label', comment: 'label', note: 'label', метка: 'label', название: 'label', комментарий: 'label',
};

export function parseProxyList(text: string): ProxyImportResult {
  const ok: ProxyInput[] = [];
  const okLines: number[] = [];
  const errors: ProxyImportError[] = [];
  const merged: ProxyImportResult['merged'] = [];
  const byKey = new Map<string, number>();
  let header: Column[] | null = null;
  let seenData = false;

  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    const delimiter = csvDelimiter(trimmed);
    const cells = delimiter ? splitCsv(trimmed, delimiter) : null;
    if (cells && !seenData) {
      const columns = readHeader(cells);
      seenData = true;
      if (columns) {
        header = columns;
        return;
      }
    }
    seenData = true;
    try {
      const input = cells ? fromCells(cells, header) : parseProxySpec(trimmed);
      const key = proxyKey(input);
      const earlier = byKey.get(key);
      if (earlier === undefined) {
        byKey.set(key, ok.length);
        ok.push(input);
        okLines.push(line);
      } else {
        // A later line for the same proxy carries the newer password and label.
        const first = ok[earlier]!;
        ok[earlier] = { ...first, password: input.password ?? first.password, label: input.label ?? first.label };
        merged.push({ line, intoLine: okLines[earlier]! });
      }
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      errors.push({ line, text: trimmed, code: error.code, message: msg(`proxy_import.${error.code}`, error.params) });
    }
  });
  return { ok, errors, merged };
}

/** Two inputs name the same proxy when they reach the same server as the same user. */
export function proxyKey(input: Pick<ProxyInput, 'protocol' | 'host' | 'port' | 'username'>): string {
  return `${input.protocol}://${input.username ?? ''}@${input.host.toLowerCase()}:${input.port}`;
}

/** One proxy written in any supported non-CSV form. Throws LineError. */
function parseProxySpec(spec: string, label: string | null = null): ProxyInput {
  let rest = spec;
  let protocol: ProxyProtocol = 'http';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    protocol = toProtocol(scheme[1]!);
    rest = rest.slice(scheme[0].length).replace(/\/$/, '');
    if (rest.includes('/')) throw new LineError('malformed');
  }
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const [username, password] = splitCredentials(rest.slice(0, at));
    const { host, port } = splitHostPort(rest.slice(at + 1));
    return build(protocol, host, port, username, password, label);
  }
  if (scheme || rest.startsWith('[')) {
    const { host, port } = splitHostPort(rest);
    return build(protocol, host, port, null, null, label);
  }
  const parts = rest.split(':');
  if (parts.length === 1) throw new LineError(isValidProxyHost(rest) ? 'missingPort' : 'malformed');
  if (parts.length === 2) return build(protocol, parts[0]!, parts[1]!, null, null, label);
  if (parts.length === 3) {
    if (!looksLikePort(parts[1]!)) throw new LineError('malformed');
    throw new LineError('missingPassword', { username: parts[2]! });
  }
  // host:port:user:pass is what most providers hand out; user:pass:host:port is the other habit.
  // A user name can look like a host name too, so an address with dots wins over a bare word.
  const [a, b, c, d] = parts as [string, string, string, string];
  const hostFirst = (strict: boolean) => (strict ? looksLikeAddress(a) : isValidProxyHost(a.toLowerCase())) && looksLikePort(b);
  const hostLast = (strict: boolean) => parts.length === 4 && (strict ? looksLikeAddress(c) : isValidProxyHost(c.toLowerCase())) && looksLikePort(d);
  if (hostFirst(true) || (!hostLast(true) && hostFirst(false))) return build(protocol, a, b, c, parts.slice(3).join(':'), label);
  if (hostLast(true) || hostLast(false)) return build(protocol, c, d, a, b, label);
  return build(protocol, a, b, c, parts.slice(3).join(':'), label);
}

function looksLikeAddress(value: string): boolean {
  return value.includes('.') && isValidProxyHost(value.toLowerCase());
}

function fromCells(cells: string[], header: Column[] | null): ProxyInput {
  if (header) {
    const value = (column: Column) => {
      const i = header!.indexOf(column);
      return i >= 0 ? (cells[i] ?? '') : '';
    };
    const label = value('label') || null;
    if (value('proxy')) return withProtocol(parseProxySpec(value('proxy'), label), value('protocol'));
    if (!value('host')) throw new LineError('missingColumn', { column: 'host' });
    if (!value('port')) throw new LineError('missingPort');
    const protocol = value('protocol') ? toProtocol(value('protocol')) : 'http';
    return build(protocol, value('host'), value('port'), value('username') || null, value('password') || null, label);
  }
  // Without a header: either "spec;label" or "[protocol;]host;port[;user;pass][;label]".
  if (cells[0]!.includes(':')) {
    if (cells.length > 2) throw new LineError('tooManyFields', { count: cells.length, max: 2 });
    return parseProxySpec(cells[0]!, cells[1] || null);
  }
  const protocolFirst = cells[0]!.toLowerCase() in SCHEME_ALIASES || /^socks\d?$/i.test(cells[0]!);
  const protocol = protocolFirst ? toProtocol(cells[0]!) : 'http';
  const [host = '', port = '', username = '', password = '', label = '', ...extra] = protocolFirst ? cells.slice(1) : cells;
  if (extra.length > 0) throw new LineError('tooManyFields', { count: cells.length, max: cells.length - extra.length });
  if (!port) throw new LineError('missingPort');
  return build(protocol, host, port, username || null, password || null, label || null);
}

function withProtocol(input: ProxyInput, protocol: string): ProxyInput {
  return protocol ? { ...input, protocol: toProtocol(protocol) } : input;
}

function build(protocol: ProxyProtocol, rawHost: string, rawPort: string, username: string | null, password: string | null, label: string | null): ProxyInput {
  const host = rawHost.trim().toLowerCase();
  if (host === '') throw new LineError('missingColumn', { column: 'host' });
  if (!isValidProxyHost(host)) throw new LineError('invalidHost', { host: rawHost.trim() });
  const port = parsePort(rawPort);
  if (username && !password) throw new LineError('missingPassword', { username });
  if (!username && password) throw new LineError('missingUsername');
  return { protocol, host, port, username: username || null, password: password || null, label: label?.trim() || null };
}

function splitHostPort(hostPort: string): { host: string; port: string } {
  const bracket = /^(\[[^\]]*\])(?::(.*))?$/.exec(hostPort);
  if (bracket) {
    if (bracket[2] === undefined) throw new LineError('missingPort');
    return { host: bracket[1]!, port: bracket[2] };
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon < 0) throw new LineError(isValidProxyHost(hostPort.toLowerCase()) ? 'missingPort' : 'malformed');
  if (hostPort.indexOf(':') !== colon) throw new LineError('malformed');
  return { host: hostPort.slice(0, colon), port: hostPort.slice(colon + 1) };
}

function splitCredentials(userinfo: string): [string | null, string | null] {
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const pass = colon < 0 ? '' : userinfo.slice(colon + 1);
  return [decode(user) || null, decode(pass) || null];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parsePort(raw: string): number {
  const value = raw.trim();
  if (value === '') throw new LineError('missingPort');
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new LineError('invalidPort', { port: value });
  return port;
}

function looksLikePort(value: string): boolean {
  return /^\d{1,5}$/.test(value.trim());
}

function toProtocol(raw: string): ProxyProtocol {
  const protocol = SCHEME_ALIASES[raw.trim().toLowerCase()];
  if (!protocol) throw new LineError('unsupportedProtocol', { protocol: raw.trim() });
  return protocol;
}

/** Tabs come from spreadsheets; `;` from Russian-locale Excel; `,` from everything else. */
function csvDelimiter(line: string): string | null {
  for (const delimiter of ['\t', ';', ',']) if (line.includes(delimiter)) return delimiter;
  return null;
}

function splitCsv(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function readHeader(cells: string[]): Column[] | null {
  const columns = cells.map((cell) => HEADER_NAMES[cell.toLowerCase()]);
  if (!columns.every((c) => c !== undefined)) return null;
  return columns.includes('host') || columns.includes('proxy') ? (columns as Column[]) : null;
}
