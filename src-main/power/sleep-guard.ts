import type { PowerStatus, WakeReport } from '../../src-shared/contract/power';
import type { EventBus } from '../app/event-bus';
import { wakeReportText } from '../app/desktop-texts';
import type { PauseCause } from '../app/desktop-texts';
import type { Logger } from '../logging/logger';

/**
 * What the app does when the computer sleeps or loses its network (design: never push a decision
 * made before the pause). The OS says so (Electron's powerMonitor, the network going down) or, in
 * headless mode, a jump of the wall clock shows it afterwards. On pause the demper lets pushes in
 * flight settle and starts nothing; on wake it drops every queued decision and reads every product
 * again before any push, then the seller is told how long the bot was out and what it caught up on.
 */
export type PowerEvent =
  | { type: 'suspend'; at?: number }
  | { type: 'resume' }
  | { type: 'offline' }
  | { type: 'online' }
  | { type: 'lock' }
  | { type: 'unlock' };

/** The two demper-service methods the guard drives. */
export interface SleepAwareDemper {
  /** Settles pushes in flight and stops; false if the bot was not running. */
  pauseForSleep(): Promise<boolean>;
  /** Starts again (if the seller left it running) with a fresh read before any push; pairs to read. */
  resumeAfterWake(): Promise<number>;
}

export interface SleepGuardDeps {
  demper: SleepAwareDemper;
  events: EventBus;
  logger: Logger;
  now: () => number;
  /** The report goes out when every product was read again, or after this long with what was done. */
  reportAfterMs?: number;
  onReport?: (report: WakeReport) => void;
  keepingAwake?: () => boolean;
}

export const REPORT_AFTER_MS = 20 * 60_000;

export function createSleepGuard(deps: SleepGuardDeps) {
  const log = deps.logger.child('power');
  let asleep = false;
  let offline = false;
  let pausedSince: number | null = null;
  let cause: PauseCause | null = null;
  let wasRunning = false;
  let lastWake: WakeReport | null = null;
  /** Serialises pause and resume: a resume never overtakes the pause it answers. */
  let chain: Promise<void> = Promise.resolve();
  /** Ends the catch-up count: with its report (a new pause began), or silently (the app closes). */
  let stopCatchUp: ((announce: boolean) => void) | null = null;

  const status = (): PowerStatus => ({ paused: cause, pausedSince, lastWake, keepingAwake: deps.keepingAwake?.() ?? false });
  const changed = () => deps.events.emit('power.changed', status());
  const run = (step: () => Promise<void>) => {
    chain = chain.then(step).catch((error: unknown) => log.error('sleep handling failed', { error }));
    return chain;
  };

  const pause = (why: PauseCause, at: number) =>
    run(async () => {
      if (cause) return;
      stopCatchUp?.(true);
      cause = why;
      pausedSince = at;
      changed();
      wasRunning = await deps.demper.pauseForSleep();
      log.info(why === 'asleep' ? 'paused: computer asleep' : 'paused: network down', { wasRunning });
    });

  const resume = () =>
    run(async () => {
      if (!cause || asleep || offline) return;
      const why = cause;
      const pausedMs = Math.max(0, deps.now() - (pausedSince ?? deps.now()));
      cause = null;
      pausedSince = null;
      const rechecking = wasRunning ? await deps.demper.resumeAfterWake() : 0;
      log.info('awake: reading every product again before any push', { cause: why, pausedMs, rechecking });
      catchUp(why, pausedMs, rechecking);
    });

  /** Counts products read again after the wake, then reports once. */
  function catchUp(why: PauseCause, pausedMs: number, rechecking: number): void {
    const at = deps.now();
    const pairs = new Set<string>();
    const products = new Set<number>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let unsubscribe = () => {};
    const report = (complete: boolean, announce = true) => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      stopCatchUp = null;
      if (!announce) return;
      lastWake = { at, cause: why, pausedMs, productsChecked: products.size, complete, wasRunning, text: wakeReportText(why, pausedMs, products.size, complete, wasRunning) };
      log.info('caught up after the pause', { ...lastWake });
      changed();
      deps.onReport?.(lastWake);
    };
    if (!wasRunning || rechecking === 0) return report(true);
    changed();
    unsubscribe = deps.events.subscribe((event, payload) => {
      if (event !== 'demper.decision') return;
      const decision = payload as { productId: number; cityId: string };
      pairs.add(`${decision.productId}:${decision.cityId}`);
      products.add(decision.productId);
      if (pairs.size >= rechecking) report(true);
    });
    timer = setTimeout(() => report(false), deps.reportAfterMs ?? REPORT_AFTER_MS);
    timer.unref?.();
    stopCatchUp = (announce) => report(false, announce);
  }

  return {
    status,
    /** Feeds one OS event; resolves when the demper has acted on it. */
    handle(event: PowerEvent): Promise<void> {
      switch (event.type) {
        case 'suspend':
          asleep = true;
          return pause('asleep', event.at ?? deps.now());
        case 'resume':
          asleep = false;
          return resume();
        case 'offline':
          offline = true;
          return pause('offline', deps.now());
        case 'online':
          offline = false;
          return resume();
        default:
          // A locked screen is not a sleeping computer: the bot keeps working.
          log.info(`screen ${event.type}ed`);
          return chain;
      }
    },
    /** The keep-awake blocker started or stopped: the window's status follows. */
    refresh: changed,
    stop(): void {
      stopCatchUp?.(false);
    },
  };
}
export type SleepGuard = ReturnType<typeof createSleepGuard>;
