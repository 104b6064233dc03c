import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { PROXY_IMPORT_ERROR_CODES, proxyImportResult, type ProxyImportErrorCode, type ProxyInput } from '../../../src-shared/domain/proxy';
import { isMessageCode, msg, renderMessage } from '../../../src-shared/i18n';

const proxy = (over: Partial<ProxyInput>): ProxyInput => ({ protocol: 'http', host: '10.0.0.1', port: 8080, username: null, password: null, label: null, ...over });

describe('reading one proxy per line', () => {
  it.each([
    ['10.0.0.1:8080', proxy({})],
    ['user:secret@10.0.0.1:8080', proxy({ username: 'user', password: 'secret' })],
    ['10.0.0.1:8080:user:secret', proxy({ username: 'user', password: 'secret' })],
    ['user:secret:10.0.0.1:8080', proxy({ username: 'user', password: 'secret' })],
    ['admin:12345:10.0.0.1:8080', proxy({ username: 'admin', password: '12345' })],
    ['10.0.0.1:8080:admin:12345', proxy({ username: 'admin', password: '12345' })],
    ['proxyhost:8080:user:secret', proxy({ host: 'proxyhost', username: 'user', password: 'secret' })],
    ['10.0.0.1:8080:user:pa:ss', proxy({ username: 'user', password: 'pa:ss' })],
    ['http://10.0.0.1:8080', proxy({})],
    ['http://10.0.0.1:8080/', proxy({})],
    ['https://user:secret@Proxy.Example.KZ:443', proxy({ protocol: 'https', host: 'proxy.example.kz', port: 443, username: 'user', password: 'secret' })],
    ['socks5://u%40shop:p%3Ass@10.0.0.1:1080', proxy({ protocol: 'socks5', port: 1080, username: 'u@shop', password: 'p:ss' })],
    ['socks5h://10.0.0.1:1080', proxy({ protocol: 'socks5', port: 1080 })],
    ['http://[2001:db8::1]:3128', proxy({ host: '[2001:db8::1]', port: 3128 })],
  ])('reads %s', (line, expected) => {
    expect(parseProxyList(line)).toEqual({ ok: [expected], errors: [], merged: [] });
  });

  it('skips blank lines and comments, and counts lines as the user sees them', () => {
    const result = parseProxyList('\uFEFF# прокси магазина\r\n\r\n// резерв\n10.0.0.1:8080\n   \n10.0.0.2:99999\n');
    expect(result.ok).toEqual([proxy({})]);
    expect(result.errors).toEqual([{ line: 6, text: '10.0.0.2:99999', code: 'invalidPort', message: msg('proxy_import.invalidPort', { port: '99999' }) }]);
    expect(renderMessage(result.errors[0]!.message, 'ru')).toBe('Порт «99999» должен быть числом от 1 до 65535');
  });

  it.each([
    ['10.0.0.1', 'missingPort', {}],
    ['10.0.0.1:', 'missingPort', {}],
    ['10.0.0.1:http', 'invalidPort', { port: 'http' }],
    ['10.0.0.1:0', 'invalidPort', { port: '0' }],
    ['300.0.0.1:8080', 'invalidHost', { host: '300.0.0.1' }],
    ['bad_host!:8080', 'invalidHost', { host: 'bad_host!' }],
    ['socks4://10.0.0.1:1080', 'unsupportedProtocol', { protocol: 'socks4' }],
    ['ftp://10.0.0.1:21', 'unsupportedProtocol', { protocol: 'ftp' }],
    ['user@10.0.0.1:8080', 'missingPassword', { username: 'user' }],
    ['10.0.0.1:8080:user', 'missingPassword', { username: 'user' }],
    [':secret@10.0.0.1:8080', 'missingUsername', {}],
    ['http://10.0.0.1:8080/path', 'malformed', {}],
    ['just some words', 'malformed', {}],
  ])('rejects %s as %s', (line, code, params) => {
    const { ok, errors } = parseProxyList(line);
    expect(ok).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, text: line, code, message: msg(`proxy_import.${code as ProxyImportErrorCode}`, params) })]);
  });

  it('keeps going after a bad line and reports every bad line with its number', () => {
    const result = parseProxyList(['10.0.0.1:8080', 'oops!', '10.0.0.2:8080', '10.0.0.3', '10.0.0.4:8080'].join('\n'));
    expect(result.ok.map((p) => p.host)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.4']);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'malformed'],
      [4, 'missingPort'],
    ]);
  });

  it('merges lines naming the same proxy, keeping the newest password and label', () => {
    const result = parseProxyList(['u:old@10.0.0.1:8080', '10.0.0.2:8080', 'http://u:new@10.0.0.1:8080', '10.0.0.1:8080:other:x', 'HTTP://u:new@10.0.0.1:8080'].join('\n'));
    expect(result.ok).toEqual([proxy({ username: 'u', password: 'new' }), proxy({ host: '10.0.0.2' }), proxy({ username: 'other', password: 'x' })]);
    expect(result.merged).toEqual([
      { line: 3, intoLine: 1 },
      { line: 5, intoLine: 1 },
    ]);
  });
});

describe('reading CSV', () => {
  it('maps columns by a header row in Russian or English, with ; , or tab', () => {
    for (const sep of [';', ',', '\t']) {
      const text = [['Хост', 'Порт', 'Логин', 'Пароль', 'Метка', 'Тип'], ['10.0.0.1', '8080', 'u', 's', 'Алматы-1', 'socks5'], ['10.0.0.2', '3128', '', '', '', '']]
        .map((row) => row.join(sep))
        .join('\n');
      expect(parseProxyList(text).ok).toEqual([
        proxy({ protocol: 'socks5', username: 'u', password: 's', label: 'Алматы-1' }),
        proxy({ host: '10.0.0.2', port: 3128 }),
      ]);
    }
  });

  it('reads rows without a header by position, and a full proxy address plus a label', () => {
    const text = ['10.0.0.1;8080;u;s;main', 'socks5;10.0.0.2;1080', 'http://u:s@10.0.0.3:8080,"Label, with comma"'].join('\n');
    expect(parseProxyList(text).ok).toEqual([
      proxy({ username: 'u', password: 's', label: 'main' }),
      proxy({ protocol: 'socks5', host: '10.0.0.2', port: 1080 }),
      proxy({ host: '10.0.0.3', username: 'u', password: 's', label: 'Label, with comma' }),
    ]);
  });

  it('names the empty column of a CSV row', () => {
    const { errors } = parseProxyList('host;port\n;8080\n10.0.0.1;');
    expect(errors.map((e) => [e.line, e.code, e.message.params ?? {}])).toEqual([
      [2, 'missingColumn', { column: 'host' }],
      [3, 'missingPort', {}],
    ]);
  });

  it('rejects a row with more fields than a proxy has', () => {
    expect(parseProxyList('10.0.0.1;8080;u;s;label;extra').errors[0]).toMatchObject({ code: 'tooManyFields', message: msg('proxy_import.tooManyFields', { count: 6, max: 5 }) });
  });
});

describe('messages', () => {
  it('has a catalogue message for every code, in each language', () => {
    for (const code of PROXY_IMPORT_ERROR_CODES) expect(isMessageCode(`proxy_import.${code}`), code).toBe(true);
    expect(renderMessage(msg('proxy_import.invalidPort', { port: 'x' }), 'en')).toBe('Port “x” must be a number from 1 to 65535');
    expect(renderMessage(msg('proxy_import.invalidPort', { port: 'x' }), 'kk')).toBe('«x» порты 1-ден 65535-ке дейінгі сан болуы керек');
  });

  it('produces results that fit the shared schema the UI receives', () => {
    expect(proxyImportResult.safeParse(parseProxyList('10.0.0.1:8080\nbad\n10.0.0.1:8080')).success).toBe(true);
  });
});

describe('round trip (property)', () => {
  const host = fc.oneof(
    fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.')),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9](\.[a-z]{2,6}){1,2}$/),
  );
  const credential = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+=-]{1,12}$/);
  const input = fc.record({
    protocol: fc.constantFrom('http' as const, 'https' as const, 'socks5' as const),
    host,
    port: fc.integer({ min: 1, max: 65535 }),
    auth: fc.option(fc.tuple(credential, credential), { nil: null }),
  });

  it('reads back every proxy written in any supported form', () => {
    fc.assert(
      fc.property(input, fc.nat(3), ({ protocol, host, port, auth }, form) => {
        const [username, password] = auth ?? [null, null];
        const creds = auth ? `${encodeURIComponent(auth[0])}:${encodeURIComponent(auth[1])}@` : '';
        const lines = [
          `${protocol}://${creds}${host}:${port}`,
          `${protocol};${host};${port};${username ?? ''};${password ?? ''}`,
          protocol === 'http' ? (auth ? `${host}:${port}:${auth[0]}:${auth[1]}` : `${host}:${port}`) : `${protocol}://${creds}${host}:${port}`,
          protocol === 'http' ? (auth ? `${auth[0]}:${auth[1]}@${host}:${port}` : `${host}:${port}`) : `${protocol}://${creds}${host}:${port}`,
        ];
        const result = parseProxyList(lines[form]!);
        expect(result.errors).toEqual([]);
        expect(result.ok).toEqual([{ protocol, host, port, username, password, label: null }]);
      }),
    );
  });
});
