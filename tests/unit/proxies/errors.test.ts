import { describe, expect, it } from 'vitest';
import { banFromResponse, classifyLaneFailure, describeFailure, LaneBannedError, LaneTimeoutError } from '../../../src-main/proxies/errors';
import { readExitAddress } from '../../../src-main/proxies/health';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('what a lane failure is', () => {
  it.each([
    [new LaneBannedError(403), 'ban'],
    [new LaneTimeoutError(15_000), 'timeout'],
    [coded('ECONNREFUSED'), 'connection'],
    [coded('ECONNRESET'), 'connection'],
    [coded('UND_ERR_SOCKET'), 'connection'],
    [coded('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [coded('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [coded('UND_ERR_SOCKS5_AUTH_FAILED'), 'connection'],
    [coded('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling'), 'connection'],
    [coded('UND_ERR_INVALID_ARG', 'Proxy Authentication Required (407)'), 'connection'],
    [new TypeError('fetch failed', { cause: coded('ECONNREFUSED') }), 'connection'],
    [new KaspiError('ip-banned', undefined, 10_000, 403), 'ban'],
    [new KaspiError('method-blocked', undefined, null, 405), 'ban'],
    [new KaspiError('timeout'), 'timeout'],
    [new KaspiError('network'), 'connection'],
    [new KaspiError('session-expired', undefined, null, 403), null],
    [new KaspiError('account-blocked', undefined, 1_800_000, 429), null],
    [new KaspiError('bad-request', undefined, null, 400), null],
    [new SyntaxError('Unexpected token <'), null],
    [new Error('HTTP 500'), null],
  ] as const)('%s → %s', (error, expected) => {
    expect(classifyLaneFailure(error)).toBe(expected);
  });

  it('describes a failure without the proxy credentials', () => {
    const error = new Error('connect failed via http://user:secret@10.0.0.1:8080', { cause: coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:8080') });
    const text = describeFailure(error);
    expect(text).not.toContain('secret');
    expect(text).toContain('ECONNREFUSED');
  });
});

describe('exit address from an echo answer', () => {
  it.each([
    ['127.0.0.2', '127.0.0.2'],
    ['  185.12.4.7\n', '185.12.4.7'],
    ['{"ip":"185.12.4.7"}', '185.12.4.7'],
    ['{"origin":"185.12.4.7, 10.0.0.1"}', '185.12.4.7'],
    ['{"remoteAddress":"::ffff:127.0.0.3"}', '127.0.0.3'],
    ['2a00:1450:4001::200e', '2a00:1450:4001::200e'],
    ['<html>hello</html>', null],
    ['{"ok":true}', null],
  ])('%s → %s', (body, expected) => {
    expect(readExitAddress(body)).toBe(expected);
  });
});

describe('a ban from a storefront answer', () => {
  it('turns 403 and 429 into a ban and reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(banFromResponse(200)).toBeNull();
    expect(banFromResponse(500)).toBeNull();
    expect(banFromResponse(403)).toMatchObject({ statusCode: 403, retryAfterMs: null });
    expect(banFromResponse(429, { 'retry-after': '120' })).toMatchObject({ statusCode: 429, retryAfterMs: 120_000 });
    expect(banFromResponse(429, { 'retry-after': 'Thu, 26 Nov 2026 12:00:30 GMT' }, [429], now)).toMatchObject({ retryAfterMs: 30_000 });
    expect(banFromResponse(403, {}, [429])).toBeNull();
  });
});
