import fc from 'fast-check';
import { expect, it } from 'vitest';
import { TokenBucket } from '../../../src-main/proxies/token-bucket';

it('lets a burst through, then one request per 1/rate seconds', () => {
  const bucket = new TokenBucket(8, 2, 0);
  expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, true, false]);
  expect(bucket.waitMs(0)).toBe(125);
  expect(bucket.tryTake(124)).toBe(false);
  expect(bucket.tryTake(125)).toBe(true);
});

it('never allows more than burst + rate × elapsed requests in any window (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }), (rate, burst, gaps) => {
      const bucket = new TokenBucket(rate, burst, 0);
      const taken: number[] = [];
      let now = 0;
      for (const gap of gaps) {
        now += gap;
        if (bucket.tryTake(now)) taken.push(now);
      }
      for (let i = 0; i < taken.length; i++) {
        for (let j = i; j < taken.length; j++) {
          expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * (taken[j]! - taken[i]!)) / 1000 + 1e-6);
        }
      }
    }),
  );
});

it('says how long until the next token, and that wait is enough', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10 }), (rate, burst, extra) => {
      const bucket = new TokenBucket(rate, burst, 0);
      for (let i = 0; i < burst + extra; i++) bucket.tryTake(0);
      const wait = bucket.waitMs(0);
      expect(bucket.tryTake(wait)).toBe(true);
    }),
  );
});
