import { describe, expect, it } from 'vitest';
import { checkWahaUrl } from '../../../src-main/whatsapp/waha-url';
import { sentMessageId, WahaError } from '../../../src-main/whatsapp/waha-client';
import { triggersOfStep } from '../../../src-main/whatsapp/trigger-scan';
import { stateOfAck } from '../../../src-main/whatsapp/outbox-sender';
import { reviewDayMs } from '../../../src-main/kaspi/storefront';

describe('where the app may talk to WAHA', () => {
  it('is this computer over http, or any host over https, with nothing hidden in the address', () => {
    expect(checkWahaUrl(' http://127.0.0.1:3000/ ')).toEqual({ ok: true, url: 'http://127.0.0.1:3000' });
    expect(checkWahaUrl('http://localhost:3000')).toEqual({ ok: true, url: 'http://localhost:3000' });
    expect(checkWahaUrl('http://[::1]:3000')).toEqual({ ok: true, url: 'http://[::1]:3000' });
    expect(checkWahaUrl('https://waha.shop.kz/api-root/')).toEqual({ ok: true, url: 'https://waha.shop.kz/api-root' });
    for (const bad of ['http://10.0.0.5:3000', 'http://127.0.0.1.evil.com:3000', 'http://localhost.evil.com', 'file:///etc/passwd', 'ws://127.0.0.1:3000']) {
      expect(checkWahaUrl(bad), bad).toMatchObject({ ok: false, problem: { code: 'whatsapp.url_not_allowed' } });
    }
    for (const bad of ['127.0.0.1:3000', 'https://u:p@waha.kz', 'http://127.0.0.1:3000/?key=x', 'http://127.0.0.1:3000/#x']) {
      expect(checkWahaUrl(bad), bad).toMatchObject({ ok: false, problem: { code: 'whatsapp.url_invalid' } });
    }
  });
});

describe("WAHA's answers", () => {
  it('give the sent message id whether the engine is NOWEB or WEBJS', () => {
    expect(sentMessageId({ key: { remoteJid: '77011234567@s.whatsapp.net', fromMe: true, id: 'ABC' } }, '77011234567@c.us')).toBe('true_77011234567@c.us_ABC');
    expect(sentMessageId({ id: { _serialized: 'true_77011234567@c.us_XYZ' } }, 'x')).toBe('true_77011234567@c.us_XYZ');
    expect(sentMessageId({ id: 'true_1@c.us_Q' }, 'x')).toBe('true_1@c.us_Q');
    expect(sentMessageId(null, 'x')).toBeNull();
  });

  it('tell a refusal (nothing sent) from a lost answer (maybe sent)', () => {
    for (const kind of ['unreachable', 'unauthorized', 'not_found', 'not_working', 'refused', 'unexpected'] as const) expect(new WahaError(kind, 400, '', 'u').certain, kind).toBe(true);
    for (const kind of ['timeout', 'dropped', 'server'] as const) expect(new WahaError(kind, 500, '', 'u').certain, kind).toBe(false);
  });

  it('map acks to outbox states (A6)', () => {
    expect([-1, 0, 1, 2, 3, 4, null].map(stateOfAck)).toEqual(['failed', null, 'sent', 'delivered', 'read', 'read', null]);
  });
});

describe('the order events that fire triggers', () => {
  const step = (prev: { state: string; outcome?: string | null; tab?: string | null } | null, now: { state: string; outcome?: string | null; tab?: string | null }) => ({
    prevId: prev ? 1 : null, prevState: prev?.state ?? null, prevOutcome: prev?.outcome ?? null, prevTab: prev?.tab ?? null,
    state: now.state, outcome: now.outcome ?? null, kaspiTab: now.tab ?? null,
  });

  it('are changes the app saw: acceptance, the courier taking the parcel, delivery, cancellation', () => {
    expect(triggersOfStep(step({ state: 'new' }, { state: 'kaspi_delivery' }))).toEqual(['accepted']);
    expect(triggersOfStep(step({ state: 'sign_required' }, { state: 'pickup' }))).toEqual(['accepted']);
    expect(triggersOfStep(step({ state: 'kaspi_delivery' }, { state: 'kaspi_delivery', tab: 'KASPI_DELIVERY_TRANSMITTED' }))).toEqual(['handed_over']);
    expect(triggersOfStep(step({ state: 'delivery' }, { state: 'archive', outcome: 'completed' }))).toEqual(['delivered']);
    expect(triggersOfStep(step({ state: 'new' }, { state: 'archive', outcome: 'cancelled' }))).toEqual(['cancelled']);
    expect(triggersOfStep(step({ state: 'archive', outcome: 'completed' }, { state: 'archive', outcome: 'returned' }))).toEqual([]);
  });

  it('never fire on the state an order already had when first read', () => {
    expect(triggersOfStep(step(null, { state: 'archive', outcome: 'completed' }))).toEqual([]);
    expect(triggersOfStep(step(null, { state: 'kaspi_delivery', tab: 'KASPI_DELIVERY_TRANSMITTED' }))).toEqual([]);
  });
});

describe("a review's date", () => {
  it('is read as a Kazakhstan day in either form §8 has seen', () => {
    const startOfDay = Date.UTC(2026, 11, 1) - 5 * 3_600_000;
    expect(reviewDayMs('01.12.2026')).toBe(startOfDay);
    expect(reviewDayMs('2026-12-01')).toBe(startOfDay);
    expect(reviewDayMs('2026-12-01T10:00:00Z')).toBe(Date.UTC(2026, 11, 1, 10));
    expect(reviewDayMs('вчера')).toBeNull();
    expect(reviewDayMs(null)).toBeNull();
  });
});
