import { afterEach, describe, expect, it } from 'vitest';
import { LaneBannedError, LaneTimeoutError, NoLaneError } from '../../../src-main/proxies/errors';
import type { LaneHandle } from '../../../src-main/proxies/pool';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { proxyPageView } from '../../../src-main/proxies/live-view';
import { memoryPool } from './support/memory-pool';
import { settle } from './support/manual-clock';

const pools: ProxyPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function setup(...args: Parameters<typeof memoryPool>) {
  const env = memoryPool(...args);
  pools.push(env.pool);
  return env;
}

const laneId = async (lane: LaneHandle) => lane.id;

/** A target that bans some lanes and records which lane served each request, and when. */
function target(clock: { now(): number }, banned = new Set<number>()) {
  const served: { lane: number; at: number }[] = [];
  const attempts: number[] = [];
  return {
    banned,
    served,
    attempts,
    task: async (lane: LaneHandle) => {
      attempts.push(lane.id);
      if (banned.has(lane.id)) throw new LaneBannedError(403);
      served.push({ lane: lane.id, at: clock.now() });
      return lane.id;
    },
  };
}

describe('round-robin with per-IP budgets', () => {
  it('takes the proxies in turn', async () => {
    const { pool, ids } = setup(3, { offersPerSecond: 100, burst: 10 });
    const order = [];
    for (let i = 0; i < 6; i++) order.push(await pool.run(1, laneId));
    expect(order).toEqual([...ids, ...ids]);
  });

  it('never lets one IP exceed its budget: a burst, then one request per 1/rate seconds', async () => {
    const { pool, clock } = setup(1, { offersPerSecond: 8, burst: 2 });
    const t = target(clock);
    const start = clock.now();
    const runs = Array.from({ length: 10 }, () => pool.run(1, t.task));
    await clock.advance(2_000);
    await Promise.all(runs);
    expect(t.served.map((s) => s.at - start)).toEqual([0, 0, 125, 250, 375, 500, 625, 750, 875, 1000]);
  });

  it('adds up the budgets of several proxies', async () => {
    const { pool, clock } = setup(4, { offersPerSecond: 8, burst: 1 });
    const t = target(clock);
    const runs = Array.from({ length: 64 }, () => pool.run(1, t.task));
    await clock.advance(2_000);
    await Promise.all(runs);
    // 4 IPs x 8 req/s: 64 requests take under two seconds, and no IP ever sends two within 125 ms.
    const last = Math.max(...t.served.map((s) => s.at));
    expect(last - t.served[0]!.at).toBeLessThan(2_000);
    for (const lane of new Set(t.served.map((s) => s.lane))) {
      const times = t.served.filter((s) => s.lane === lane).map((s) => s.at);
      times.slice(1).forEach((at, i) => expect(at - times[i]!).toBeGreaterThanOrEqual(125));
    }
  });

  it('does not spend the offers budget on cabinet calls', async () => {
    const { pool } = setup(1, { offersPerSecond: 1, burst: 1 });
    const results = await Promise.all(Array.from({ length: 5 }, () => pool.run(1, laneId, { budget: 'none' })));
    expect(results).toHaveLength(5);
  });

  it('keeps at most maxConcurrentPerLane requests in flight on one proxy', async () => {
    const { pool } = setup(1, { maxConcurrentPerLane: 2 });
    let inFlight = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<void>((resolve) => {
        peak = Math.max(peak, ++inFlight);
        releases.push(() => (inFlight--, resolve()));
      });
    const runs = Array.from({ length: 5 }, () => pool.run(1, task, { budget: 'none' }));
    for (let served = 0; served < 5; served++) {
      await settle();
      releases.shift()!();
    }
    await Promise.all(runs);
    expect(peak).toBe(2);
  });

  it('tells the engine how many lanes and how much offers budget a store has', async () => {
    const { pool, store, ids } = setup(3, { offersPerSecond: 8, banCooldownMs: 60_000 });
    store.update(ids[2]!, { storeId: 9 });
    pool.reload();
    expect(pool.capacity(1)).toEqual({ lanes: 2, healthy: 2, offersPerSecond: 16 });
    expect(pool.capacity(9)).toEqual({ lanes: 3, healthy: 3, offersPerSecond: 24 });
    await pool.run(1, async (lane) => {
      if (lane.id === ids[0]) throw new LaneBannedError(403);
    });
    expect(pool.capacity(1)).toEqual({ lanes: 2, healthy: 1, offersPerSecond: 8 });
  });

  it('keeps a store on the same lane for sticky (session) calls while it is healthy', async () => {
    const { pool, clock, ids } = setup(3, { offersPerSecond: 100, burst: 10 });
    const t = target(clock);
    const first = await pool.run(5, t.task, { budget: 'none', sticky: true });
    expect(await pool.run(5, t.task, { budget: 'none', sticky: true })).toBe(first);
    t.banned.add(first);
    const moved = await pool.run(5, t.task, { budget: 'none', sticky: true });
    expect(moved).not.toBe(first);
    expect(ids).toContain(moved);
  });
  it('takes turns between stores, so one store’s backlog does not starve another', async () => {
    const { pool, clock } = setup(1, { offersPerSecond: 8, burst: 1 });
    const order: number[] = [];
    const backlog = Array.from({ length: 20 }, () => pool.run(1, async () => order.push(1)));
    await clock.advance(250);
    const late = Array.from({ length: 2 }, () => pool.run(2, async () => order.push(2)));
    await clock.advance(5_000);
    await Promise.all([...backlog, ...late]);
    // Store 2 arrived after three of store 1's requests had gone; it gets every other slot from then on.
    expect(order.slice(0, 7)).toEqual([1, 1, 1, 2, 1, 2, 1]);
  });
});

describe('session dispatcher for the cabinet', () => {
  it('stays on one lane for a store while it is healthy and moves when it cools down', async () => {
    const { pool, ids } = setup(2, { offersPerSecond: 100, burst: 10, banCooldownMs: 60_000 });
    const first = pool.stickyDispatcher(3);
    expect(pool.stickyDispatcher(3)).toBe(first);
    const firstLane = await pool.run(3, laneId, { budget: 'none', sticky: true });
    await pool.run(3, async (lane) => {
      if (lane.id === firstLane) throw new LaneBannedError(403);
    }, { budget: 'none', sticky: true });
    expect(pool.stickyDispatcher(3)).not.toBe(first);
    expect(ids).toContain(firstLane);
  });

  it('goes direct on the direct lane and refuses when no lane is allowed', () => {
    expect(setup(0, { allowDirect: true }).pool.stickyDispatcher(1)).toBeUndefined();
    expect(() => setup(0).pool.stickyDispatcher(1)).toThrow(NoLaneError);
  });
});

describe('bans, failures and dead proxies', () => {
  it('retries a banned request on another lane and cools the banned IP down, longer each time', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, banCooldownMs: 15_000 });
    const t = target(clock, new Set([ids[0]!]));
    expect(await pool.run(1, t.task)).toBe(ids[1]);
    expect(t.attempts).toEqual([ids[0], ids[1]]);
    expect(pool.snapshot()[0]).toMatchObject({ status: 'cooling', availableAt: clock.now() + 15_000, stats: { bans: 1, requests: 1 } });

    await clock.advance(15_000);
    expect(pool.snapshot()[0]!.status).toBe('healthy');
    await pool.run(1, t.task);
    expect(pool.snapshot()[0]).toMatchObject({ status: 'cooling', availableAt: clock.now() + 30_000 });
  });

  it('counts bans of requests already under way as one ban, not as repeat offences', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, banCooldownMs: 15_000 });
    const gates: (() => void)[] = [];
    // Three requests leave on the first proxy before any answer comes back; all three are banned.
    const runs = Array.from({ length: 3 }, () =>
      pool.run(1, (lane) =>
        lane.id === ids[0] ? new Promise<number>((_, reject) => gates.push(() => reject(new LaneBannedError(403)))) : Promise.resolve(lane.id),
        { sticky: true },
      ),
    );
    await settle();
    expect(gates).toHaveLength(3);
    await clock.advance(10);
    gates.forEach((ban) => ban());
    await Promise.all(runs);
    expect(pool.snapshot()[0]).toMatchObject({ status: 'cooling', availableAt: clock.now() + 15_000, stats: { bans: 3 } });
  });

  it('does not let a success that started before a failure end that failure', async () => {
    const { pool, clock } = setup(1, { offersPerSecond: 100, burst: 10, failureCooldownMs: 1_000, deadAfterFailures: 2 });
    const refuse = async (): Promise<number> => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    let releaseSlow!: () => void;
    const slow = pool.run(1, (lane) => new Promise<number>((resolve) => (releaseSlow = () => resolve(lane.id))));
    await settle();
    await clock.advance(1);
    await expect(pool.run(1, refuse, { maxAttempts: 1 })).rejects.toThrow('ECONNREFUSED');
    releaseSlow();
    await slow;
    await clock.advance(1_000);
    await expect(pool.run(1, refuse, { maxAttempts: 1 })).rejects.toThrow('ECONNREFUSED');
    // The old success did not reset the count: two failures in a row, so the proxy is dead.
    expect(pool.snapshot()[0]!.status).toBe('dead');
  });

  it('honours Retry-After when the target names a longer wait', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, banCooldownMs: 1_000 });
    await pool.run(1, async (lane) => {
      if (lane.id === ids[0]) throw new LaneBannedError(429, 60_000);
      return lane.id;
    });
    expect(pool.snapshot()[0]!.availableAt).toBe(clock.now() + 60_000);
  });

  it('waits for a cooling lane rather than failing when every lane is banned', async () => {
    const { pool, clock, ids } = setup(1, { offersPerSecond: 100, burst: 10, banCooldownMs: 10_000 });
    const t = target(clock, new Set([ids[0]!]));
    const run = pool.run(1, t.task);
    await settle();
    t.banned.clear();
    await clock.advance(9_999);
    expect(t.served).toHaveLength(0);
    await clock.advance(1);
    await expect(run).resolves.toBe(ids[0]);
  });

  it('gives up after the configured number of attempts with the last ban', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, banCooldownMs: 1_000, maxAttempts: 3 });
    const t = target(clock, new Set(ids));
    const run = pool.run(1, t.task);
    const outcome = expect(run).rejects.toBeInstanceOf(LaneBannedError);
    await clock.advance(10_000);
    await outcome;
    expect(t.attempts).toHaveLength(3);
  });

  it('marks a proxy dead after repeated connection failures and probes it again later', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, failureCooldownMs: 1_000, deadAfterFailures: 3, deadRetryMs: 60_000 });
    let down = true;
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:3128'), { code: 'ECONNREFUSED' });
    const task = async (lane: LaneHandle) => {
      if (lane.id === ids[0] && down) throw refused;
      return lane.id;
    };
    for (let i = 0; i < 3; i++) {
      expect(await pool.run(1, task)).toBe(ids[1]);
      await clock.advance(1_000);
    }
    expect(pool.snapshot()[0]).toMatchObject({ status: 'dead', stats: { errors: 3 } });
    expect(pool.snapshot()[0]!.stats.lastError).toMatch(/^connection: ECONNREFUSED/);

    // While dead it is skipped entirely.
    for (let i = 0; i < 5; i++) expect(await pool.run(1, task)).toBe(ids[1]);

    // After the retry time one request probes it; a failed probe doubles the wait.
    await clock.advance(60_000);
    await pool.run(1, task);
    expect(pool.snapshot()[0]).toMatchObject({ status: 'dead', availableAt: clock.now() + 120_000 });

    down = false;
    await clock.advance(120_000);
    const served = [];
    for (let i = 0; i < 4; i++) served.push(await pool.run(1, task));
    expect(served).toContain(ids[0]);
    expect(pool.snapshot()[0]!.status).toBe('healthy');
  });

  it('treats an attempt that outlives the timeout as a lane failure and aborts it', async () => {
    const { pool, clock, ids } = setup(2, { offersPerSecond: 100, burst: 10, requestTimeoutMs: 5_000 });
    let abortedWith: unknown = null;
    const run = pool.run(1, (lane) =>
      lane.id === ids[0]
        ? new Promise<number>((_, reject) => lane.signal.addEventListener('abort', () => ((abortedWith = lane.signal.reason), reject(lane.signal.reason))))
        : Promise.resolve(lane.id),
    );
    await clock.advance(5_000);
    await expect(run).resolves.toBe(ids[1]);
    expect(abortedWith).toBeInstanceOf(LaneTimeoutError);
    expect(pool.snapshot()[0]).toMatchObject({ status: 'cooling', stats: { errors: 1 } });
    expect(pool.snapshot()[0]!.stats.lastError).toMatch(/^timeout/);
  });

  it('rethrows errors that are not the lane’s fault without retrying or penalising it', async () => {
    const { pool } = setup(2, { offersPerSecond: 100, burst: 10 });
    let calls = 0;
    await expect(
      pool.run(1, async () => {
        calls++;
        throw new SyntaxError('Unexpected token < in JSON');
      }),
    ).rejects.toBeInstanceOf(SyntaxError);
    expect(calls).toBe(1);
    expect(pool.snapshot().map((l) => l.status)).toEqual(['healthy', 'healthy']);
  });
});

describe('waiting and cancelling', () => {
  it('fails at once when a store may use no lane at all', async () => {
    const { pool } = setup(0);
    await expect(pool.run(1, laneId)).rejects.toMatchObject({ name: 'NoLaneError', reason: 'none-configured' });
  });

  it('fails after maxWaitMs when no lane frees up', async () => {
    const { pool, clock, ids } = setup(1, { offersPerSecond: 100, burst: 10, banCooldownMs: 600_000, maxWaitMs: 30_000 });
    const t = target(clock, new Set([ids[0]!]));
    const run = pool.run(1, t.task);
    const outcome = expect(run).rejects.toSatisfy((e) => e instanceof NoLaneError && e.reason === 'wait-timeout');
    await clock.advance(29_999);
    expect(t.attempts).toHaveLength(1);
    await clock.advance(1);
    await outcome;
  });

  it('refuses new requests once closed, and fails the waiting ones', async () => {
    const { pool, clock, ids } = setup(1, { banCooldownMs: 600_000 });
    const t = target(clock, new Set([ids[0]!]));
    const waiting = pool.run(1, t.task);
    await settle();
    await pool.close();
    await expect(waiting).rejects.toMatchObject({ reason: 'closed' });
    await expect(pool.run(1, laneId)).rejects.toMatchObject({ reason: 'closed' });
  });

  it('stops waiting when the caller aborts', async () => {
    const { pool, clock, ids } = setup(1, { offersPerSecond: 100, burst: 10, banCooldownMs: 600_000 });
    const t = target(clock, new Set([ids[0]!]));
    const controller = new AbortController();
    const run = pool.run(1, t.task, { signal: controller.signal });
    await settle();
    controller.abort(new Error('engine stopped'));
    await expect(run).rejects.toThrow('engine stopped');
  });
});

describe('statistics', () => {
  it('counts requests, successes, bans and errors and keeps the median latency', async () => {
    const { pool, clock, ids } = setup(1, { offersPerSecond: 100, burst: 10, banCooldownMs: 0, failureCooldownMs: 0 });
    for (const latency of [30, 10, 20]) {
      const run = pool.run(1, () => new Promise<number>((resolve) => clock.setTimeout(() => resolve(1), latency)));
      await clock.advance(latency);
      await run;
    }
    const t = target(clock, new Set([ids[0]!]));
    await expect(pool.run(1, t.task, { maxAttempts: 1 })).rejects.toBeInstanceOf(LaneBannedError);
    expect(pool.snapshot()[0]!.stats).toMatchObject({ requests: 4, successes: 3, bans: 1, errors: 0, medianLatencyMs: 20, lastUsedAt: clock.now() });
  });

  it('starts the counters over at the user’s midnight, keeping the last error', async () => {
    // 12:00 UTC is 17:00 in Almaty (UTC+5): midnight there comes 7 hours later.
    const { pool, clock, ids, store } = setup(1, { offersPerSecond: 100, burst: 10, banCooldownMs: 0, resetSchedule: { kind: 'daily', hour: 0 } });
    const t = target(clock, new Set([ids[0]!]));
    await expect(pool.run(1, t.task, { maxAttempts: 1 })).rejects.toBeInstanceOf(LaneBannedError);
    await clock.advance(7 * 3_600_000 - 1);
    expect(pool.snapshot()[0]!.stats.requests).toBe(1);
    await clock.advance(1);
    const stats = pool.snapshot()[0]!.stats;
    expect(stats).toMatchObject({ requests: 0, bans: 0, countersResetAt: clock.now() });
    expect(stats.lastError).toMatch(/ban/);
    pool.flush();
    expect(store.list()[0]!.stats.requests).toBe(0);
  });
});

describe('restart', () => {
  it('probes a proxy that was dead before the restart with one request before trusting it', async () => {
    const first = setup(2, { offersPerSecond: 100, burst: 10 });
    first.store.setStatus(first.ids[0]!, 'dead');
    const pool = new ProxyPool({ store: first.store, clock: first.clock, settings: { allowDirect: false, offersPerSecond: 100, burst: 10 } });
    pools.push(pool);
    expect(pool.snapshot()[0]!.status).toBe('dead');
    let release!: () => void;
    const probe = pool.run(1, (lane) => (lane.id === first.ids[0] ? new Promise<number>((resolve) => (release = () => resolve(lane.id))) : Promise.resolve(lane.id)));
    await settle();
    // While the probe is out, everything else goes to the other proxy.
    for (let i = 0; i < 3; i++) expect(await pool.run(1, laneId)).toBe(first.ids[1]);
    release();
    await expect(probe).resolves.toBe(first.ids[0]);
    expect(pool.snapshot()[0]!.status).toBe('healthy');
  });
});

describe('proxies page view', () => {
  it('shows live status and counters over the stored ones, and the direct lane separately', async () => {
    const { pool, store, ids } = setup(2, { allowDirect: true, offersPerSecond: 100, burst: 10, banCooldownMs: 60_000 });
    store.update(ids[1]!, { enabled: false });
    pool.reload();
    await pool.run(1, async (lane) => {
      if (lane.id === ids[0]) throw new LaneBannedError(403);
    });
    const view = proxyPageView(store.list(), pool.snapshot());
    expect(view.proxies.map((p) => [p.status, p.stats.bans])).toEqual([
      ['cooling', 1],
      ['disabled', 0],
    ]);
    expect(view.direct).toMatchObject({ status: 'healthy', stats: { requests: 1, successes: 1 } });
  });
});
