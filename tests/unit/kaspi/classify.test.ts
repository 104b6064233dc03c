import { describe, expect, it } from 'vitest';
import { classifyThrown, interpretResponse, parseRetryAfter, type KaspiSurface, type RawResponse } from '../../../src-main/kaspi/classify';
import { KASPI_ERROR_KINDS, KaspiError } from '../../../src-shared/domain/kaspi-error';
import { msg, renderMessage } from '../../../src-shared/i18n';

const res = (status: number, body = '{}', extra: Partial<RawResponse> = {}): RawResponse => ({ status, contentType: 'application/json', retryAfter: null, body, ...extra });
const kindOf = (surface: KaspiSurface, r: RawResponse) => {
  const out = interpretResponse(surface, r);
  return out.ok ? 'ok' : out.error.kind;
};

describe('classifying Kaspi answers', () => {
  it.each([
    ['cabinet', 401, 'session-expired'],
    ['cabinet', 403, 'session-expired'],
    ['pricefeed', 401, 'session-expired'],
    ['pricefeed', 429, 'account-blocked'],
    ['storefront', 403, 'ip-banned'],
    ['storefront', 429, 'ip-banned'],
    ['storefront', 405, 'method-blocked'],
    ['cabinet', 405, 'method-blocked'],
    ['shop-api', 401, 'wrong-credentials'],
    ['shop-api', 403, 'wrong-credentials'],
    ['cabinet', 500, 'server'],
    ['storefront', 503, 'server'],
    ['cabinet', 504, 'timeout'],
    ['shop-api', 400, 'bad-request'],
    ['cabinet', 404, 'bad-request'],
  ] as const)('%s answering %i is %s', (surface, status, kind) => {
    expect(kindOf(surface, res(status))).toBe(kind);
  });

  it('accepts JSON even when the content type says otherwise', () => {
    expect(interpretResponse('cabinet', res(200, '{"merchants":[]}', { contentType: 'text/plain' }))).toEqual({ ok: true, json: { merchants: [] } });
  });

  it('calls an HTML page or an empty body where JSON was expected not-json', () => {
    expect(kindOf('cabinet', res(200, '<!doctype html><h1>Ведутся технические работы</h1>', { contentType: 'text/html' }))).toBe('not-json');
    expect(kindOf('storefront', res(200, ''))).toBe('not-json');
    expect(kindOf('storefront', res(200, '{"offers": [1,'))).toBe('not-json');
  });

  it('recognises a captcha in JSON or HTML whatever the status', () => {
    expect(kindOf('cabinet', res(403, '{"errorCode":"CAPTCHA_REQUIRED"}'))).toBe('captcha');
    expect(kindOf('storefront', res(200, '<html><div class="g-recaptcha"></div></html>'))).toBe('captcha');
  });

  it('keeps a plain storefront block page an IP ban, leaving its length to the caller', () => {
    const out = interpretResponse('storefront', res(403, '<html><h1>403 Forbidden</h1></html>', { contentType: 'text/html' }));
    expect(out.ok ? null : out.error).toMatchObject({ kind: 'ip-banned', retryAfterMs: null, status: 403 });
  });

  it("reads a 429 on pricefeed as an account block, with Kaspi's Retry-After when it gives one", () => {
    const plain = interpretResponse('pricefeed', res(429));
    expect(plain.ok ? null : plain.error.retryAfterMs).toBeNull();
    const told = interpretResponse('pricefeed', res(429, '{}', { retryAfter: '120' }));
    expect(told.ok ? null : told.error.retryAfterMs).toBe(120_000);
  });

  it("quotes Kaspi's own words for a rejected request", () => {
    const out = interpretResponse('pricefeed', res(400, '{"status":400,"error":"Bad Request","message":"offer with sku X not found"}'));
    expect(out.ok ? '' : out.error.message).toContain('offer with sku X not found');
    const api = interpretResponse('shop-api', res(400, '{"errors":[{"status":"400","title":"Bad Request","detail":"page[size] must be 1..100"}]}'));
    expect(api.ok ? '' : api.error.message).toContain('page[size] must be 1..100');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    expect(parseRetryAfter(new Date(1_000_000 + 30_000).toUTCString(), 1_000_000)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('tells a timeout from a network failure when no answer came', () => {
    expect(classifyThrown(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' })).kind).toBe('timeout');
    expect(classifyThrown(new DOMException('t', 'TimeoutError')).kind).toBe('timeout');
    expect(classifyThrown(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toMatchObject({ kind: 'network', message: expect.stringContaining('ECONNREFUSED') });
    expect(classifyThrown(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } })).kind).toBe('network');
  });

  it('gives every kind a default message from the catalogue, in Russian as its Error text', () => {
    for (const kind of KASPI_ERROR_KINDS) {
      const error = new KaspiError(kind);
      expect(error.userMessage).toEqual(msg(`kaspi.${kind}`));
      expect(error.message).toBe(renderMessage(msg(`kaspi.${kind}`), 'ru'));
      expect(error.message).toMatch(/[А-Яа-я]/);
    }
  });

  it('names the status and Kaspi\'s own words when it refuses a request', () => {
    const error = interpretResponse('pricefeed', res(400, JSON.stringify({ message: 'bad sku' })));
    expect(error).toMatchObject({ ok: false, error: { kind: 'bad-request', userMessage: msg('kaspi.refused_with_detail', { status: 400, detail: 'bad sku' }) } });
    expect(classifyThrown(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).userMessage).toEqual(msg('kaspi.network_code', { code: 'ECONNREFUSED' }));
  });
});
