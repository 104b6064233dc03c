import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { isKaspiError } from '../../../src-shared/domain/kaspi-error';
import { readAnswer, type RawAnswer, type ReadAnswer } from '../../../src-main/kaspi/answer-reader';
import { createDecodePool, type DecodePool } from '../../../src-main/kaspi/decode-pool';
import { offersPageOf } from '../../../src-main/kaspi/offers-page';
import { fetchOffers } from '../../../src-main/kaspi/storefront';
import { classifyLaneFailure } from '../../../src-main/proxies/errors';
import { endpointsOf, useKaspiSim } from './support/sim';

const ALMATY = '750000000';
const ASTANA = '710000000';
const FAULTY_WORKER = new URL('./support/faulty-decode-worker.ts', import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..', '..');

const json = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const answer = (bytes: Uint8Array, fields: Partial<RawAnswer> = {}): RawAnswer => ({ surface: 'storefront', status: 200, contentType: 'application/json', contentEncoding: null, retryAfter: null, bytes, ...fields });
/** What a caller can tell apart in a result: the JSON, or the error's kind, message, wait and status. */
const seen = (read: ReadAnswer) =>
  read.ok ? { json: read.json } : { kind: read.error.kind, message: read.error.userMessage, retryAfterMs: read.error.retryAfterMs, status: read.error.status, isKaspiError: isKaspiError(read.error) };

describe('storefront answers read in worker threads', () => {
  const sim = useKaspiSim({ scenario: 'small' });
  const pools: DecodePool[] = [];
  const pool = (options: Parameters<typeof createDecodePool>[0] = {}) => {
    const created = createDecodePool(options);
    pools.push(created);
    return created;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('gives the same offers as reading in this thread, page by page, from the simulator’s gzip answers', async () => {
    const decoder = pool({ size: 2 });
    const endpoints = endpointsOf(sim());
    for (const masterSku of ['100000010', '100000009', '100000001']) {
      for (const cityId of [ALMATY, ASTANA]) {
        for (const limit of [2, 50]) {
          const inThread = await fetchOffers({ endpoints, masterSku, cityId, limit });
          const inWorker = await fetchOffers({ endpoints, masterSku, cityId, limit, decoder });
          expect(inWorker, `${masterSku} in ${cityId}, ${limit} a page`).toEqual(inThread);
        }
      }
    }
    expect((await fetchOffers({ endpoints, masterSku: '100000010', cityId: ALMATY, decoder })).length).toBe(6);
  });

  it('reads every encoding and every refusal as this thread does: the same offers, the same errors', async () => {
    const decoder = pool({ size: 1 });
    const page = { offers: [{ merchantId: 42, merchantName: 'A', price: 1500.6, merchantRating: 4.5, merchantReviewsQuantity: 10.2, deliveryDuration: 'tomorrow', kaspiDelivery: true }, { merchantId: '', price: 5 }, { merchantId: 'b', price: -1 }], total: 3 };
    const cases: RawAnswer[] = [
      answer(json(page)),
      answer(gzipSync(json(page)), { contentEncoding: 'gzip' }),
      answer(deflateSync(json(page)), { contentEncoding: 'deflate' }),
      answer(brotliCompressSync(json(page)), { contentEncoding: 'br' }),
      answer(gzipSync(gzipSync(json(page))), { contentEncoding: 'gzip, gzip' }),
      answer(json('not gzip at all'), { contentEncoding: 'gzip' }),
      answer(json(page), { contentEncoding: 'zstd' }),
      answer(json('<html>maintenance</html>'), { contentType: 'text/html' }),
      answer(json({ errorCode: 'CAPTCHA_REQUIRED' })),
      answer(json({ offers: 'nope', total: 'many' })),
      answer(json([1, 2, 3])),
      answer(json({}), { status: 403, retryAfter: '7' }),
      answer(json({}), { status: 429 }),
      answer(json({}), { status: 405 }),
      answer(json({ message: 'down' }), { status: 503 }),
    ];
    for (const raw of cases) {
      const label = `${raw.status} ${raw.contentEncoding ?? 'plain'} ${Buffer.from(raw.bytes).subarray(0, 30).toString('latin1')}`;
      expect(seen(await decoder.read(raw, 'offers-page')), label).toEqual(seen(await readAnswer(raw, offersPageOf)));
    }
    // The cases do cover both sides: good pages and each kind of refusal.
    const kinds = new Set<string>();
    for (const raw of cases) {
      const read = await decoder.read(raw, 'offers-page');
      kinds.add(read.ok ? 'ok' : read.error.kind);
    }
    expect([...kinds].sort()).toEqual(['captcha', 'ip-banned', 'method-blocked', 'not-json', 'ok', 'server']);
  });

  it('fails only the request a crashed worker held; the next request gets a fresh worker', async () => {
    const lost: string[] = [];
    const decoder = pool({ size: 1, workerUrl: FAULTY_WORKER, onWorkerLost: (reason) => lost.push(reason) });
    const good = answer(gzipSync(json({ offers: [{ merchantId: 'm1', price: 100 }], total: 1 })), { contentEncoding: 'gzip' });
    expect(await decoder.read(good, 'offers-page')).toMatchObject({ ok: true, json: { offers: [{ merchantId: 'm1', price: 100 }] } });

    const crashed = await decoder.read(answer(json({ offers: [], note: 'crash-me' })), 'offers-page');
    expect(crashed.ok).toBe(false);
    const error = !crashed.ok ? crashed.error : null;
    expect(isKaspiError(error, 'not-json')).toBe(true);
    expect(error?.userMessage).toEqual({ code: 'kaspi.reader_failed' });
    // Not the IP's fault: the proxy pool does not cool the lane down for it.
    expect(classifyLaneFailure(error)).toBeNull();
    expect(lost.join(' ')).toMatch(/crashed|exited/);

    expect(await decoder.read(good, 'offers-page')).toMatchObject({ ok: true, json: { offers: [{ merchantId: 'm1', price: 100 }] } });
  });

  it('fails a request a worker does not answer in time, and goes on with a fresh worker', async () => {
    const lost: string[] = [];
    const decoder = pool({ size: 1, timeoutMs: 300, workerUrl: FAULTY_WORKER, onWorkerLost: (reason) => lost.push(reason) });
    const good = answer(json({ offers: [{ merchantId: 'm2', price: 200 }] }));
    const [stuck, alongside] = await Promise.all([decoder.read(answer(json({ offers: [], note: 'hang-me' })), 'offers-page'), decoder.read(good, 'offers-page')]);
    expect(stuck).toMatchObject({ ok: false, error: { kind: 'not-json', userMessage: { code: 'kaspi.reader_failed' } } });
    // The one worker answered the good request before the stuck one timed out: only the stuck one fails.
    expect(alongside).toMatchObject({ ok: true });
    expect(lost).toEqual(['worker gave no answer in 300 ms']);
    expect(await decoder.read(good, 'offers-page')).toMatchObject({ ok: true, json: { offers: [{ merchantId: 'm2', price: 200 }] } });
  });

  it('a storefront read through a failing worker rejects with the reader error, as any failed read the engine retries', async () => {
    const decoder = pool({ size: 1, workerUrl: FAULTY_WORKER });
    const endpoints = endpointsOf(sim());
    // The simulator's answers carry no marker: the faulty worker reads them as the real one does.
    expect(await fetchOffers({ endpoints, masterSku: '100000010', cityId: ALMATY, decoder })).toEqual(await fetchOffers({ endpoints, masterSku: '100000010', cityId: ALMATY }));
    const closed = pool({ size: 1 });
    await closed.close();
    await expect(fetchOffers({ endpoints, masterSku: '100000010', cityId: ALMATY, decoder: closed })).rejects.toMatchObject({ kind: 'not-json', userMessage: { code: 'kaspi.reader_failed' } });
  });

  it('runs as the built app runs it: decode-worker.js from the Electron main build reads what this thread reads', { timeout: 180_000 }, async () => {
    // Inside the repository, so the bundle finds node_modules as dist-main does.
    const outDir = join(ROOT, 'test-artifacts', 'decode-worker-build');
    rmSync(outDir, { recursive: true, force: true });
    try {
      await build({ configFile: join(ROOT, 'vite.main.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
      const built = join(outDir, 'decode-worker.js');
      expect(existsSync(built)).toBe(true);
      const decoder = pool({ size: 1, workerUrl: pathToFileURL(built) });
      const endpoints = endpointsOf(sim());
      for (const masterSku of ['100000010', '100000009']) {
        expect(await fetchOffers({ endpoints, masterSku, cityId: ALMATY, limit: 2, decoder })).toEqual(await fetchOffers({ endpoints, masterSku, cityId: ALMATY, limit: 2 }));
      }
      const banned = answer(json({}), { status: 403, retryAfter: '3' });
      expect(seen(await decoder.read(banned, 'offers-page'))).toEqual(seen(await readAnswer(banned, offersPageOf)));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('reads in this thread when its workers cannot start, so a broken build does not stop the demper', async () => {
    const lost: string[] = [];
    const decoder = pool({ size: 1, workerUrl: new URL('./support/no-such-worker.js', import.meta.url), onWorkerLost: (reason) => lost.push(reason) });
    const good = answer(gzipSync(json({ offers: [{ merchantId: 'm3', price: 300 }] })), { contentEncoding: 'gzip' });
    const reads = [];
    for (let i = 0; i < 4; i++) reads.push(await decoder.read(good, 'offers-page'));
    // The reads while workers were tried fail (and are looked at again later); then every read succeeds.
    expect(reads.slice(0, 3).map((r) => r.ok)).toEqual([false, false, false]);
    expect(reads[3]).toMatchObject({ ok: true, json: { offers: [{ merchantId: 'm3', price: 300 }] } });
    expect(lost.at(-1)).toMatch(/read in the main thread/);
  });
});
