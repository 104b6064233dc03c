import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide } from '../../../src-shared/pricing';
import type { DecideInput } from '../../../src-shared/pricing';
import { floorPrice } from '../../../src-shared/domain/rules';
import { inputArb } from './arbitraries';
import { describeReason, offer, rules, US } from './fixtures';


const inBounds = (input: DecideInput): boolean => {
  const price = input.our.price;
  const floor = floorPrice(input.rules.floor);
  return price !== null && price >= floor && (input.rules.ceiling === null || price <= input.rules.ceiling);
};
const withStock = (stock: DecideInput['stock']) => inputArb().map((input) => ({ ...input, stock }));
const lowStock = inputArb().chain((input) =>
  fc
    .integer({ min: 1, max: 20 })
    .chain((threshold) => fc.integer({ min: 1, max: threshold }).map((units) => ({ ...input, rules: { ...input.rules, lowStockThreshold: threshold }, stock: { units, preOrder: false } }))),
);

describe('decide with stock and pre-orders, over random markets', () => {
  it('never reprices an offer with no stock anywhere, unless its price is outside its bounds', () => {
    fc.assert(
      fc.property(withStock({ units: 0, preOrder: false }), (input) => {
        const d = decide(input);
        if (input.rules.strategy === 'monitor' || input.rules.ceiling !== null && floorPrice(input.rules.floor) > input.rules.ceiling) return;
        if (inBounds(input)) expect(d).toMatchObject({ action: 'hold', reason: { code: 'no_stock' } });
        else if (d.action === 'set') expect(d.reason.code).toBe('no_stock');
      }),
      { numRuns: 2000 },
    );
  });

  it('never lowers a price on low stock, and raises only toward the ceiling', () => {
    fc.assert(
      fc.property(lowStock, (input) => {
        const d = decide(input);
        if (d.action !== 'set' || !inBounds(input)) return;
        expect(d.price).toBeGreaterThan(input.our.price!);
        if (d.reason.code === 'low_stock_raise') expect(d.price).toBe(input.rules.ceiling);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds the set price of a pre-order offer by default, and never cuts it with "no undercut"', () => {
    fc.assert(
      fc.property(inputArb(), fc.constantFrom('hold' as const, 'no_undercut' as const), (input, strategy) => {
        const pre = { ...input, rules: { ...input.rules, preOrderStrategy: strategy }, stock: { units: 0, preOrder: true } };
        const d = decide(pre);
        if (!inBounds(pre) || d.action !== 'set') return;
        expect(strategy).toBe('no_undercut');
        expect(d.price).toBeGreaterThan(pre.our.price!);
      }),
      { numRuns: 3000 },
    );
  });

  it('prices a pre-order offer like any other when the seller says so', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const rulesAsUsual = { ...input.rules, preOrderStrategy: 'as_usual' as const };
        expect(decide({ ...input, rules: rulesAsUsual, stock: { units: 0, preOrder: true } })).toEqual(decide({ ...input, rules: rulesAsUsual, stock: undefined }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stock reasons, as the seller reads them', () => {
  const market = [offer('r1', 1500, { merchantName: 'Rival' }), offer(US, 1600)];
  const base = { our: { merchantId: US, price: 1600 }, ownMerchantIds: [], offers: market, now: 0 };

  it('would undercut on the market, but says why it holds on no stock, low stock and pre-order', () => {
    expect(decide({ ...base, rules: rules() }).action).toBe('set');
    const none = decide({ ...base, rules: rules(), stock: { units: 0, preOrder: false } });
    expect(none).toMatchObject({ action: 'hold', reason: { code: 'no_stock', proposedPrice: 1499 } });
    expect(describeReason(none.reason, 'ru')).toMatch(/нет в наличии/);
    const low = decide({ ...base, rules: rules({ lowStockThreshold: 5 }), stock: { units: 3, preOrder: false } });
    expect(low).toMatchObject({ action: 'hold', reason: { code: 'low_stock_hold', stockUnits: 3 } });
    expect(describeReason(low.reason, 'en')).toMatch(/^Kept at 1\s600\s₸: the strategy asks for 1\s499\s₸; low stock — not lowering the price; 3 left in stock$/);
    expect(describeReason(low.reason, 'kk')).toMatch(/қалдық аз/);
    const pre = decide({ ...base, rules: rules(), stock: { units: null, preOrder: true } });
    expect(pre).toMatchObject({ action: 'hold', reason: { code: 'preorder_hold' } });
  });

  it('raises toward the ceiling on low stock when the seller enabled it', () => {
    const d = decide({ ...base, rules: rules({ lowStockThreshold: 5, lowStockRaise: true }), stock: { units: 2, preOrder: false } });
    expect(d).toMatchObject({ action: 'set', price: 2000, reason: { code: 'low_stock_raise' } });
    expect(describeReason(d.reason, 'ru')).toMatch(/Повышено до 2\s000\s₸: остаток мал/);
  });

  it('prices as usual above the threshold or without stock figures', () => {
    expect(decide({ ...base, rules: rules({ lowStockThreshold: 5 }), stock: { units: 6, preOrder: false } })).toMatchObject({ action: 'set', price: 1499 });
    expect(decide({ ...base, rules: rules({ lowStockThreshold: 5 }), stock: { units: null, preOrder: false } })).toMatchObject({ action: 'set', price: 1499 });
  });
});
