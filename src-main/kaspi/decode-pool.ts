import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KaspiError, type KaspiErrorKind } from '../../src-shared/domain/kaspi-error';
import type { Message } from '../../src-shared/i18n/message';
import { msg } from '../../src-shared/i18n/message';
import type { RawAnswer, ReadAnswer } from './answer-reader';
import { answerDecodeRequest } from './decode-answer';

/** What a worker can make of an answer's JSON (decode-worker.ts holds the functions). */
export type AnswerShapeName = 'offers-page';

/** Reads Kaspi answers somewhere other than the caller's thread. */
export interface AnswerDecoder {
  read(raw: RawAnswer, shape: AnswerShapeName): Promise<ReadAnswer>;
}

export interface DecodeRequest {
  id: number;
  raw: RawAnswer;
  shape: AnswerShapeName;
}

/** A KaspiError as it crosses the thread boundary (a class does not). */
export interface WireKaspiError {
  kind: KaspiErrorKind;
  userMessage: Message;
  retryAfterMs: number | null;
  status: number | null;
}

/** What a worker says once it listens (decode-worker.ts). */
export const READY = 'ready';

export type DecodeReply = { id: number; ok: true; json: unknown } | { id: number; ok: false; error: WireKaspiError; bug?: undefined } | { id: number; ok: false; error: null; bug: string };

export interface DecodePoolOptions {
  /** Worker threads at most; they start on first use. */
  size?: number;
  /** A worker that has not answered a request in this long is ended, and its requests fail. */
  timeoutMs?: number;
  /** The worker's script (tests hand in one that misbehaves); decode-worker beside this module otherwise. */
  workerUrl?: URL;
  /** Told when a worker crashed or was ended for being slow (the app logs it). */
  onWorkerLost?: (reason: string) => void;
}

export interface DecodePool extends AnswerDecoder {
  close(): Promise<void>;
}

interface Job {
  resolve(answer: ReadAnswer): void;
  /** Runs from when the worker listens: its start-up (a cold start from source takes a second) is not the request's. */
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  online: boolean;
  jobs: Map<number, Job>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
/** Workers that die before they listen, in a row, before the pool gives up on threads. */
const MAX_FAILED_STARTS = 3;

/**
 * Running from source (tsx, vitest) the worker is a .ts file, started through tsx's loader; built
 * (vite.main.config.ts makes decode-worker.js an entry beside main.js) it is plain JavaScript.
 * The name is not a literal in `new URL(…)` so the bundler leaves it for run time.
 */
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = fromSource ? './decode-worker.ts' : './decode-worker.js';

function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const boot = `import(${JSON.stringify(tsxApi())}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true });
}

/** tsx's ESM API (a dev dependency, there whenever the app runs from source): its `import` export, which works in a worker. */
function tsxApi(): string {
  const manifest = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api']!.import.default, manifest).href;
}

/**
 * A small, bounded pool of worker threads that decompress, parse and shape Kaspi's answers, so a
 * pass of hundreds of storefront reads a second does not hold the main thread (issue #14,
 * main_blocked_max_ms). A worker that crashes or stops answering fails only the requests it held,
 * each as a KaspiError the caller treats as it treats any failed read (the engine looks again
 * later); the next request starts a fresh worker. Workers that cannot start at all leave the pool
 * reading in this thread.
 */
export function createDecodePool(options: DecodePoolOptions = {}): DecodePool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = options.workerUrl ?? new URL(workerFile, import.meta.url);
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  // Workers that died before they listened, in a row. A build whose worker cannot start (a
  // packaging fault) must not stop the demper: the pool then reads in this thread, as before.
  let failedStarts = 0;
  let inThread = false;

  const failed = (): ReadAnswer => ({ ok: false, error: new KaspiError('not-json', msg('kaspi.reader_failed')) });
  const fromReply = (reply: DecodeReply): ReadAnswer => {
    if (reply.ok) return { ok: true, json: reply.json };
    if (reply.error) return { ok: false, error: new KaspiError(reply.error.kind, reply.error.userMessage, reply.error.retryAfterMs, reply.error.status) };
    options.onWorkerLost?.(`reader failed: ${reply.bug}`);
    return failed();
  };

  const failAll = (slot: Slot): void => {
    for (const job of slot.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      job.resolve(failed());
    }
    slot.jobs.clear();
  };

  /** Ends a worker and fails what it held; a new one starts when needed. */
  function lose(slot: Slot, reason: string): void {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    failAll(slot);
    void slot.worker.terminate();
    if (closed) return;
    options.onWorkerLost?.(reason);
    if (!slot.online && ++failedStarts >= MAX_FAILED_STARTS) {
      inThread = true;
      options.onWorkerLost?.(`${failedStarts} workers in a row did not start: answers are read in the main thread`);
    }
  }

  const watch = (slot: Slot, job: Job): void => {
    job.timer = setTimeout(() => lose(slot, `worker gave no answer in ${timeoutMs} ms`), timeoutMs);
  };

  function spawn(): Slot {
    const slot: Slot = { worker: startWorker(url), online: false, jobs: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (reply: DecodeReply | typeof READY) => {
      if (reply === READY) {
        slot.online = true;
        failedStarts = 0;
        for (const job of slot.jobs.values()) watch(slot, job);
        return;
      }
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if (job.timer) clearTimeout(job.timer);
      if (slot.jobs.size === 0) slot.worker.unref();
      job.resolve(fromReply(reply));
    });
    slot.worker.on('error', (error) => lose(slot, `worker crashed: ${error.message}`));
    slot.worker.on('exit', (code) => lose(slot, `worker exited with code ${code}`));
    slots.push(slot);
    return slot;
  }

  /** The least busy worker, a new one while the pool is below its size. */
  function pick(): Slot {
    const idle = slots.find((slot) => slot.jobs.size === 0);
    if (idle) return idle;
    if (slots.length < size) return spawn();
    return slots.reduce((least, slot) => (slot.jobs.size < least.jobs.size ? slot : least));
  }

  return {
    read(raw, shape) {
      if (closed) return Promise.resolve(failed());
      const id = ++nextId;
      if (inThread) return answerDecodeRequest({ id, raw, shape }).then(fromReply);
      const slot = pick();
      // A copy of exactly the body's bytes, moved (not cloned) to the worker: a Buffer may be a
      // view into Node's shared pool, which must not be moved.
      const bytes = new Uint8Array(raw.bytes);
      return new Promise<ReadAnswer>((resolve) => {
        const job: Job = { resolve, timer: null };
        if (slot.online) watch(slot, job);
        slot.jobs.set(id, job);
        slot.worker.ref();
        const request: DecodeRequest = { id, raw: { ...raw, bytes }, shape };
        slot.worker.postMessage(request, [bytes.buffer]);
      });
    },
    async close() {
      closed = true;
      const all = slots.splice(0);
      all.forEach(failAll);
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
