import { pathToFileURL } from 'node:url';
import type { Offer } from '../../src-shared/domain/offer';
import { DELIVERY_DURATIONS } from '../../src-shared/domain/offer';
import { resolveRules } from '../../src-shared/domain/rules';
import { decide } from '../../src-shared/pricing';
import type { DecideInput } from '../../src-shared/pricing';
import { prng } from '../sim/market/prng';

/** Realistic inputs: 10–30 offers per product (kaspi-api.md §4: "max seen: 30 offers"), mixed rules. */
function inputs(count: number): DecideInput[] {
  const rng = prng(5);
  const out: DecideInput[] = [];
  for (let i = 0; i < count; i++) {
    const floor = rng.int(20, 400) * 50;
    const offers: Offer[] = Array.from({ length: rng.int(10, 30) }, (_, j) => ({
      merchantId: `${30_000_000 + j * 7 + i}`,
      merchantName: `Shop ${j}`,
      price: Math.round(floor * (0.8 + rng.next() * 0.8)),
      rating: 4 + rng.next(),
      reviewsCount: rng.int(0, 2000),
      deliveryDuration: rng.pick(DELIVERY_DURATIONS),
      kaspiDelivery: rng.chance(0.8),
    }));
    const rules = resolveRules(
      { excludedMerchantIds: [offers[3]!.merchantId], deliveryFilter: rng.pick([null, 'TILL_3_DAYS'] as const), maxDropPerChange: { unit: 'percent', value: 10 } },
      {
        floor: rng.chance(0.5) ? { kind: 'fixed', price: floor } : { kind: 'cost', cost: Math.round(floor * 0.8), commissionPercent: 12.5, fixedFees: 0, minMargin: { unit: 'percent', value: 3 } },
        ceiling: floor * 2,
        strategy: rng.pick(['undercut', 'undercut', 'match', 'top_n'] as const),
        targetPosition: rng.int(1, 3),
        belowFloor: rng.pick(['hold', 'floor', 'next_place'] as const),
      },
    );
    out.push({
      rules,
      our: { merchantId: offers[0]!.merchantId, price: offers[0]!.price },
      ownMerchantIds: [offers[1]!.merchantId],
      offers,
      guard: { lastChangeAt: 0, changesToday: rng.int(0, 5), warRivals: [offers[5]!.merchantId] },
      now: 3_600_000,
    });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median CPU time of one decide() over one product's offer set, in microseconds. */
export default async function bench(): Promise<Record<string, unknown>> {
  const sets = inputs(1000);
  let sink = 0;
  for (let w = 0; w < 3; w++) for (const i of sets) sink += decide(i).action === 'set' ? 1 : 0;
  // Batches of 100 decisions per sample: one call is too short to time alone. decide() is pure
  // synchronous CPU work on one thread, so the high-resolution wall time of a batch is its CPU time
  // (process.cpuUsage is tick-grained on some kernels).
  const samples: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (let b = 0; b < sets.length; b += 100) {
      const start = process.hrtime.bigint();
      for (let k = b; k < b + 100; k++) sink += decide(sets[k]!).action === 'set' ? 1 : 0;
      samples.push(Number(process.hrtime.bigint() - start) / 1000 / 100);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  return { decide_us_per_offer_set: Math.round(median(samples) * 100) / 100 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await bench(), null, 2));
