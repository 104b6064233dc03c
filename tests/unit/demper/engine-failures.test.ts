import { describe, expect, it } from 'vitest';
import { KaspiError } from '../../../src-main/demper/ports';
import { msg } from '../../../src-shared/i18n/message';
import { ALMATY, harness, MINUTE, stop } from './harness';
import type { Harness } from './harness';

/** Every product's rival sits far above us: each product wants exactly one raise. */
function wantRaises(h: Harness) {
  for (const p of h.products) h.market.botsOf(p.masterSku, ALMATY)[0]!.price = p.rules.ceiling! * 2;
}

const pushesOf = (h: Harness, merchantId: string) => h.market.pushLog.filter((l) => l.merchantId === merchantId).length;

describe('demper engine under Kaspi failures', () => {
  it('429: the blocked account waits out its block while other stores go on', async () => {
    const h = harness({ stores: 2, productsPerStore: 5 });
    wantRaises(h);
    h.pusher.fault = (r) => (r.storeId === 1 && pushesOf(h, 'm1') === 0 ? { error: new KaspiError('account-blocked', 'HTTP 429', 30 * MINUTE, 429), applied: false } : null);
    await h.engine.start();
    await h.clock.advance(5 * MINUTE);
    expect(pushesOf(h, 'm2')).toBe(5);
    expect(pushesOf(h, 'm1')).toBe(0);
    const st = h.engine.status().stores.find((s) => s.storeId === 1)!;
    expect(st.blockedUntil).toBeGreaterThan(h.clock.now());
    expect(st.lastError?.kind).toBe('account-blocked');
    h.pusher.fault = null;
    await h.clock.advance(35 * MINUTE);
    expect(pushesOf(h, 'm1')).toBe(5);
    expect(h.market.counters.budgetViolations).toBe(0);
    await stop(h);
  });

  it('403: the banned IP cools down and the other lane carries on', async () => {
    const h = harness({ productsPerStore: 30, lanes: ['a', 'b'] });
    const seen: string[] = [];
    let banned = false;
    h.offers.fault = (_q, lane) => {
      seen.push(lane);
      if (lane === 'a' && !banned) {
        banned = true;
        return new KaspiError('ip-banned', 'HTTP 403', 10_000, 403);
      }
      return null;
    };
    await h.engine.start();
    await h.clock.advance(5_000);
    const afterBan = seen.slice(seen.indexOf('a') + 1);
    expect(afterBan.length).toBeGreaterThan(5);
    expect(afterBan.slice(0, 5).every((l) => l === 'b')).toBe(true);
    expect(h.engine.status().lanes.find((l) => l.lane === 'a')!.cooldownUntil).toBeGreaterThan(h.clock.now());
    await h.clock.advance(10 * MINUTE);
    expect(h.engine.status().pairs.total).toBe(30);
    expect(h.market.counters.budgetViolations).toBe(0);
    await stop(h);
  });

  it('401: re-logs in once and pushes', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    h.pusher.expireSession(1);
    await h.engine.start();
    await h.clock.advance(2 * MINUTE);
    expect(h.pusher.relogins).toEqual([1]);
    expect(h.market.counters.pushes).toBe(1);
    await stop(h);
  });

  it('401 with a failed re-login: the store waits for the user, nothing is lost', async () => {
    const h = harness({ stores: 2, productsPerStore: 2 });
    wantRaises(h);
    h.pusher.expireSession(1);
    h.pusher.loginBroken.add(1);
    await h.engine.start();
    await h.clock.advance(10 * MINUTE);
    expect(h.pusher.relogins).toEqual([1]);
    expect(h.engine.status().stores.find((s) => s.storeId === 1)!.sessionExpired).toBe(true);
    expect(pushesOf(h, 'm2')).toBe(2);
    expect([...h.journal.entries.values()].filter((e) => e.storeId === 1).map((e) => e.status)).toEqual(['failed']);
    h.pusher.loginBroken.delete(1);
    await h.pusher.relogin(1);
    h.engine.resumeStore(1);
    await h.clock.advance(5 * MINUTE);
    expect(pushesOf(h, 'm1')).toBe(2);
    await stop(h);
  });

  it('5xx on offers: backs off and recovers', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    let calls = 0;
    h.offers.fault = () => (++calls <= 3 ? new KaspiError('server', 'HTTP 502', null, 502) : null);
    await h.engine.start();
    await h.clock.advance(20_000);
    expect(calls).toBe(3); // 5 s, then 10 s of backoff: no hammering
    await h.clock.advance(2 * MINUTE);
    expect(h.market.counters.pushes).toBe(1);
    expect(h.engine.status().lastErrors.map((e) => e.kind)).toEqual(['server', 'server', 'server']);
    await stop(h);
  });

  it('an answer the reader could not read (a decode worker lost) fails that one look: the other products go on, that one is looked at again and pushed', async () => {
    const h = harness({ productsPerStore: 3 });
    wantRaises(h);
    const unlucky = h.products[0]!.masterSku;
    let failures = 0;
    h.offers.fault = (q) => (q.masterSku === unlucky && ++failures === 1 ? new KaspiError('not-json', msg('kaspi.reader_failed')) : null);
    await h.engine.start();
    await h.clock.advance(2 * MINUTE);
    expect(failures).toBeGreaterThan(1);
    expect(h.market.counters.pushes).toBe(3);
    expect(h.engine.status().lastErrors.map((e) => e.kind)).toEqual(['not-json']);
    expect(h.engine.status().state).toBe('running');
    await stop(h);
  });

  it('a push that times out after Kaspi took it is verified by read-back, never pushed twice', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    h.pusher.fault = () => ({ error: new KaspiError('timeout', 'no answer', null, null), applied: true });
    await h.engine.start();
    await h.clock.advance(10 * MINUTE);
    expect(h.market.counters.pushes).toBe(1);
    expect(h.statuses()).toEqual({ verified: 1 });
    await stop(h);
  });

  it('a push that times out before reaching Kaspi is marked failed after read-back and decided again', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    let faults = 1;
    h.pusher.fault = () => (faults-- > 0 ? { error: new KaspiError('network', 'ECONNRESET'), applied: false } : null);
    await h.engine.start();
    await h.clock.advance(15 * MINUTE);
    expect(h.statuses()).toEqual({ failed: 1, verified: 1 });
    expect(h.market.counters.pushes).toBe(1);
    await stop(h);
  });

  it('5xx on a push: the row is failed, the account backs off, the change is made later', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    let faults = 2;
    h.pusher.fault = () => (faults-- > 0 ? { error: new KaspiError('server', 'HTTP 503', null, 503), applied: false } : null);
    await h.engine.start();
    await h.clock.advance(30 * MINUTE);
    expect(h.statuses()).toEqual({ failed: 2, verified: 1 });
    const failedAt = [...h.journal.entries.values()].filter((e) => e.status === 'failed').map((e) => e.createdAt);
    expect(failedAt[1]! - failedAt[0]!).toBeGreaterThanOrEqual(5_000);
    expect(h.market.counters.pushes).toBe(1);
    await stop(h);
  });

  it('a journal write that fails after Kaspi took the push is settled by read-back, not pushed again', async () => {
    const h = harness({ productsPerStore: 1 });
    wantRaises(h);
    const markPushed = h.journal.markPushed.bind(h.journal);
    let failures = 1;
    h.journal.markPushed = async (...a) => {
      if (failures-- > 0) throw new Error('SQLITE_BUSY');
      return markPushed(...a);
    };
    await h.engine.start();
    await h.clock.advance(10 * MINUTE);
    expect(h.market.counters.pushes).toBe(1);
    expect(h.statuses()).toEqual({ verified: 1 });
    await stop(h);
  });

  it('a push Kaspi accepted but never shows is marked mismatch after the read-backs, then decided again', async () => {
    const h = harness({ productsPerStore: 1 }, { verifyAttempts: 2 });
    wantRaises(h);
    let swallowed = 1;
    const push = h.deps.pusher.push.bind(h.deps.pusher);
    h.deps.pusher = { push: async (r) => (swallowed-- > 0 ? { jobId: 'lost' } : push(r)) };
    const engine = h.makeEngine();
    await engine.start();
    await h.clock.advance(10 * MINUTE);
    expect([...h.journal.entries.values()].map((e) => e.status)).toEqual(['mismatch', 'verified']);
    expect(h.ourPrice(0)).toBe(h.products[0]!.rules.ceiling);
    await stop(h, engine);
  });

  it('a push Kaspi refuses as a bad request backs off only that product', async () => {
    const h = harness({ productsPerStore: 4 });
    wantRaises(h);
    const bad = h.products[0]!.productId;
    h.pusher.fault = (r) => (r.productId === bad ? { error: new KaspiError('bad-request', 'HTTP 400', null, 400), applied: false } : null);
    await h.engine.start();
    await h.clock.advance(3 * MINUTE);
    expect(h.market.counters.pushes).toBe(3);
    const failures = [...h.journal.entries.values()].filter((e) => e.productId === bad).map((e) => e.status);
    expect(failures.every((s) => s === 'failed')).toBe(true);
    // 5 s, 10 s, 20 s, 40 s, 80 s apart: a handful of tries in three minutes, not one every check.
    expect(failures.length).toBeLessThanOrEqual(6);
    await stop(h);
  });
});
