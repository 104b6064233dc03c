import type { EventBus } from '../app/event-bus';
import type { Logger } from '../logging/logger';
import { watchClockJumps } from './clock-jump';
import { createKeepAwake } from './keep-awake';
import type { SleepBlocker } from './keep-awake';
import { createSleepGuard } from './sleep-guard';
import type { PowerEvent, SleepAwareDemper, SleepGuard } from './sleep-guard';

/** Where power events come from: Electron's powerMonitor on the desktop, clock jumps by default. */
export type PowerEventSource = (emit: (event: PowerEvent) => void) => () => void;

export interface PowerHandlingDeps {
  /** The seller's "keep the computer awake while the demper runs". */
  preventSleep: () => boolean;
  demper: SleepAwareDemper & { status(): { state: string } };
  events: EventBus;
  logger: Logger;
  now: () => number;
  source?: PowerEventSource;
  /** Electron's powerSaveBlocker; without it the keep-awake option has no effect (headless). */
  blocker?: SleepBlocker;
  onReport?: Parameters<typeof createSleepGuard>[0]['onReport'];
}

/** The app's sleep and network handling, wired to the demper and the settings. */
export function startPowerHandling(deps: PowerHandlingDeps): { guard: SleepGuard; stop(): void } {
  const keepAwake = deps.blocker ? createKeepAwake(deps.blocker) : null;
  const guard = createSleepGuard({ demper: deps.demper, events: deps.events, logger: deps.logger, now: deps.now, onReport: deps.onReport, keepingAwake: () => keepAwake?.active ?? false });
  const source = deps.source ?? ((emit) => watchClockJumps({ onEvent: emit }));
  const stopSource = source((event) => void guard.handle(event));
  const applyKeepAwake = () => {
    if (!keepAwake) return;
    const before = keepAwake.active;
    keepAwake.apply(deps.preventSleep(), deps.demper.status().state !== 'stopped');
    if (keepAwake.active !== before) guard.refresh();
  };
  applyKeepAwake();
  const unsubscribe = deps.events.subscribe((event) => {
    if (event === 'settings.changed' || event === 'demper.status') applyKeepAwake();
  });
  return {
    guard,
    stop() {
      unsubscribe();
      stopSource();
      guard.stop();
      keepAwake?.apply(false, false);
    },
  };
}
