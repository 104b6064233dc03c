import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LaneBannedError } from '../../../src-main/proxies/errors';
import type { LaneHandle } from '../../../src-main/proxies/pool';
import { memoryPool } from './support/memory-pool';

/**
 * Laws of the balancer under random bans and connection failures: as long as one proxy works,
 * no request is lost; and no IP is ever asked faster than its budget, retries included.
 */
it('loses no request and never exceeds any IP’s budget, whatever the other proxies do (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.constantFrom('ok', 'ban', 'refuse'), { minLength: 1, maxLength: 30 }),
      async (proxyCount, requests, rate, burst, pattern) => {
        const { pool, clock, ids } = memoryPool(proxyCount, { offersPerSecond: rate, burst, maxAttempts: proxyCount + 1, banCooldownMs: 2_000, failureCooldownMs: 500, deadRetryMs: 10_000 });
        const reliable = ids[0]!;
        const sends = new Map<number, number[]>();
        let step = 0;
        const task = async (lane: LaneHandle) => {
          sends.set(lane.id, [...(sends.get(lane.id) ?? []), clock.now()]);
          const outcome = lane.id === reliable ? 'ok' : pattern[step++ % pattern.length];
          if (outcome === 'ban') throw new LaneBannedError(403);
          if (outcome === 'refuse') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          return lane.id;
        };
        const runs = Array.from({ length: requests }, () => pool.run(1, task));
        const settled = Promise.allSettled(runs);
        await clock.advance(Math.ceil((requests / rate) * 1000) * (proxyCount + 2) + 60_000);
        const results = await settled;
        await pool.close();

        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        for (const times of sends.values()) {
          for (let i = 0; i < times.length; i++) {
            for (let j = i; j < times.length; j++) {
              expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * (times[j]! - times[i]!)) / 1000 + 1e-6);
            }
          }
        }
      },
    ),
    { numRuns: 60 },
  );
});

it('serves every store through lanes it may use, with mixed budgets and sticky calls (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ store: fc.constantFrom(1, 2), offers: fc.boolean(), sticky: fc.boolean(), fails: fc.boolean() }), { minLength: 1, maxLength: 40 }),
      fc.boolean(),
      async (requests, allowDirect) => {
        const { pool, clock, ids, store } = memoryPool(3, { allowDirect, offersPerSecond: 4, burst: 1, banCooldownMs: 1_000, maxAttempts: 5 });
        // Proxy 3 belongs to store 2 alone; proxy 2 bans everything; proxy 1 is shared and works.
        store.update(ids[2]!, { storeId: 2 });
        pool.reload();
        const offersSends = new Map<number, number[]>();
        const runs = requests.map((r) =>
          pool.run(
            r.store,
            async (lane) => {
              if (r.offers) offersSends.set(lane.id, [...(offersSends.get(lane.id) ?? []), clock.now()]);
              if (lane.id === ids[1] && r.fails) throw new LaneBannedError(403);
              return lane.id;
            },
            { budget: r.offers ? 'offers' : 'none', sticky: r.sticky },
          ),
        );
        const settled = Promise.allSettled(runs);
        await clock.advance(requests.length * 1_000 + 10_000);
        const results = await settled;
        await pool.close();

        results.forEach((result, i) => {
          expect(result.status).toBe('fulfilled');
          const lane = (result as PromiseFulfilledResult<number>).value;
          if (requests[i]!.store === 1) expect(lane).not.toBe(ids[2]);
        });
        for (const times of offersSends.values()) {
          times.slice(1).forEach((at, i) => expect(at - times[i]!).toBeGreaterThanOrEqual(250));
        }
      },
    ),
    { numRuns: 60 },
  );
});
