import { describe, expect, it } from 'vitest';
import { readOfferPages, type OfferPagesOptions } from '../../../src-main/kaspi/offer-pages';
import type { OfferListPage } from '../../../src-main/kaspi/offer-list';
import type { CabinetOffer } from '../../../src-main/kaspi/types';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';

const offer = (sku: string): CabinetOffer => ({ sku, masterSku: null, title: sku, brand: null, category: null, imageUrl: null, cityPrices: [], price: 1, availabilities: [], active: true });

/** A list of `count` offers whose index also holds stale entries at `stale` (counted, never rendered). */
function list(count: number, stale: number[], opts: { total?: boolean } = {}) {
  const slots: (CabinetOffer | null)[] = Array.from({ length: count }, (_, i) => offer(`s${i}`));
  for (const at of stale) slots.splice(at, 0, null);
  return (page: number, size: number): Promise<OfferListPage> => {
    const rows = slots.slice(page * size, page * size + size);
    return Promise.resolve({ total: opts.total === false ? null : slots.length, offers: rows.filter((o): o is CabinetOffer => o !== null), skipped: 0 });
  };
}

async function read(fetchPage: (page: number, size: number) => Promise<OfferListPage>, opts: OfferPagesOptions = {}) {
  const sleeps: number[] = [];
  const skus: string[] = [];
  const result = await readOfferPages(fetchPage, (page) => void skus.push(...page.offers.map((o) => o.sku)), { pageSize: 5, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...opts });
  return { result, skus, sleeps };
}

describe('reading every page of the cabinet offer list', () => {
  it('goes on past a page shorter than the page size while the total says there is more', async () => {
    const { result, skus } = await read(list(11, [2]));
    expect(result).toEqual({ complete: true, total: 12, pages: 3 });
    expect(skus).toEqual(Array.from({ length: 11 }, (_, i) => `s${i}`));
  });

  it('without a total, stops at the first short page', async () => {
    const { result, skus } = await read(list(12, [], { total: false }));
    expect(result).toMatchObject({ complete: true, total: null, pages: 3 });
    expect(skus).toHaveLength(12);
  });

  it('pauses 300–500 ms between pages and not before the first', async () => {
    const { sleeps } = await read(list(11, [2]));
    expect(sleeps).toEqual([400, 400]);
    // A second list read right after the first pauses before its first page too.
    expect((await read(list(11, [2]), { pauseFirst: true })).sleeps).toEqual([400, 400, 400]);
  });

  it('asks a page again after a 429 or a 5xx, waiting longer each time and as long as Retry-After says', async () => {
    const failures = [new KaspiError('account-blocked', undefined, null, 429), new KaspiError('server', undefined, null, 502), new KaspiError('account-blocked', undefined, 9_000, 429)];
    const inner = list(11, []);
    let calls = 0;
    const { result, skus, sleeps } = await read(async (page, size) => {
      calls++;
      if (page === 1 && failures.length) throw failures.shift();
      return inner(page, size);
    });
    expect(result.complete).toBe(true);
    expect(skus).toHaveLength(11);
    expect(calls).toBe(6);
    // Pause, three backoffs (2 s, 4 s, then Retry-After's 9 s), pause.
    expect(sleeps).toEqual([400, 1_500, 3_000, 9_000, 400]);
  });

  it('gives up after the last try and throws, so the caller concludes nothing', async () => {
    const err = await read(async () => Promise.reject(new KaspiError('server', undefined, null, 503)), { attempts: 3 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'server' });
  });

  it('does not ask again for what a retry cannot fix', async () => {
    let calls = 0;
    const err = await read(async () => {
      calls++;
      throw new KaspiError('session-expired', undefined, null, 401);
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'session-expired' });
    expect(calls).toBe(1);
  });

  it('calls a list that comes back empty before its total incomplete', async () => {
    const { result } = await read(async (page) => ({ total: 20, offers: page === 0 ? [offer('a'), offer('b'), offer('c'), offer('d'), offer('e')] : [], skipped: 0 }));
    expect(result).toEqual({ complete: false, total: 20, pages: 2 });
  });

  it('calls a list whose total changed while it was read incomplete: an offer may have slipped between pages', async () => {
    let total = 12;
    const inner = list(12, []);
    const { result, skus } = await read(async (page, size) => {
      const answer = await inner(page, size);
      if (page === 0) total = 11; // an offer deleted after the first page
      return { ...answer, total: page === 0 ? 12 : total };
    });
    expect(skus).toHaveLength(12);
    expect(result).toMatchObject({ complete: false, total: 11 });
  });

  it('stops a list that keeps growing at maxPages and calls it incomplete', async () => {
    let n = 0;
    const { result } = await read(async () => ({ total: (n += 10) * 5, offers: Array.from({ length: 5 }, (_, i) => offer(`${n}-${i}`)), skipped: 0 }), { maxPages: 4 });
    expect(result).toMatchObject({ complete: false, pages: 4 });
  });
});
