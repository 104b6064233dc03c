import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KaspiError } from '../../../src-main/demper/ports';
import { prng } from '../../sim/market/prng';
import { harness, killable, MINUTE, stop } from './harness';

const HOUR = 60 * MINUTE;

const rowsByStatus = (h: ReturnType<typeof harness>) => {
  const out: Record<string, number> = {};
  for (const e of h.journal.entries.values()) out[e.status] = (out[e.status] ?? 0) + 1;
  return out;
};

describe('demper engine under random Kaspi failures', () => {
  it('keeps every limit and the floor, pushes nothing twice and settles every journal row, crash or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({ ban: fc.double({ min: 0, max: 0.1 }), server: fc.double({ min: 0, max: 0.1 }), timeout: fc.double({ min: 0, max: 0.1 }) }),
        fc.record({ block: fc.double({ min: 0, max: 0.05 }), expire: fc.double({ min: 0, max: 0.1 }), server: fc.double({ min: 0, max: 0.1 }), lost: fc.double({ min: 0, max: 0.2 }) }),
        fc.option(fc.integer({ min: 1, max: 119 }), { nil: null }),
        async (seed, offerFaults, pushFaults, crashAtMinute) => {
          const h = harness({ seed, stores: 2, productsPerStore: 10, botsPerProduct: [1, 3], botMix: {}, lanes: ['a', 'b'] });
          const rng = prng(seed);
          let chaos = true;
          h.offers.fault = () => {
            if (!chaos) return null;
            const r = rng.next();
            if (r < offerFaults.ban) return new KaspiError('ip-banned', 'HTTP 403', 10_000, 403);
            if (r < offerFaults.ban + offerFaults.server) return new KaspiError('server', 'HTTP 502', null, 502);
            if (r < offerFaults.ban + offerFaults.server + offerFaults.timeout) return new KaspiError('timeout', 'no answer');
            return null;
          };
          h.pusher.fault = (req) => {
            if (!chaos) return null;
            const r = rng.next();
            if (r < pushFaults.expire) h.pusher.expireSession(req.storeId);
            if (r < pushFaults.block) return { error: new KaspiError('account-blocked', 'HTTP 429', 5 * MINUTE, 429), applied: false };
            if (r < pushFaults.block + pushFaults.server) return { error: new KaspiError('server', 'HTTP 503', null, 503), applied: false };
            // A lost answer: Kaspi may or may not have taken the push.
            if (r < pushFaults.block + pushFaults.server + pushFaults.lost) return { error: new KaspiError('timeout', 'no answer'), applied: rng.chance(0.5) };
            return null;
          };
          let errors = 0;
          // Optionally the process dies mid-run (whatever it had in flight never completes) and restarts.
          const doomed = killable(h.deps);
          let engine = h.makeEngine(doomed.deps);
          engine.onEvent((e) => void (e.type === 'error' && errors++));
          await engine.start();
          if (crashAtMinute !== null) {
            await h.clock.advance(crashAtMinute * MINUTE);
            doomed.kill();
            engine = h.makeEngine();
            await engine.start();
            await h.clock.advance(2 * HOUR - crashAtMinute * MINUTE);
          } else {
            await h.clock.advance(2 * HOUR);
          }
          chaos = false;
          for (const s of h.stores) engine.resumeStore(s.storeId);
          await h.clock.advance(HOUR);
          await stop(h, engine);

          if (process.env.CHAOS_DEBUG) console.log(seed, errors, h.market.counters, rowsByStatus(h));
          expect(h.market.counters.budgetViolations).toBe(0);
          expect(h.market.counters.floorViolations).toBe(0);
          const rows = [...h.journal.entries.values()];
          // Every push Kaspi saw came from its own journal row: none was repeated.
          expect(h.market.counters.pushes).toBeLessThanOrEqual(rows.length);
          // Nor did Kaspi get the same price twice in a row for one offer (a blind retry would do that).
          const last = new Map<string, number>();
          for (const l of h.market.pushLog) {
            const key = `${l.masterSku}@${l.cityId}`;
            expect(last.get(key)).not.toBe(l.price);
            last.set(key, l.price);
          }
          const verified = rows.filter((e) => e.status === 'verified').length;
          expect(verified).toBeLessThanOrEqual(h.market.counters.pushes);
          // An hour after the faults stopped, nothing is left half-done except the latest read-backs.
          const open = rows.filter((e) => (e.status === 'planned' || e.status === 'pushed') && e.createdAt < h.clock.now() - 10 * MINUTE);
          expect(open).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });
});
