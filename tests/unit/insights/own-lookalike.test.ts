import { describe, expect, it } from 'vitest';
import type { LookalikeCandidate } from '../../../src-shared/insights/own-lookalike';
import { nameKey, ownLookalikes } from '../../../src-shared/insights/own-lookalike';

const candidate = (over: Partial<LookalikeCandidate>): LookalikeCandidate => ({ merchantId: 'm1', name: 'Rival', productIds: [1, 2, 3], vsUs: { looks: 40, same: 5, under: 20 }, ...over });

describe('rivals that look like the seller’s own other store', () => {
  it('reads a store name without case, quotes, punctuation or legal form', () => {
    expect(nameKey('ИП «FIRST PROJECT»')).toBe('first project');
    expect(nameKey('ТОО First-Project')).toBe('first project');
    expect(nameKey('Ипподром')).toBe('ипподром');
  });

  it('finds a rival carrying the name of a store on this machine, and one that sits at exactly our price and is never under it', () => {
    const found = ownLookalikes(['ИП FIRST PROJECT', 'Demper Demo Store'], [
      candidate({ merchantId: 'same-name', name: 'ТОО «First Project»', productIds: [4] }),
      candidate({ merchantId: 'mirror', name: 'Другой', vsUs: { looks: 40, same: 38, under: 0 } }),
      // Under us once: a competitor, however often it matches.
      candidate({ merchantId: 'matcher', name: 'Matcher', vsUs: { looks: 40, same: 39, under: 1 } }),
      // Too few looks, or a single product: chance.
      candidate({ merchantId: 'few', name: 'Few', vsUs: { looks: 10, same: 10, under: 0 } }),
      candidate({ merchantId: 'one', name: 'One', productIds: [1], vsUs: { looks: 40, same: 40, under: 0 } }),
      // Stats stored before prices against ours were counted.
      candidate({ merchantId: 'old', name: 'Old', vsUs: null }),
      candidate({ merchantId: 'rival', name: 'Rival' }),
    ]);
    expect(found).toEqual([
      { merchantId: 'mirror', name: 'Другой', reason: 'mirrors_us', ownStore: null, productIds: [1, 2, 3], looks: 40, same: 38, under: 0 },
      { merchantId: 'same-name', name: 'ТОО «First Project»', reason: 'same_name', ownStore: 'ИП FIRST PROJECT', productIds: [4], looks: 40, same: 5, under: 20 },
    ]);
  });
});
