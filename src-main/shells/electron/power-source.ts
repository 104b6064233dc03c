import { net, powerMonitor, powerSaveBlocker } from 'electron';
import type { SleepBlocker } from '../../power/keep-awake';
import { watchNetwork } from '../../power/network-watch';
import type { PowerEventSource } from '../../power/power-handling';

/** The OS's word on sleep, wake and the screen lock (powerMonitor), and on the network (net.isOnline). */
export const electronPowerEvents: PowerEventSource = (emit) => {
  const onSuspend = () => emit({ type: 'suspend' });
  const onResume = () => emit({ type: 'resume' });
  const onLock = () => emit({ type: 'lock' });
  const onUnlock = () => emit({ type: 'unlock' });
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('unlock-screen', onUnlock);
  const stopNetwork = watchNetwork({ isOnline: () => net.isOnline(), onEvent: emit });
  return () => {
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
    powerMonitor.off('lock-screen', onLock);
    powerMonitor.off('unlock-screen', onUnlock);
    stopNetwork();
  };
};

/** Keeps the system from sleeping; the display may still turn off. */
export const electronSleepBlocker: SleepBlocker = {
  start: () => powerSaveBlocker.start('prevent-app-suspension'),
  stop: (id) => powerSaveBlocker.stop(id),
};
